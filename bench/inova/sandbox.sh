#!/usr/bin/env bash
# The sandbox iNova benchmark: N servers booted, shown, listed and deleted over HTTP by 8 clients,
# then the openstack CLI's start-up against the simulator. Prints BENCH lines.
#   bench/inova/sandbox.sh [servers]     (default: 1000)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
servers="${1:-1000}"
./mvnw -B -q -pl sandbox test -Dtest=InovaSimulatorBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.servers="$servers" 2>&1 | grep '^BENCH'
