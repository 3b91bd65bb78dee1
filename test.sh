#!/usr/bin/env bash
# Installs what the test suite needs on a fresh Debian 12 machine (as root) and runs the whole
# suite, unit tests (Surefire) and integration tests against real peers (Failsafe): ./mvnw -B verify
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"

# Debian packages the tests use as real peers.
packages=(git ca-certificates curl unzip postgresql openssh-client
          docker.io debootstrap dpkg-dev lintian gpgv)
# the real client of the sandbox iNova (sandbox OpenStackClientIT)
packages+=(python3-openstackclient)
# The real OpenStack Zed for inova-provisioner's ITs (scripts/openstack-zed/zed.sh; RealNova).
packages+=(python3-keystone python3-nova python3-glance python3-placement python3-openstackclient
           python3-pymysql rabbitmq-server mariadb-server uwsgi-core uwsgi-plugin-python3)
command -v javac >/dev/null 2>&1 || packages+=(openjdk-17-jdk-headless)
# web: the browser test (WebUiIT) drives Debian's Chromium through /usr/bin/chromedriver
packages+=(chromium chromium-driver)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  # policy-rc.d keeps postinst scripts from starting system daemons; tests start their own.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
    $SUDO chmod +x /usr/sbin/policy-rc.d
    # removed when this script ends, however it ends (Maven is its child, not exec'd, so this runs)
    trap 'status=$?; $SUDO rm -f /usr/sbin/policy-rc.d; exit $status' EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
  fi
  $SUDO apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=600 "${missing[@]}"
fi

# git needs an identity for the commits the tests make with the CLI.
git config --global user.email >/dev/null 2>&1 || git config --global user.email "ci@inception.invalid"
git config --global user.name >/dev/null 2>&1 || git config --global user.name "Inception CI"

# Docker for the real-peer tests (apt in Debian containers, hermetic builds). No systemd here:
# start dockerd in the background when it does not answer, and wait for it.
if ! docker info >/dev/null 2>&1; then
  echo "test.sh: starting dockerd (log: /var/log/dockerd.log)"
  nohup $SUDO dockerd >/var/log/dockerd.log 2>&1 &
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    sleep 1
  done
  if ! docker info >/dev/null 2>&1; then
    echo "test.sh: ERROR: dockerd did not answer within 60 s; last lines of /var/log/dockerd.log:" >&2
    tail -n 20 /var/log/dockerd.log >&2 || true
    exit 1
  fi
fi
# Nothing can be pulled from an image registry: no Ryuk reaper, no start-up checks, and no alpine
# container to find the Docker host (tests use --network host and loopback).
export TESTCONTAINERS_RYUK_DISABLED=true
export TESTCONTAINERS_CHECKS_DISABLE=true
export TESTCONTAINERS_HOST_OVERRIDE=localhost

# The project's Debian 12 test image (debootstrap + docker build), built here once so the first
# integration test does not pay for it; cached by the hash of its recipe, so usually a no-op.
echo "test.sh: Debian test image: $(./docker/debian-image/build.sh)"

# Not exec: this shell must outlive Maven so its EXIT trap cleans up; Maven's exit code is the script's.
status=0
./mvnw -B verify "$@" || status=$?
# The README's run command builds the application its own way (tests skipped): check that build too,
# and that the launcher starts the application from it.
if [ "$status" -eq 0 ]; then
  rm -f app/target/inception.jar
  ./inception validate >/dev/null || { echo "test.sh: ERROR: ./inception could not build or start the application" >&2; status=1; }
fi
exit "$status"
