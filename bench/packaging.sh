#!/usr/bin/env bash
# Packaging benchmark, in one run on this machine:
#  1. the same tree (about 5,000 files, 200 MB; half text, half random) packaged by jdeb (Inception's
#     builder) and by `dpkg-deb --build`, both gzip level 6, files owned by root;
#  2. publishing a snapshot of 50 packages into a signed apt repository, then pointing a suite at it.
# Usage: bench/packaging.sh [FILES] [MEGABYTES]     (defaults 5000 200)
# Prints the timings and ratios; docs/benchmarks.md (## Packaging) records a run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
files="${1:-5000}"
mb="${2:-200}"
work="$(mktemp -d "${TMPDIR:-/tmp}/inception-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "building the test classes (packaging) ..." >&2
./mvnw -B -q -pl packaging -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt >&2
cp="packaging/target/test-classes:packaging/target/classes:pipeline-engine/target/classes:$(cat packaging/target/bench-cp.txt)"
bench() { java -cp "$cp" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn io.inception.packaging.bench.PackagingBench "$@" 2>/dev/null; }
val() { sed -n "s/^$1=//p" "$2" | tail -n1; }

echo "generating $files files, $mb MB ..." >&2
bench tree "$work/tree" "$files" "$mb" > "$work/tree.txt"

echo "jdeb (3 runs in one JVM; the first includes JIT warm-up) ..." >&2
bench jdeb "$work/tree" "$work/jdeb-out" 3 > "$work/jdeb.txt"

echo "dpkg-deb --build (3 runs) ..." >&2
stage="$work/stage"
mkdir -p "$stage/DEBIAN" "$stage/usr/lib/python3/dist-packages"
cp -al "$work/tree/nova" "$stage/usr/lib/python3/dist-packages/nova"
cat > "$stage/DEBIAN/control" <<CONTROL
Package: bench-tree
Version: 1.0-1
Architecture: all
Maintainer: Bench <bench@inception.invalid>
Description: benchmark package
 The generated tree.
CONTROL
dpkg_ms=()
for i in 1 2 3; do
  t0=$(date +%s%N)
  dpkg-deb --root-owner-group -Zgzip -z6 --build "$stage" "$work/dpkg.deb" >/dev/null
  t1=$(date +%s%N)
  dpkg_ms+=($(( (t1 - t0) / 1000000 )))
done

echo "snapshot publish of 50 packages ..." >&2
bench publish "$work/publish" 50 > "$work/publish.txt"

j1=$(val jdeb_run1_ms "$work/jdeb.txt"); j2=$(val jdeb_run2_ms "$work/jdeb.txt"); j3=$(val jdeb_run3_ms "$work/jdeb.txt")
jbest=$(printf '%s\n' "$j2" "$j3" | sort -n | head -n1)
dbest=$(printf '%s\n' "${dpkg_ms[@]}" | sort -n | head -n1)
jsize=$(val jdeb_size "$work/jdeb.txt"); dsize=$(stat -c %s "$work/dpkg.deb")
# both packages must be accepted by dpkg-deb and hold the same number of files
jcount=$(dpkg-deb --contents "$(val jdeb_file "$work/jdeb.txt")" | grep -vc '/$')
dcount=$(dpkg-deb --contents "$work/dpkg.deb" | grep -vc '/$')

echo
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -n1)"
echo "tree: $(val tree_files "$work/tree.txt") files, $(( $(val tree_bytes "$work/tree.txt") / 1048576 )) MB"
printf '%-28s %10s %10s %10s %12s %8s\n' "builder" "run 1 ms" "run 2 ms" "run 3 ms" "size bytes" "files"
printf '%-28s %10s %10s %10s %12s %8s\n' "jdeb (Inception DebBuilder)" "$j1" "$j2" "$j3" "$jsize" "$jcount"
printf '%-28s %10s %10s %10s %12s %8s\n' "dpkg-deb --build -Zgzip -z6" "${dpkg_ms[0]}" "${dpkg_ms[1]}" "${dpkg_ms[2]}" "$dsize" "$dcount"
echo "best warm jdeb / best dpkg-deb: $(awk -v a="$jbest" -v b="$dbest" 'BEGIN{printf "%.2f", a/b}')"
echo "snapshot publish: $(val publish_packages "$work/publish.txt") packages in $(val publish_ms "$work/publish.txt") ms;" \
     "point suite: $(val point_ms "$work/publish.txt") ms"
