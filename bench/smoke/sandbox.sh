#!/usr/bin/env bash
# The smoke suite benchmark: the shipped suite (Keystone, Nova, Glance, every host's version over SSH,
# os-services, boot and delete a server) against the iNova simulator and N sandbox SSH hosts, then
# the Allure HTML report; three runs (the first pays the JVM's warm-up and N SSH handshakes).
#   bench/smoke/sandbox.sh [hosts]     (default 200)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
hosts="${1:-200}"
./mvnw -B -q -pl smoke-tests -am test -Dtest=SmokeSandboxBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.hosts="$hosts" 2>&1 | grep '^BENCH'
