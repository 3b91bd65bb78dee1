#!/usr/bin/env bash
# The cluster benchmark: claims per second of zone-less work items with 1, 2 and 3 node JVMs on one
# PostgreSQL (started on loopback by the benchmark, Debian's postgresql), and the time from a node's
# kill -9 to another node claiming its work.
#   bench/cluster/claims.sh [items] [heartbeat-ms] [missed-heartbeats]     (defaults: 2000 1000 4)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
items="${1:-2000}"; beat="${2:-1000}"; missed="${3:-4}"
echo "BENCH load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -B -q -o -pl cluster -am test -Dtest=ClaimsBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.items="$items" -Dbench.heartbeatMs="$beat" -Dbench.missed="$missed" 2>&1 | grep '^BENCH'
echo "BENCH load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
