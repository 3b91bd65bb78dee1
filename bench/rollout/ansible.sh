#!/usr/bin/env bash
# Side by side on the same real hosts: Inception, Ansible and the no-orchestrator floor upgrading
# nova-compute (a small test package whose daemon is `sleep`) on N containers of the project's
# Debian image (host network, one sshd each on its own 127.0.5.x address, real apt/dpkg reading a
# flat apt repository served on 127.0.0.1:18080). Same waves [1, 5%, 25%, 100%] and parallelism
# (forks) for all three; the hosts are reset to 1.0-1 before each run.
#   bench/rollout/ansible.sh [hosts] [parallel]      (defaults: 200 50; needs docker, ansible-core)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"; cd "$root"
n="${1:-200}"; p="${2:-50}"; port=22022; label=io.inception.bench=rollout
command -v ansible-playbook >/dev/null || { echo "install ansible-core (apt-get install ansible-core)" >&2; exit 1; }
work="$(mktemp -d /tmp/inception-rollout-bench.XXXX)"
image="$(bash docker/debian-image/build.sh)"
docker rm -f $(docker ps -aq --filter label=$label) >/dev/null 2>&1 || true

mk() {
  local v=$1 d="$work/pkg-$1"; mkdir -p "$d/DEBIAN" "$d/usr/bin" "$work/repo"
  printf 'Package: nova-compute\nVersion: %s\nArchitecture: all\nMaintainer: Inception <ci@inception.invalid>\nDescription: bench nova-compute\n' "$v" > "$d/DEBIAN/control"
  printf '#!/bin/sh\nexit 0\n' > "$d/DEBIAN/postinst"; printf '#!/bin/sh\nexec sleep 100000\n' > "$d/usr/bin/nova-compute"
  chmod 755 "$d/DEBIAN/postinst" "$d/usr/bin/nova-compute"
  dpkg-deb --root-owner-group -b "$d" "$work/repo/nova-compute_${v}_all.deb" >/dev/null
}
mk 1.0-1; mk 2.0-1
( cd "$work/repo" && dpkg-scanpackages -m . /dev/null > Packages 2>/dev/null \
  && printf 'Origin: bench\nLabel: bench\nDate: %s\nSHA256:\n %s %s Packages\n' "$(date -uR)" \
       "$(sha256sum Packages | cut -d' ' -f1)" "$(stat -c%s Packages)" > Release )
python3 -m http.server --bind 127.0.0.1 18080 --directory "$work/repo" >/dev/null 2>&1 & http=$!
trap 'kill $http 2>/dev/null; docker rm -f $(docker ps -aq --filter label='$label') >/dev/null 2>&1 || true' EXIT
source="deb [trusted=yes] http://127.0.0.1:18080/ ./"
ssh-keygen -q -t ed25519 -N '' -f "$work/id"
cp pipeline-engine/src/test/resources/rollout-containers/systemctl "$work/systemctl"; chmod 755 "$work/systemctl"

: > "$work/hosts.txt"; echo "[compute]" > "$work/inventory"; starting=()
t0=$(date +%s.%N)
for i in $(seq 1 "$n"); do
  addr="127.0.$((5 + (i - 1) / 250)).$((1 + (i - 1) % 250))"; name="$(printf 'qe-%03d' "$i")"
  echo "$name c1 $addr $port" >> "$work/hosts.txt"
  echo "$name ansible_host=$addr ansible_port=$port ansible_user=root" >> "$work/inventory"
  docker run -d --rm --network host --label $label --name "bench-$name" -v "$work:/rig:ro" "$image" sh -c \
    "mkdir -p /root/.ssh && cp /rig/id.pub /root/.ssh/authorized_keys && cp /rig/systemctl /usr/local/bin/systemctl \
     && rm -f /etc/apt/sources.list /etc/apt/sources.list.d/* && dpkg -i /rig/repo/nova-compute_1.0-1_all.deb >/dev/null \
     && systemctl start nova-compute && ssh-keygen -A && exec /usr/sbin/sshd -D -o ListenAddress=$addr:$port -o MaxStartups=200" >/dev/null & starting+=($!)
  if [ $((i % 10)) -eq 0 ]; then wait "${starting[@]}"; starting=(); fi
done
[ ${#starting[@]} -eq 0 ] || wait "${starting[@]}"
# wait for the listeners without connecting: on a loaded machine, repeated ssh-keyscan rounds leave
# sshd children in their login grace time and snowball (seen: 5,700 sshd processes, load 7,000)
until [ "$(ss -Hltn "sport = :$port" | wc -l)" -ge "$n" ]; do sleep 1; done
echo "BENCH $n containers up in $(echo "$(date +%s.%N) - $t0" | bc) s"
ssh-keyscan -T 30 -p $port $(cut -d' ' -f3 "$work/hosts.txt") 2>/dev/null > "$work/known_hosts"

reset() {
  cut -d' ' -f1 "$work/hosts.txt" | xargs -P 20 -I{} docker exec bench-{} sh -c \
    'dpkg -i /rig/repo/nova-compute_1.0-1_all.deb >/dev/null && rm -f /etc/apt/sources.list.d/* && systemctl restart nova-compute' 2>/dev/null
}
waves() { # prints the host names of each wave on one line, as the rollout plans them
  awk -v n="$n" 'BEGIN{split("1 5 25 100",w," "); k=0; s[1]=1; s[2]=int((n*5+99)/100); s[3]=int((n*25+99)/100); s[4]=n}
       {h[++c]=$1} END{i=1; wv=1; while(i<=c){sz=s[wv<4?wv:4]; line=""; for(j=0;j<sz&&i<=c;j++){line=line" "h[i++]} print line; wv++}}' "$work/hosts.txt"
}
script="printf '%s\n' '$source' > /etc/apt/sources.list.d/inception.list && apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --allow-downgrades nova-compute=2.0-1 >/dev/null && systemctl restart nova-compute && test \"\$(dpkg-query -W -f='\${Version}' nova-compute)\" = 2.0-1 && systemctl is-active nova-compute >/dev/null"

cat > "$work/playbook.yml" <<YAML
- hosts: compute
  gather_facts: false
  serial: [1, "5%", "25%", "100%"]
  max_fail_percentage: 2
  tasks:
    - copy: {dest: /etc/apt/sources.list.d/inception.list, content: "$source\n"}
    - command: apt-get update -q
    - command: apt-get install -y -q --allow-downgrades nova-compute=2.0-1
      environment: {DEBIAN_FRONTEND: noninteractive}
    - command: systemctl restart nova-compute
    - command: dpkg-query -W -f=\${Version} nova-compute
      register: v
      failed_when: v.stdout != "2.0-1"
    - command: systemctl is-active nova-compute
YAML
cat > "$work/ansible.cfg" <<CFG
[defaults]
forks = $p
inventory = $work/inventory
private_key_file = $work/id
interpreter_python = /usr/bin/python3
[ssh_connection]
pipelining = True
ssh_args = -o ControlMaster=auto -o ControlPersist=120s -o UserKnownHostsFile=$work/known_hosts -o StrictHostKeyChecking=yes
CFG

check() { cut -d' ' -f1 "$work/hosts.txt" | xargs -P 20 -I{} docker exec bench-{} dpkg-query -W -f='${Version}\n' nova-compute | sort | uniq -c | tr '\n' ' '; }

reset
t=$(date +%s.%N); waves | while read -r line; do printf '%s\n' $line | xargs -P "$p" -I{} docker exec bench-{} sh -c "$script"; done
floor=$(echo "$(date +%s.%N) - $t" | bc); echo "BENCH floor (docker exec, same waves, -P $p): $floor s; versions: $(check)"

reset
./mvnw -B -q -o -pl pipeline-engine,sandbox -am test -Dtest=RolloutHostsBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.hostsFile="$work/hosts.txt" -Dbench.key="$work/id" -Dbench.source="$source" -Dbench.parallel="$p" 2>&1 | grep '^BENCH' | tee "$work/inception.txt"
echo "BENCH versions after Inception: $(check)"

reset
t=$(date +%s.%N); ANSIBLE_CONFIG="$work/ansible.cfg" ansible-playbook "$work/playbook.yml" > "$work/ansible.log" 2>&1 || echo "BENCH ansible failed, see $work/ansible.log"
ansible=$(echo "$(date +%s.%N) - $t" | bc); echo "BENCH ansible (forks $p, pipelining, ControlPersist): $ansible s; versions: $(check)"
inception=$(sed -n 's/^BENCH inception \([0-9.]*\) s.*/\1/p' "$work/inception.txt")
echo "BENCH ratios: ansible/inception $(echo "scale=2; $ansible / $inception" | bc), inception/floor $(echo "scale=2; $inception / $floor" | bc)"
