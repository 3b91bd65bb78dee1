"""Waits until the Zed control plane can place servers: N nova-compute services up and enabled,
each mapped to a cell (nova_api.host_mappings) and each a resource provider in placement.

  ready.py STATE_DIR DEADLINE_EPOCH_SECONDS

Prints what it is waiting for; exits 1 with the last state when the deadline passes.
"""
import json
import os
import sys
import time

import openstack
import pymysql

state, deadline = sys.argv[1], float(sys.argv[2])
with open(os.path.join(state, "settings.json")) as f:
    s = json.load(f)
hosts = set(s["compute_hosts"])

conn = openstack.connect(auth_url=s["auth_url"], username="admin", password=s["admin_password"],
                         project_name="admin", user_domain_name="Default",
                         project_domain_name="Default", region_name=s["region"],
                         identity_api_version="3", interface="public")


def mapped():
    db = pymysql.connect(unix_socket=s["mysql_socket"], user=s["db_user"],
                         password=s["db_password"], database="nova_api")
    try:
        with db.cursor() as cur:
            cur.execute("SELECT host FROM host_mappings")
            return {row[0] for row in cur.fetchall()}
    finally:
        db.close()


def check():
    up = {svc.host for svc in conn.compute.services(binary="nova-compute")
          if svc.state == "up" and svc.status == "enabled"}
    if not hosts <= up:
        return "nova-compute services up and enabled: %s of %s" % (sorted(up & hosts), sorted(hosts))
    m = mapped()
    if not hosts <= m:
        return "compute hosts mapped to a cell (discover_hosts_in_cells_interval): %s of %s" % (
            sorted(m & hosts), sorted(hosts))
    rps = {rp["name"] for rp in conn.placement.get("/resource_providers").json()["resource_providers"]}
    if not hosts <= rps:
        return "placement resource providers: %s of %s" % (sorted(rps & hosts), sorted(hosts))
    return None


last = None
while True:
    try:
        waiting = check()
    except Exception as e:  # a service still coming up: keep waiting, say what failed
        waiting = "%s: %s" % (type(e).__name__, e)
    if waiting is None:
        print("ready: %d compute hosts up, mapped and in placement" % len(hosts), flush=True)
        sys.exit(0)
    if waiting != last:
        print("waiting for %s" % waiting, flush=True)
        last = waiting
    if time.time() > deadline:
        print("TIMEOUT waiting for %s" % waiting, flush=True)
        sys.exit(1)
    time.sleep(2)
