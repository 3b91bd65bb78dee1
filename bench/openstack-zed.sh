#!/usr/bin/env bash
# Real OpenStack Zed for tests: start time, RSS of all services, server POST -> ACTIVE.
#   bench/openstack-zed.sh [servers]   (default 5 servers, booted one after another)
# Uses its own state dir and base port; stops what it started at the end. Install time is measured
# separately (`time scripts/openstack-zed/zed.sh install` on a machine without the packages).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ZED_STATE_DIR="${ZED_STATE_DIR:-/var/tmp/inception-zed-bench}"
export ZED_BASE_PORT="${ZED_BASE_PORT:-29900}"
servers="${1:-5}"
zed="$root/scripts/openstack-zed/zed.sh"
trap '"$zed" stop' EXIT

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
t0=$(date +%s.%N)
"$zed" start >/dev/null
t1=$(date +%s.%N)
awk -v a="$t0" -v b="$t1" 'BEGIN { printf "start (fresh state, DB syncs, bootstrap, all services, computes ready): %.1f s\n", b - a }'
"$zed" status

/usr/bin/python3 - "$ZED_STATE_DIR" "$servers" <<'PY'
import json, sys, time
import openstack
state, n = sys.argv[1], int(sys.argv[2])
e = json.load(open(state + "/endpoints.json"))
conn = openstack.connect(auth_url=e["auth_url"], username=e["username"], password=e["password"],
                         project_name=e["project"], user_domain_name="Default",
                         project_domain_name="Default", identity_api_version="3",
                         compute_api_version="2.60")
flavor = conn.compute.find_flavor("m1.tiny")
image = conn.image.find_image(e["image"])
times = []
for i in range(n):
    t = time.monotonic()
    s = conn.compute.create_server(name="bench-%d" % i, flavor_id=flavor.id, image_id=image.id,
                                   networks="none")
    while True:
        s = conn.compute.get_server(s.id)
        if s.status in ("ACTIVE", "ERROR"):
            break
        time.sleep(0.05)
    times.append(time.monotonic() - t)
    assert s.status == "ACTIVE", s
    conn.compute.delete_server(s.id)
print("server POST -> ACTIVE (s): " + ", ".join("%.2f" % t for t in times)
      + "  median %.2f" % sorted(times)[len(times) // 2])
PY
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
