#!/usr/bin/env bash
# Builds the project's Debian 12 test image without pulling from any image registry:
#   debootstrap --variant=minbase bookworm (from the Debian mirror apt already uses)
#   -> docker import -> docker build (openssh-server, python3, sudo, ca-certificates, puppet).
# The image is tagged with a hash of its recipe (this script + Dockerfile) and rebuilt only when
# that hash changes. Prints the image reference (e.g. inception/debian:12-1a2b3c4d5e6f) on stdout;
# progress goes to stderr.
#
# Environment: INCEPTION_DEBIAN_MIRROR overrides the mirror; INCEPTION_IMAGE_CACHE the folder for
# the lock (default /var/tmp/inception-image).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
suite=bookworm
repo=inception/debian

log() { echo "debian-image: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

command -v docker >/dev/null || die "docker is not installed (apt-get install docker.io)"
docker info >/dev/null 2>&1 || die "the Docker daemon does not answer (start dockerd)"

hash="$(cat "$here/build.sh" "$here/Dockerfile" | sha256sum | cut -c1-12)"
image="$repo:12-$hash"

if docker image inspect "$image" >/dev/null 2>&1; then
  echo "$image"; exit 0
fi

cache="${INCEPTION_IMAGE_CACHE:-/var/tmp/inception-image}"
mkdir -p "$cache"
# One build at a time: concurrent test runs wait for the first one and then reuse its image.
exec 9>"$cache/build.lock"
flock -w 1800 9 || die "timed out waiting for another build of $image"
if docker image inspect "$image" >/dev/null 2>&1; then
  echo "$image"; exit 0
fi

command -v debootstrap >/dev/null || die "debootstrap is not installed (apt-get install debootstrap)"

mirror="${INCEPTION_DEBIAN_MIRROR:-}"
if [ -z "$mirror" ]; then
  # The first Debian (non-security) archive in apt's own configuration.
  mirror="$( { cat /etc/apt/sources.list.d/*.sources 2>/dev/null | sed -n 's/^URIs:[[:space:]]*//p' | tr ' ' '\n';
               cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
                 | sed -n 's/^deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\?\([^[:space:]]\+\).*/\2/p'; } \
             | grep -E '/debian/?$' | grep -v security | head -n1 || true)"
fi
[ -n "$mirror" ] || die "no Debian mirror found in /etc/apt; set INCEPTION_DEBIAN_MIRROR"

work="$(mktemp -d "$cache/rootfs.XXXXXX")"
trap 'rm -rf "$work"' EXIT
log "debootstrap --variant=minbase $suite from $mirror (a few minutes)"
debootstrap --variant=minbase "$suite" "$work/rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 \
  || { tail -n 30 "$work/debootstrap.log" >&2; die "debootstrap failed"; }
rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/var/lib/apt/lists/"*

base="$repo-base:12-$hash"
log "docker import -> $base"
tar -C "$work/rootfs" -c . | docker import - "$base" >/dev/null
log "docker build -> $image"
docker build --network host --build-arg "BASE=$base" -t "$image" -t "$repo:12" "$here" >&2 \
  || die "docker build failed"
docker rmi "$base" >/dev/null 2>&1 || true
echo "$image"
