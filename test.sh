#!/usr/bin/env bash
# Installs what the test suite needs on a fresh Debian 12 machine (as root) and runs the whole
# suite, unit tests (Surefire) and integration tests against real peers (Failsafe): ./mvnw -B verify
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"

# Debian packages the tests use as real peers.
packages=(git ca-certificates curl unzip postgresql)
command -v javac >/dev/null 2>&1 || packages+=(openjdk-17-jdk-headless)

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
    trap '$SUDO rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  $SUDO apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=600 "${missing[@]}"
fi

# git needs an identity for the commits the tests make with the CLI.
git config --global user.email >/dev/null 2>&1 || git config --global user.email "ci@inception.invalid"
git config --global user.name >/dev/null 2>&1 || git config --global user.name "Inception CI"

exec ./mvnw -B verify "$@"
