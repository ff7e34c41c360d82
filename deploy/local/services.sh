#!/usr/bin/env bash
# Ensures the backing services run on 127.0.0.1: Redis (6379), RabbitMQ (5672, with one virtual host
# per instance: fedora-packages-dev, -e2e, -test), OpenSearch (9200).
# Idempotent: a service that already answers is used as it is, and is never stopped by stop.sh.
# What this script starts gets a pid file in deploy/local/.state/$FP_INSTANCE/pids/.
#
#   deploy/local/services.sh              # FP_INSTANCE=dev by default
#   FP_INSTANCE=test deploy/local/services.sh
#   deploy/local/services.sh redis opensearch   # only some of them
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_redis() {
  local t0
  t0="$(fp_now)"
  if fp_redis_ping; then
    if fp_alive redis; then
      fp_log "Redis: running on 127.0.0.1:$FP_REDIS_PORT (started by these scripts, pid $(fp_pid_of redis))"
    else
      fp_clear_stale redis
      fp_log "Redis: already running on 127.0.0.1:$FP_REDIS_PORT; using it (not started by us, will not be stopped)"
    fi
    return 0
  fi
  fp_clear_stale redis
  if fp_tcp_open "$FP_REDIS_PORT"; then
    fp_die "something listens on 127.0.0.1:$FP_REDIS_PORT but does not answer Redis PING (password? not Redis?)"
  fi
  if ! command -v redis-server >/dev/null; then
    fp_apt_install redis-server
    # a package's init script may have started it (not without systemd here, but elsewhere it might)
    if fp_redis_ping; then
      fp_log "Redis: running on 127.0.0.1:$FP_REDIS_PORT after the install; using it (not started by us)"
      return 0
    fi
  fi
  mkdir -p "$FP_STATE/redis"
  local log="$FP_LOGS/redis.log"
  fp_rotate_log "$log"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$FP_REDIS_PORT" --save "" --appendonly no \
    --pidfile "$(fp_pidfile redis)" --logfile "$log" --dir "$FP_STATE/redis" ||
    fp_die "redis-server failed to start; see $log"
  fp_wait "Redis PONG on 127.0.0.1:$FP_REDIS_PORT" "$FP_TIMEOUT_REDIS" "$log" "" fp_redis_ping
  fp_wait "Redis pid file" 5 "$log" "" fp_alive redis
  fp_log "Redis: started on 127.0.0.1:$FP_REDIS_PORT (pid $(fp_pid_of redis)) in $(fp_since "$t0")s"
}

rabbitmq_ready() { rabbitmq-diagnostics -q check_running; }

ensure_rabbitmq() {
  local t0 installed="" log="/var/log/rabbitmq (rabbit@*.log, startup_log, startup_err)"
  t0="$(fp_now)"
  if fp_tcp_open "$FP_AMQP_PORT"; then
    if fp_alive rabbitmq; then
      fp_log "RabbitMQ: running on 127.0.0.1:$FP_AMQP_PORT (started by these scripts, pid $(fp_pid_of rabbitmq))"
    else
      fp_clear_stale rabbitmq
      fp_clear_stale epmd
      fp_log "RabbitMQ: already running on 127.0.0.1:$FP_AMQP_PORT; using it (not started by us, will not be stopped)"
    fi
    return 0
  fi
  fp_clear_stale rabbitmq
  fp_clear_stale epmd
  if ! command -v rabbitmq-server >/dev/null; then
    fp_apt_install rabbitmq-server
    installed=1
    if fp_tcp_open "$FP_AMQP_PORT"; then
      fp_log "RabbitMQ: running on 127.0.0.1:$FP_AMQP_PORT after the install; using it (not started by us)"
      return 0
    fi
  fi
  if [[ -n "$installed" ]]; then
    # loopback only: AMQP, epmd and Erlang distribution (feasibility.md §1)
    mkdir -p /etc/rabbitmq
    if [[ -e /etc/rabbitmq/rabbitmq-env.conf ]]; then
      cp -f /etc/rabbitmq/rabbitmq-env.conf /etc/rabbitmq/rabbitmq-env.conf.orig
    fi
    cat >/etc/rabbitmq/rabbitmq-env.conf <<'CONF'
NODE_IP_ADDRESS=127.0.0.1
NODE_PORT=5672
export ERL_EPMD_ADDRESS=127.0.0.1
SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
CONF
    fp_log "RabbitMQ: installed; wrote /etc/rabbitmq/rabbitmq-env.conf (loopback only)"
  fi
  local epmd_before
  epmd_before="$(pgrep -x epmd || true)"
  if [[ "$FP_AMQP_PORT" != 5672 ]]; then export RABBITMQ_NODE_PORT="$FP_AMQP_PORT"; fi
  if [[ -n "${FP_RABBITMQ_NODENAME:-}" ]]; then export RABBITMQ_NODENAME="$FP_RABBITMQ_NODENAME"; fi
  rabbitmq-server -detached || fp_die "rabbitmq-server -detached failed; see $log"
  # the TCP port opens about when the broker is ready; check_running (0.6 s a call) confirms it
  fp_wait "RabbitMQ on 127.0.0.1:$FP_AMQP_PORT" "$FP_TIMEOUT_RABBITMQ" "$log" "" fp_tcp_open "$FP_AMQP_PORT"
  fp_wait "rabbitmq-diagnostics check_running" 30 "$log" "" rabbitmq_ready
  # record the broker's own pid and node name, so that stop.sh stops this very node
  local info pid node
  info="$(rabbitmqctl -q eval 'io:format("~s ~s~n", [os:getpid(), node()]).' | head -n1)"
  pid="${info%% *}"
  node="${info#* }"
  [[ "$pid" =~ ^[0-9]+$ ]] || fp_die "RabbitMQ started but its pid could not be read (got '$info')"
  echo "$pid" >"$(fp_pidfile rabbitmq)"
  echo "$node" >"$FP_PIDS/rabbitmq.node"
  local epmd_now
  epmd_now="$(pgrep -x epmd || true)"
  if [[ -z "$epmd_before" && -n "$epmd_now" ]]; then
    echo "$epmd_now" | head -n1 >"$(fp_pidfile epmd)"
  fi
  fp_log "RabbitMQ: started $node on 127.0.0.1:$FP_AMQP_PORT (pid $pid) in $(fp_since "$t0")s"
}

# --- RabbitMQ virtual hosts: one per instance (lib.sh's fp_vhost), so that instances never see each
# other's messages. All of them, whichever instance runs this: test.sh's services serve the `test`
# JVMs of mvn verify and, later, the e2e instance.

rabbitmqctl_node_args() {
  local node
  node="$(cat "$FP_PIDS/rabbitmq.node" 2>/dev/null || true)"
  node="${node:-${FP_RABBITMQ_NODENAME:-}}"
  if [[ -n "$node" ]]; then echo "-n $node"; fi
}

vhosts_by_rabbitmqctl() {
  local args vhost
  read -ra args <<<"$(rabbitmqctl_node_args)"
  # `rabbitmqctl status` proves that rabbitmqctl reaches this node (Erlang cookie, node name) before
  # anything is changed; add_vhost is idempotent since RabbitMQ 3.8
  timeout 30 rabbitmqctl -q ${args[@]+"${args[@]}"} status >/dev/null 2>&1 || return 1
  for vhost in "$@"; do
    timeout 30 rabbitmqctl -q ${args[@]+"${args[@]}"} add_vhost "$vhost" >/dev/null ||
      fp_die "rabbitmqctl add_vhost $vhost failed"
    timeout 30 rabbitmqctl -q ${args[@]+"${args[@]}"} set_permissions -p "$vhost" guest '.*' '.*' '.*' >/dev/null ||
      fp_die "rabbitmqctl set_permissions -p $vhost guest '.*' '.*' '.*' failed"
  done
}

# The management API (when the plugin is enabled) works where rabbitmqctl cannot reach the node,
# e.g. a broker run by another user with its own Erlang cookie.
vhosts_by_http_api() {
  local api="http://127.0.0.1:${FP_RABBITMQ_MGMT_PORT:-15672}/api" vhost
  curl -sf -o /dev/null --max-time 3 -u guest:guest "$api/overview" || return 1
  for vhost in "$@"; do # the names are [a-z0-9-]: nothing to URL-encode
    curl -sf -o /dev/null --max-time 10 -u guest:guest -X PUT -H 'content-type: application/json' \
      -d '{}' "$api/vhosts/$vhost" || fp_die "management API: PUT $api/vhosts/$vhost failed"
    curl -sf -o /dev/null --max-time 10 -u guest:guest -X PUT -H 'content-type: application/json' \
      -d '{"configure":".*","write":".*","read":".*"}' "$api/permissions/$vhost/guest" ||
      fp_die "management API: PUT $api/permissions/$vhost/guest failed"
  done
}

ensure_vhosts() {
  local vhosts=() i
  for i in "${FP_INSTANCES[@]}"; do vhosts+=("$(fp_vhost "$i")"); done
  if vhosts_by_rabbitmqctl "${vhosts[@]}"; then
    fp_log "RabbitMQ: virtual hosts ${vhosts[*]} ready (guest has all permissions; rabbitmqctl)"
  elif vhosts_by_http_api "${vhosts[@]}"; then
    fp_log "RabbitMQ: virtual hosts ${vhosts[*]} ready (guest has all permissions; management API)"
  else
    local cmds="" v
    for v in "${vhosts[@]}"; do
      cmds+="  rabbitmqctl add_vhost $v && rabbitmqctl set_permissions -p $v guest '.*' '.*' '.*'"$'\n'
    done
    fp_die "RabbitMQ answers on 127.0.0.1:$FP_AMQP_PORT but neither rabbitmqctl (node unreachable: Erlang cookie or node name? FP_RABBITMQ_NODENAME) nor the management API (plugin not enabled) can create the instances' virtual hosts; as the user that runs RabbitMQ, run:"$'\n'"$cmds""or enable the management plugin (rabbitmq-plugins enable rabbitmq_management) and run this again"
  fi
}

opensearch_ready() { curl -sf -o /dev/null --max-time 3 "$FP_OPENSEARCH_URL/_cluster/health?wait_for_status=yellow&timeout=1s"; }

ensure_opensearch() {
  local t0 log="$FP_LOGS/opensearch.log"
  t0="$(fp_now)"
  if fp_alive opensearch; then
    # ours, perhaps still starting
    fp_wait "OpenSearch health (yellow) on $FP_OPENSEARCH_URL" "$FP_TIMEOUT_OPENSEARCH" "$log" opensearch opensearch_ready
    fp_log "OpenSearch: running on $FP_OPENSEARCH_URL (started by these scripts, pid $(fp_pid_of opensearch))"
    return 0
  fi
  fp_clear_stale opensearch
  if fp_http_ok "$FP_OPENSEARCH_URL/"; then
    fp_log "OpenSearch: already running on $FP_OPENSEARCH_URL; using it (not started by us, will not be stopped)"
    return 0
  fi
  if fp_tcp_open "$FP_OPENSEARCH_PORT"; then
    fp_die "something listens on 127.0.0.1:$FP_OPENSEARCH_PORT but does not answer like OpenSearch"
  fi
  fp_tools_build
  mkdir -p "$FP_STATE/opensearch"
  fp_launch opensearch "$log" java -Xms256m -Xmx256m "$(fp_marker opensearch)" \
    -cp "$(fp_tools_cp)" org.fedoraproject.packages.localtools.OpenSearchNode "$FP_STATE/opensearch" \
    --http-port "$FP_OPENSEARCH_PORT" --transport-port "$FP_OPENSEARCH_TRANSPORT_PORT"
  fp_wait "OpenSearch health (yellow) on $FP_OPENSEARCH_URL" "$FP_TIMEOUT_OPENSEARCH" "$log" opensearch opensearch_ready
  fp_log "OpenSearch: started on $FP_OPENSEARCH_URL (pid $(fp_pid_of opensearch), log $log) in $(fp_since "$t0")s"
}

main() {
  fp_init_state
  local services=("$@")
  ((${#services[@]})) || services=(redis rabbitmq opensearch)
  local s
  for s in "${services[@]}"; do
    case "$s" in
      redis) ensure_redis ;;
      rabbitmq) ensure_rabbitmq; ensure_vhosts ;;
      opensearch) ensure_opensearch ;;
      *) fp_die "unknown service '$s' (redis, rabbitmq, opensearch)" ;;
    esac
  done
}

main "$@"
