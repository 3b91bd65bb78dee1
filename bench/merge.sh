#!/usr/bin/env bash
# Merge-train benchmark: a nova-sized repository (3,000 files, 300 trunk commits approximating a long
# history) with 20 custom branches (3 conflicting, 1 editing files trunk moved), merged
#   (a) by the merge train (JGit, in a fresh JVM, fresh work dir: fetch + 20 merges + push), and
#   (b) by the git CLI (clone + 20 x `git merge --no-edit`, aborting conflicts + push),
# with conflicting branches skipped in both. Prints both wall times, the ratio, and whether both
# candidates have the same tree. cold = empty work dir / fresh clone; warm = work dir or clone of the
# previous run (how the server runs several times a day); server = the train's third run in one JVM.
# Usage: bench/merge.sh [scratch-dir]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scratch="${1:-$(mktemp -d /tmp/inception-merge-bench.XXXXXX)}"
mkdir -p "$scratch"
export GIT_AUTHOR_NAME=Bench GIT_AUTHOR_EMAIL=bench@example.com GIT_COMMITTER_NAME=Bench GIT_COMMITTER_EMAIL=bench@example.com
export GIT_CONFIG_NOSYSTEM=1 HOME="$scratch"
branches=20

jar="$root/app/target/inception.jar"
if [ ! -f "$jar" ]; then
  echo "building the application (./mvnw -q -DskipTests package)..." >&2
  (cd "$root" && ./mvnw -B -q -DskipTests package)
fi
# compile the helper once, outside the timings (the source launcher would compile it on every run)
mkdir -p "$scratch/classes"
javac -d "$scratch/classes" -cp "$jar" "$root/bench/MergeBench.java"
java_run() { java -Dlogback.configurationFile="$root/bench/logback-bench.xml" -cp "$jar:$scratch/classes" MergeBench "$@"; }
now_ms() { date +%s%3N; }

echo "generating the repository in $scratch ..."
rm -rf "$scratch/origin.git" "$scratch/target.git" "$scratch/work" "$scratch/gitwork"
git init -q --bare "$scratch/origin.git"
t0=$(now_ms)
java_run generate | git -C "$scratch/origin.git" fast-import --quiet
git -C "$scratch/origin.git" symbolic-ref HEAD refs/heads/main
git -C "$scratch/origin.git" gc -q
git init -q --bare "$scratch/target.git"
files=$(git -C "$scratch/origin.git" ls-tree -r main | wc -l)
commits=$(git -C "$scratch/origin.git" rev-list --all | wc -l)
echo "repository: $files files on trunk, $commits commits, $branches custom branches ($(( $(now_ms) - t0 )) ms to generate)"

train() {
  local t0; t0=$(now_ms)
  java_run train "$scratch/origin.git" "$scratch/target.git" "$scratch/work" "$branches" >&2
  echo $(( $(now_ms) - t0 ))
}

git_merges() { # $1 = cold (clone) or warm (fetch + reset in the existing clone)
  local t0 merged=0 skipped=0 b; t0=$(now_ms)
  if [ "$1" = cold ]; then
    git clone -q "$scratch/origin.git" "$scratch/gitwork"
  else
    git -C "$scratch/gitwork" fetch -q origin
    git -C "$scratch/gitwork" checkout -q -B main origin/main
  fi
  for k in $(seq 0 $((branches - 1))); do
    b=$(printf 'custom-%02d' "$k")
    if git -C "$scratch/gitwork" merge -q --no-edit "origin/$b" >/dev/null 2>&1; then
      merged=$((merged + 1))
    else
      git -C "$scratch/gitwork" merge --abort
      skipped=$((skipped + 1))
    fi
  done
  git -C "$scratch/gitwork" push -q -f "$scratch/target.git" HEAD:refs/heads/candidate-git
  echo "git ($1): merged=$merged skipped=$skipped" >&2
  echo $(( $(now_ms) - t0 ))
}

echo "merge train, cold (fresh JVM, empty work dir: full fetch)..."
train_cold=$(train)
echo "git CLI, cold (clone + checkout)..."
git_cold=$(git_merges cold)
echo "merge train, warm (fresh JVM, work dir of the previous run, like inception merge from cron)..."
train_warm=$(train)
echo "git CLI, warm (fetch + reset in the existing clone)..."
git_warm=$(git_merges warm)
echo "merge train, server (third run in one JVM, work dir kept)..."
hot_ms=$(java_run train "$scratch/origin.git" "$scratch/target.git" "$scratch/work" "$branches" 3 \
  | tail -1 | sed -E 's/.*train_in_jvm_ms=([0-9]+).*/\1/')

train_tree=$(git -C "$scratch/target.git" rev-parse 'candidate^{tree}')
git_tree=$(git -C "$scratch/target.git" rev-parse 'candidate-git^{tree}')
same=$([ "$train_tree" = "$git_tree" ] && echo yes || echo NO)
echo
echo "machine: $(nproc) cores, $(git --version), java $(java -version 2>&1 | head -1 | cut -d'"' -f2)"
printf '%-6s %14s %12s %8s\n' "" "merge train" "git CLI" "ratio"
awk -v t="$train_cold" -v g="$git_cold" 'BEGIN { printf "%-6s %11d ms %9d ms %8.2f\n", "cold", t, g, t / g }'
awk -v t="$train_warm" -v g="$git_warm" 'BEGIN { printf "%-6s %11d ms %9d ms %8.2f\n", "warm", t, g, t / g }'
awk -v t="$hot_ms" -v g="$git_warm" 'BEGIN { printf "%-6s %11d ms %9d ms %8.2f   (train: 3rd run in one JVM, as in the server; git: warm)\n", "server", t, g, t / g }'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "same candidate tree: $same ($train_tree)"
[ "$same" = yes ]
