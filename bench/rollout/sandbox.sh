#!/usr/bin/env bash
# The sandbox rollout benchmark: nova-compute over N simulated hosts behind real SSH (MINA) with the
# default waves, on the H2 file store. Prints wall time, CPU and heap per host.
#   bench/rollout/sandbox.sh [hosts] [max-parallel]     (defaults: 1000 50)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
hosts="${1:-1000}"; parallel="${2:-50}"
./mvnw -B -q -pl pipeline-engine,sandbox -am test -Dtest=RolloutSandboxBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.hosts="$hosts" -Dbench.parallel="$parallel" -DargLine="-Xmx2g" 2>&1 | grep '^BENCH'
