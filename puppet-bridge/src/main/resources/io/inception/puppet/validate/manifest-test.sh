#!/bin/bash
# Inception's manifest test, run at the root of its workspace (a throwaway container's /work, or a
# local folder): `puppet parser validate` on every manifest under tree/, then, when all parse, one
# catalog compile per role (`puppet catalog find --terminus compiler`: compiles without applying,
# offline). Results go to results/ for the stage to read.
set -u
root=$(pwd -P)
mkdir -p results
echo "$root/tree" > results/tree-root
if ! command -v puppet >/dev/null 2>&1; then
  echo "puppet is not installed here" | tee results/no-puppet
  exit 127
fi
opts=(--color=false --confdir="$root/.puppet/etc" --vardir="$root/.puppet/var" --logdir="$root/.puppet/log"
      --rundir="$root/.puppet/run" --codedir="$root/.puppet/code")
mkdir -p "$root/.puppet/etc" "$root/.puppet/code"
puppet --version > results/puppet-version 2>&1
cd "$root/tree"
find "$root/tree" -name '*.pp' -type f | LC_ALL=C sort > "$root/results/validated"
echo "puppet parser validate: $(wc -l < "$root/results/validated") manifest(s)"
xargs -d '\n' puppet parser validate "${opts[@]}" < "$root/results/validated" > "$root/results/validate.log" 2>&1
code=$?
echo "$code" > "$root/results/validate.exit"
cat "$root/results/validate.log"
cd "$root"
if [ "$code" != 0 ]; then
  echo "syntax errors: roles not compiled"
  exit 1
fi
status=0
while read -r role node; do
  [ -n "$role" ] || continue
  puppet catalog find "$node" --terminus compiler --render-as json "${opts[@]}" \
    --modulepath="$root/tree/modules" --hiera_config="$root/roles/$role/inception/hiera.yaml" \
    --manifest="$root/tree/manifests/site.pp" > "results/$role.catalog.json" 2> "results/$role.compile.log"
  code=$?
  echo "$code" > "results/$role.exit"
  [ "$code" = 0 ] || status=1
  echo "role::$role: catalog compile exit $code"
  grep '^Error: ' "results/$role.compile.log" | head -3
done < roles.list
exit $status
