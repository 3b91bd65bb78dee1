#!/usr/bin/env bash
# The sandbox rollout benchmark: nova-compute over N simulated hosts behind real SSH (one MINA server
# bound to every host's 127.0.x.y address) with the default waves, on the H2 file store. Prints wall
# time, CPU and heap per host. The JVM gets at most $HEAP (default 1g: the issue's heap budget).
#   bench/rollout/sandbox.sh [hosts] [max-parallel]     (defaults: 1000 50)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
hosts="${1:-1000}"; parallel="${2:-50}"; heap="${HEAP:-1g}"
echo "BENCH load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -B -q -o -pl pipeline-engine,sandbox -am test -Dtest=RolloutSandboxBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.hosts="$hosts" -Dbench.parallel="$parallel" -DargLine="-Xmx$heap" 2>&1 | grep '^BENCH'
echo "BENCH load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
