#!/usr/bin/env bash
# A real OpenStack Zed control plane from Debian 12's own packages, on loopback, for tests.
#
#   zed.sh install   apt-get the Debian packages (as root; no system daemon is started)
#   zed.sh start     fresh state, start every service, wait until 5 computes can take servers,
#                    write the endpoints and the Inception user's (and admin's) credentials to
#                    $ZED_STATE_DIR/endpoints.json (mode 600); print them with the passwords
#                    masked, then that file's path
#   zed.sh stop      stop exactly the processes `start` started (saved pids), never by name
#   zed.sh status    say which of the saved processes run; exit 0 only when all of them do
#
# Environment: ZED_STATE_DIR (default /var/tmp/inception-zed), ZED_BASE_PORT (default 47100; uses
# BASE..BASE+7 on 127.0.0.1), ZED_START_TIMEOUT (seconds for the whole start, default 600),
# ZED_COMPUTES (default 5).
#
# Everything binds 127.0.0.1 only: MariaDB has no TCP at all (unix socket, --skip-networking),
# RabbitMQ, epmd and the HTTP services listen on 127.0.0.1. Every process is started in its own
# session (setsid) and its pid and start time are saved under run/; `stop` signals exactly those
# process groups (so uwsgi/oslo.service workers go with their parent) and only while the saved
# start time still matches, so a recycled pid is never hit.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
S="${ZED_STATE_DIR:-/var/tmp/inception-zed}"
B="${ZED_BASE_PORT:-47100}"
TIMEOUT="${ZED_START_TIMEOUT:-600}"
NCOMPUTE="${ZED_COMPUTES:-5}"
PY=/usr/bin/python3 # Debian's python: another python3 may come first on PATH

P_KEYSTONE=$B; P_NOVA=$((B + 1)); P_PLACEMENT=$((B + 2)); P_GLANCE=$((B + 3))
P_NEUTRON=$((B + 4)); P_AMQP=$((B + 5)); P_DIST=$((B + 6)); P_EPMD=$((B + 7))
LOCAL=127.0.0.1
REGION=RegionOne

PACKAGES=(python3-keystone python3-nova python3-glance python3-placement python3-openstackclient
          python3-pymysql rabbitmq-server mariadb-server uwsgi-core uwsgi-plugin-python3 curl)

# Stop order: clients first, the database last.
SERVICES_STOP_ORDER=(nova-compute-5 nova-compute-4 nova-compute-3 nova-compute-2 nova-compute-1
  nova-api nova-scheduler nova-conductor glance-api placement keystone neutron-stub rabbitmq epmd)

log() { printf '%s zed: %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ---------------------------------------------------------------------------------------------
install_packages() {
  local SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  local created=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
    $SUDO chmod +x /usr/sbin/policy-rc.d
    created=yes
  fi
  local rc=0
  { $SUDO apt-get update -q &&
    $SUDO apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=600 "${PACKAGES[@]}"; } || rc=$?
  [ -z "$created" ] || $SUDO rm -f /usr/sbin/policy-rc.d
  return $rc
}

# ---------------------------------------------------------------------------------------------
# Process bookkeeping

proc_start_time() { # field 22 of /proc/PID/stat (after the parenthesised command name)
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }"
  set -- $stat
  echo "${20}"
}

# spawn NAME CMD... : run CMD in its own session, output to log/NAME.log, save pid + start time
spawn() {
  local name="$1"; shift
  setsid "$@" </dev/null >>"$S/log/$name.log" 2>&1 &
  local pid=$!
  echo "$pid" >"$S/run/$name.pid"
  proc_start_time "$pid" >"$S/run/$name.start" || true
}

# alive NAME : the saved process still runs (same pid and start time)
alive() {
  local name="$1" pid start
  [ -f "$S/run/$name.pid" ] || return 1
  pid="$(cat "$S/run/$name.pid")"
  start="$(cat "$S/run/$name.start" 2>/dev/null)"
  [ -n "$start" ] && [ "$(proc_start_time "$pid" 2>/dev/null)" = "$start" ]
}

stop_one() {
  local name="$1" pid
  alive "$name" || { rm -f "$S/run/$name.pid" "$S/run/$name.start"; return 0; }
  pid="$(cat "$S/run/$name.pid")"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do
    alive "$name" || break
    sleep 0.1
  done
  if alive "$name"; then
    log "$name (pid $pid) ignored SIGTERM for 10 s: SIGKILL"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  # workers of the group that outlived their leader
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$S/run/$name.pid" "$S/run/$name.start"
}

stop_all() {
  [ -d "$S/run" ] || return 0
  local name
  for name in "${SERVICES_STOP_ORDER[@]}"; do
    stop_one "$name" &
    # clients may go together; the database and the broker after them
    case "$name" in nova-api|placement|epmd|neutron-stub) wait ;; esac
  done
  stop_one mariadb
  wait
}

group_rss() { ps -eo pgid=,rss= | awk -v g="$1" '$1 == g { s += $2 } END { print s + 0 }'; }

total_rss() {
  local f t=0
  for f in "$S"/run/*.pid; do t=$((t + $(group_rss "$(cat "$f")"))); done
  echo "$t"
}

status() {
  local name rc=0 any=""
  [ -d "$S/run" ] || { echo "not started (no $S/run)"; return 3; }
  for f in "$S"/run/*.pid; do
    [ -e "$f" ] || continue
    name="$(basename "$f" .pid)"; any=yes
    if alive "$name"; then
      printf '%-16s running  pid %-8s RSS %6d MiB\n' "$name" "$(cat "$f")" $(( $(group_rss "$(cat "$f")") / 1024 ))
    else
      printf '%-16s NOT running\n' "$name"; rc=1
    fi
  done
  [ $rc != 0 ] || printf '%-16s          %-12s RSS %6d MiB\n' total "" $(( $(total_rss) / 1024 ))
  [ -n "$any" ] || { echo "not started (no saved pids in $S/run)"; return 3; }
  return $rc
}

# ---------------------------------------------------------------------------------------------
# Waiting: every wait names what it awaits, uses the start deadline and shows the log on failure

tail_log() {
  local name="$1"
  echo "----- last 40 lines of $S/log/$name.log -----" >&2
  tail -n 40 "$S/log/$name.log" >&2 2>/dev/null || echo "(no log)" >&2
  echo "-----" >&2
}

fail() { # fail NAME MESSAGE
  log "ERROR: $2"
  tail_log "$1"
  exit 1
}

remaining() { echo $((DEADLINE - $(date +%s))); }

# wait_for NAME WHAT CMD... : poll CMD until it succeeds; fail when NAME died or the deadline passed
wait_for() {
  local name="$1" what="$2"; shift 2
  local t0; t0=$(date +%s)
  until "$@" >/dev/null 2>&1; do
    alive "$name" || fail "$name" "$name exited while waiting for $what"
    [ "$(remaining)" -gt 0 ] || fail "$name" "timed out after $(( $(date +%s) - t0 )) s waiting for $what (start deadline ${TIMEOUT} s)"
    sleep 1
  done
  log "$what: ok after $(( $(date +%s) - t0 )) s"
}

http_ok() { curl -sf -o /dev/null --max-time 5 "$1"; }

# run_step NAME CMD... : a one-shot command (DB sync, bootstrap) with its own log; fail shows it
run_step() {
  local name="$1"; shift
  if ! "$@" </dev/null >>"$S/log/$name.log" 2>&1; then
    fail "$name" "$name failed: $*"
  fi
}

# ---------------------------------------------------------------------------------------------
# Configuration

password() { head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20; }

write_configs() {
  DB_PASS="$(password)"; RABBIT_PASS="$(password)"; ADMIN_PASS="$(password)"
  SERVICE_PASS="$(password)"; USER_PASS="$(password)"
  SOCK="$S/mysql/mysqld.sock"
  AUTH_URL="http://$LOCAL:$P_KEYSTONE/v3"
  TRANSPORT="rabbit://zed:$RABBIT_PASS@$LOCAL:$P_AMQP/"
  db() { echo "mysql+pymysql://zed:$DB_PASS@localhost/$1?unix_socket=$SOCK&charset=utf8"; }

  local hosts="" i
  for i in $(seq 1 "$NCOMPUTE"); do hosts="$hosts${hosts:+, }\"compute-$i\""; done

  umask 077
  cat >"$S/settings.json" <<EOF
{"auth_url": "$AUTH_URL", "region": "$REGION",
 "compute_url": "http://$LOCAL:$P_NOVA/v2.1", "placement_url": "http://$LOCAL:$P_PLACEMENT",
 "image_url": "http://$LOCAL:$P_GLANCE", "network_url": "http://$LOCAL:$P_NEUTRON",
 "admin_password": "$ADMIN_PASS", "service_password": "$SERVICE_PASS",
 "project": "inception", "user": "inception", "user_password": "$USER_PASS",
 "mysql_socket": "$SOCK", "db_user": "zed", "db_password": "$DB_PASS",
 "compute_hosts": [$hosts],
 "flavors": [["m1.tiny", 1, 512, 1], ["m1.small", 1, 2048, 20], ["m1.medium", 2, 4096, 40],
             ["m1.large", 4, 8192, 80]],
 "image": "inception-fake"}
EOF

  # keystonemiddleware / keystoneauth sections shared by the services
  authtoken() { cat <<EOF
[keystone_authtoken]
www_authenticate_uri = $AUTH_URL
auth_url = $AUTH_URL
auth_type = password
project_domain_name = Default
user_domain_name = Default
project_name = service
username = $1
password = $SERVICE_PASS
service_token_roles_required = true
EOF
  }
  ksa() { cat <<EOF
[$1]
auth_type = password
auth_url = $AUTH_URL
project_domain_name = Default
user_domain_name = Default
project_name = service
username = $2
password = $SERVICE_PASS
region_name = $REGION
valid_interfaces = public
EOF
  }

  mkdir -p "$S/etc/keystone" "$S/etc/placement" "$S/keystone/fernet-keys" "$S/keystone/credential-keys"
  cat >"$S/etc/keystone/keystone.conf" <<EOF
[DEFAULT]
use_stderr = true
[database]
connection = $(db keystone)
[token]
provider = fernet
[fernet_tokens]
key_repository = $S/keystone/fernet-keys
[credential]
key_repository = $S/keystone/credential-keys
[identity]
password_hash_rounds = 4
[cache]
enabled = true
backend = dogpile.cache.memory
EOF

  cat >"$S/etc/placement/placement.conf" <<EOF
[DEFAULT]
use_stderr = true
[api]
auth_strategy = keystone
[placement_database]
connection = $(db placement)
$(authtoken placement)
EOF

  cat >"$S/etc/glance-api.conf" <<EOF
[DEFAULT]
use_stderr = true
bind_host = $LOCAL
bind_port = $P_GLANCE
workers = 0
graceful_shutdown_timeout = 5
node_staging_uri = file://$S/glance/staging
[database]
connection = $(db glance)
[glance_store]
stores = file
default_store = file
filesystem_store_datadir = $S/glance/images
[paste_deploy]
flavor = keystone
config_file = $S/etc/glance-api-paste.ini
[oslo_concurrency]
lock_path = $S/glance/lock
$(authtoken glance)
EOF
  cat >"$S/etc/glance-api-paste.ini" <<'EOF'
[pipeline:glance-api-keystone]
pipeline = versionnegotiation authtoken context rootapp
[composite:rootapp]
paste.composite_factory = glance.api:root_app_factory
/: apiversions
/v2: apiv2app
[app:apiversions]
paste.app_factory = glance.api.versions:create_resource
[app:apiv2app]
paste.app_factory = glance.api.v2.router:API.factory
[filter:versionnegotiation]
paste.filter_factory = glance.api.middleware.version_negotiation:VersionNegotiationFilter.factory
[filter:context]
paste.filter_factory = glance.api.middleware.context:ContextMiddleware.factory
[filter:authtoken]
paste.filter_factory = keystonemiddleware.auth_token:filter_factory
delay_auth_decision = true
EOF

  # nova.conf: what every nova process reads; nova-control.conf only api/conductor/scheduler load
  # (database sections, their host name), so nova-compute never sees a database section.
  cat >"$S/etc/nova.conf" <<EOF
[DEFAULT]
use_stderr = true
state_path = $S/nova
instances_path = $S/nova/instances
my_ip = $LOCAL
transport_url = $TRANSPORT
enabled_apis = osapi_compute
osapi_compute_listen = $LOCAL
osapi_compute_listen_port = $P_NOVA
osapi_compute_workers = 1
compute_driver = fake.FakeDriver
update_resources_interval = 30
graceful_shutdown_timeout = 5
[api]
auth_strategy = keystone
[wsgi]
api_paste_config = $S/etc/nova-api-paste.ini
[conductor]
workers = 1
[scheduler]
workers = 1
discover_hosts_in_cells_interval = 3
[oslo_concurrency]
lock_path = $S/nova/lock
[oslo_messaging_notifications]
driver = noop
[vnc]
enabled = false
[glance]
region_name = $REGION
valid_interfaces = public
$(ksa placement nova)
$(ksa neutron nova)
$(authtoken nova)
EOF
  cat >"$S/etc/nova-control.conf" <<EOF
[DEFAULT]
host = zed-control
[api_database]
connection = $(db nova_api)
[database]
connection = $(db nova)
EOF
  cat >"$S/etc/nova-api-paste.ini" <<'EOF'
[composite:osapi_compute]
use = call:nova.api.openstack.urlmap:urlmap_factory
/: oscomputeversions
/v2.1: oscomputeversion_v2
/v2.1/+: openstack_compute_api_v21
[composite:openstack_compute_api_v21]
use = call:nova.api.auth:pipeline_factory_v21
keystone = compute_req_id faultwrap request_log sizelimit authtoken keystonecontext osapi_compute_app_v21
[filter:compute_req_id]
paste.filter_factory = nova.api.compute_req_id:ComputeReqIdMiddleware.factory
[filter:faultwrap]
paste.filter_factory = nova.api.openstack:FaultWrapper.factory
[filter:request_log]
paste.filter_factory = nova.api.openstack.requestlog:RequestLog.factory
[filter:sizelimit]
paste.filter_factory = oslo_middleware:RequestBodySizeLimiter.factory
[filter:keystonecontext]
paste.filter_factory = nova.api.auth:NovaKeystoneContext.factory
[filter:authtoken]
paste.filter_factory = keystonemiddleware.auth_token:filter_factory
[app:osapi_compute_app_v21]
paste.app_factory = nova.api.openstack.compute:APIRouterV21.factory
[pipeline:oscomputeversions]
pipeline = faultwrap request_log oscomputeversionapp
[app:oscomputeversionapp]
paste.app_factory = nova.api.openstack.compute.versions:Versions.factory
[pipeline:oscomputeversion_v2]
pipeline = compute_req_id faultwrap request_log oscomputeversionapp_v2
[app:oscomputeversionapp_v2]
paste.app_factory = nova.api.openstack.compute.versions:VersionsV2.factory
EOF
  for i in $(seq 1 "$NCOMPUTE"); do
    printf '[DEFAULT]\nhost = compute-%s\n' "$i" >"$S/etc/nova-compute-$i.conf"
  done

  mkdir -p "$S/rabbit/home" "$S/rabbit/mnesia" "$S/rabbit/log"
  cat >"$S/rabbit/rabbitmq.conf" <<EOF
listeners.tcp.1 = $LOCAL:$P_AMQP
loopback_users = none
default_user = zed
default_pass = $RABBIT_PASS
log.console = true
log.file = false
EOF
  echo '[].' >"$S/rabbit/enabled_plugins"
  : >"$S/rabbit/rabbitmq-env.conf"
  umask 022
}

# ---------------------------------------------------------------------------------------------

preflight() {
  local missing=() p
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] || die "Debian packages missing: ${missing[*]} (run: $0 install, or ./test.sh)"
  local port
  for port in $(seq "$B" $((B + 7))); do
    if (exec 3<>"/dev/tcp/$LOCAL/$port") 2>/dev/null; then
      die "port $port on $LOCAL is in use (ZED_BASE_PORT=$B uses $B..$((B + 7)))"
    fi
  done
}

# What keystone-manage fernet_setup / credential_setup write (saves two Keystone start-ups): a key
# repository with a staged key 0 and a primary key 1, each 32 random bytes, url-safe base64.
fernet_keys() {
  local k
  mkdir -p "$1"; chmod 700 "$1"
  for k in 0 1; do
    (umask 077; head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '\n' >"$1/$k")
  done
}

mariadb_ready() { mariadb-admin --no-defaults -S "$SOCK" -u root ping; }
rabbit_ready() { (exec 3<>"/dev/tcp/$LOCAL/$P_AMQP"); }

start() {
  local t_start; t_start=$(date +%s)
  DEADLINE=$((t_start + TIMEOUT))
  [ "${#S}" -le 80 ] || die "ZED_STATE_DIR is too long for a unix socket path: $S"
  stop_all
  preflight
  case "$S" in /*/*) ;; *) die "ZED_STATE_DIR must be an absolute path below a folder: $S" ;; esac
  if [ -d "$S" ] && [ -n "$(ls -A "$S")" ] && [ ! -f "$S/settings.json" ]; then
    die "$S exists and is not a state dir of this script (no settings.json): not wiping it"
  fi
  rm -rf "$S"
  mkdir -p "$S/log" "$S/run" "$S/mysql" "$S/glance/images" "$S/glance/staging" "$S/glance/lock" \
           "$S/nova/instances" "$S/nova/lock"
  write_configs
  local asroot=(); [ "$(id -u)" != 0 ] || asroot=(--user=root)
  log "state in $S, ports $B..$((B + 7)) on $LOCAL, deadline ${TIMEOUT} s"

  # --- MariaDB (unix socket only), epmd + RabbitMQ, the Neutron stub
  run_step mariadb mariadb-install-db --no-defaults --datadir="$S/mysql/data" "${asroot[@]}" \
    --auth-root-authentication-method=socket --skip-test-db
  spawn mariadb mariadbd --no-defaults --datadir="$S/mysql/data" --socket="$SOCK" \
    --pid-file="$S/mysql/mariadbd.pid" --skip-networking "${asroot[@]}" \
    --innodb-buffer-pool-size=64M --innodb-log-file-size=32M --innodb-flush-log-at-trx-commit=0 \
    --innodb-doublewrite=0 --performance-schema=OFF --skip-log-bin --max-connections=400 \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci
  spawn epmd epmd -port "$P_EPMD" -address "$LOCAL"
  (
    export HOME="$S/rabbit/home" ERL_EPMD_PORT="$P_EPMD" ERL_EPMD_ADDRESS="$LOCAL"
    export RABBITMQ_NODENAME="zed$B@localhost" RABBITMQ_NODE_IP_ADDRESS="$LOCAL"
    export RABBITMQ_NODE_PORT="$P_AMQP" RABBITMQ_DIST_PORT="$P_DIST"
    export RABBITMQ_CONF_ENV_FILE="$S/rabbit/rabbitmq-env.conf"
    export RABBITMQ_CONFIG_FILE="$S/rabbit/rabbitmq.conf"
    export RABBITMQ_ENABLED_PLUGINS_FILE="$S/rabbit/enabled_plugins"
    export RABBITMQ_MNESIA_BASE="$S/rabbit/mnesia" RABBITMQ_LOG_BASE="$S/rabbit/log"
    export RABBITMQ_PID_FILE="$S/rabbit/rabbit.pid" RABBITMQ_LOGS=-
    export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-start_epmd false -kernel inet_dist_use_interface {127,0,0,1} +sbwt none +sbwtdcpu none +sbwtdio none"
    spawn rabbitmq /usr/lib/rabbitmq/bin/rabbitmq-server
  )
  spawn neutron-stub "$PY" "$here/neutron_stub.py" "$P_NEUTRON"

  wait_for mariadb "MariaDB on $SOCK" mariadb_ready
  mariadb --no-defaults -S "$SOCK" -u root <<EOF || fail mariadb "creating the databases failed"
CREATE USER 'zed'@'localhost' IDENTIFIED BY '$DB_PASS';
CREATE DATABASE keystone; CREATE DATABASE placement; CREATE DATABASE glance;
CREATE DATABASE nova_api; CREATE DATABASE nova; CREATE DATABASE nova_cell0;
GRANT ALL PRIVILEGES ON *.* TO 'zed'@'localhost';
EOF

  # --- schemas and keystone bootstrap, in parallel
  local kconf="$S/etc/keystone/keystone.conf"
  fernet_keys "$S/keystone/fernet-keys"; fernet_keys "$S/keystone/credential-keys"
  local pids=()
  ( run_step keystone-manage keystone-manage --config-file "$kconf" db_sync
    run_step keystone-manage keystone-manage --config-file "$kconf" bootstrap \
      --bootstrap-password "$ADMIN_PASS" --bootstrap-username admin \
      --bootstrap-project-name admin --bootstrap-role-name admin \
      --bootstrap-service-name keystone --bootstrap-region-id "$REGION" \
      --bootstrap-admin-url "$AUTH_URL" --bootstrap-internal-url "$AUTH_URL" \
      --bootstrap-public-url "$AUTH_URL" ) & pids+=($!)
  ( OS_PLACEMENT_CONFIG_DIR="$S/etc/placement" run_step placement-manage \
      placement-manage --config-file "$S/etc/placement/placement.conf" db sync ) & pids+=($!)
  ( run_step glance-manage "$PY" "$here/launch.py" glance-manage glance.cmd.manage \
      --config-file "$S/etc/glance-api.conf" db_sync ) & pids+=($!)
  ( run_step nova-manage "$PY" "$here/nova_setup.py" "$(db nova_cell0)" \
      --config-file "$S/etc/nova.conf" --config-file "$S/etc/nova-control.conf" ) & pids+=($!)
  local p; for p in "${pids[@]}"; do wait "$p" || exit 1; done
  log "databases synced, keystone bootstrapped: $(( $(date +%s) - t_start )) s"

  # --- keystone and placement under uwsgi, then the catalogue (before Nova starts, so its
  #     computes find placement at once)
  local uwsgi=(uwsgi --plugin python3 --master --die-on-term --need-app --processes 1
               --threads 4 --enable-threads --buffer-size 65535 --add-header "Connection: close")
  OS_KEYSTONE_CONFIG_DIR="$S/etc/keystone" spawn keystone "${uwsgi[@]}" \
    --http-socket "$LOCAL:$P_KEYSTONE" --wsgi-file /usr/bin/keystone-wsgi-public
  OS_PLACEMENT_CONFIG_DIR="$S/etc/placement" spawn placement "${uwsgi[@]}" \
    --http-socket "$LOCAL:$P_PLACEMENT" --wsgi-file /usr/bin/placement-api
  wait_for neutron-stub "the Neutron stub on $LOCAL:$P_NEUTRON" http_ok "http://$LOCAL:$P_NEUTRON/"
  wait_for keystone "keystone on $AUTH_URL" http_ok "$AUTH_URL"
  run_step bootstrap "$PY" "$here/bootstrap.py" "$S" catalog
  log "catalogue and users: $(( $(date +%s) - t_start )) s"

  wait_for rabbitmq "RabbitMQ on $LOCAL:$P_AMQP" rabbit_ready
  local nova=("$PY" "$here/launch.py")
  spawn nova-conductor "${nova[@]}" nova-conductor nova.cmd.conductor \
    --config-file "$S/etc/nova.conf" --config-file "$S/etc/nova-control.conf"
  spawn nova-scheduler "${nova[@]}" nova-scheduler nova.cmd.scheduler \
    --config-file "$S/etc/nova.conf" --config-file "$S/etc/nova-control.conf"
  spawn nova-api "${nova[@]}" nova-api nova.cmd.api \
    --config-file "$S/etc/nova.conf" --config-file "$S/etc/nova-control.conf"
  spawn glance-api "$PY" "$here/launch.py" glance-api glance.cmd.api \
    --config-file "$S/etc/glance-api.conf"
  local i
  for i in $(seq 1 "$NCOMPUTE"); do
    spawn "nova-compute-$i" "${nova[@]}" nova-compute nova.cmd.compute \
      --config-file "$S/etc/nova.conf" --config-file "$S/etc/nova-compute-$i.conf"
  done

  wait_for placement "placement on http://$LOCAL:$P_PLACEMENT/" http_ok "http://$LOCAL:$P_PLACEMENT/"
  wait_for glance-api "glance on http://$LOCAL:$P_GLANCE/versions" http_ok "http://$LOCAL:$P_GLANCE/versions"
  wait_for nova-api "the compute API on http://$LOCAL:$P_NOVA/" http_ok "http://$LOCAL:$P_NOVA/"
  run_step bootstrap "$PY" "$here/bootstrap.py" "$S" resources
  log "flavors and image: $(( $(date +%s) - t_start )) s"

  if ! "$PY" "$here/ready.py" "$S" "$DEADLINE" 2>&1 | tee -a "$S/log/ready.log" | sed 's/^/  /' >&2 \
     || ! grep -q '^ready:' "$S/log/ready.log"; then
    local worst=nova-compute-1
    for i in $(seq 1 "$NCOMPUTE"); do alive "nova-compute-$i" || worst="nova-compute-$i"; done
    alive nova-conductor || worst=nova-conductor
    alive nova-scheduler || worst=nova-scheduler
    fail "$worst" "the computes did not become ready (see $S/log/ready.log)"
  fi

  write_endpoints
  log "started in $(( $(date +%s) - t_start )) s"
  # the passwords stay in the file (mode 600); stdout shows where they are
  sed -E 's/("password": )"[^"]*"/\1"*** (in endpoints.json)"/g' "$S/endpoints.json"
  echo "$S/endpoints.json"
}

write_endpoints() {
  local hosts="" i
  for i in $(seq 1 "$NCOMPUTE"); do hosts="$hosts${hosts:+, }\"compute-$i\""; done
  umask 077
  cat >"$S/endpoints.json" <<EOF
{
  "auth_url": "$AUTH_URL",
  "region": "$REGION",
  "domain": "Default",
  "project": "inception",
  "username": "inception",
  "password": "$USER_PASS",
  "admin": {"project": "admin", "username": "admin", "password": "$ADMIN_PASS"},
  "compute_hosts": [$hosts],
  "flavors": ["m1.tiny", "m1.small", "m1.medium", "m1.large"],
  "image": "inception-fake",
  "endpoints": {
    "identity": "$AUTH_URL",
    "compute": "http://$LOCAL:$P_NOVA/v2.1",
    "image": "http://$LOCAL:$P_GLANCE",
    "placement": "http://$LOCAL:$P_PLACEMENT",
    "network": "http://$LOCAL:$P_NEUTRON"
  },
  "state_dir": "$S",
  "logs": "$S/log"
}
EOF
  umask 022
}

case "${1:-}" in
  install) install_packages ;;
  start) start ;;
  stop) stop_all; log "stopped (state kept in $S)" ;;
  status) status ;;
  *) echo "usage: $0 install|start|stop|status" >&2; exit 2 ;;
esac
