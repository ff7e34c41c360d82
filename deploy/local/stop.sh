#!/usr/bin/env bash
# Stops exactly what start.sh / services.sh started for one instance (FP_INSTANCE, default dev):
# API, worker, WireMock, OpenSearch, and Redis / RabbitMQ (and epmd) only if these scripts started
# them. Waits for each to exit and removes its pid file. Logs and data stay in deploy/local/.state/.
#
#   deploy/local/stop.sh
#   FP_INSTANCE=e2e deploy/local/stop.sh
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

stop_rabbitmq() {
  local file pid node t0
  file="$(fp_pidfile rabbitmq)"
  [[ -e "$file" ]] || return 0
  if ! pid="$(fp_pid_of rabbitmq)"; then
    fp_log "rabbitmq: not running (stale pid file removed)"
    rm -f "$file" "$FP_PIDS/rabbitmq.node"
    return 0
  fi
  t0="$(fp_now)"
  node="$(cat "$FP_PIDS/rabbitmq.node" 2>/dev/null || true)"
  if ! rabbitmqctl -q ${node:+-n "$node"} stop >/dev/null 2>&1; then
    fp_warn "rabbitmqctl stop failed; sending SIGTERM to pid $pid"
    kill -TERM "$pid" 2>/dev/null || true
  fi
  fp_wait_pid_gone "$pid" 60 || {
    fp_warn "RabbitMQ (pid $pid) still running after 60s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    fp_wait_pid_gone "$pid" 10 || fp_die "RabbitMQ (pid $pid) survived SIGKILL"
  }
  rm -f "$file" "$FP_PIDS/rabbitmq.node"
  fp_log "rabbitmq: stopped ${node:-} (pid $pid) in $(fp_since "$t0")s"
}

main() {
  local t0 any=""
  t0="$(fp_now)"
  if [[ -d "$FP_PIDS" ]] && compgen -G "$FP_PIDS/*.pid" >/dev/null; then any=1; fi
  if [[ -z "$any" ]]; then
    fp_log "nothing to stop for instance $FP_INSTANCE (no pid files in $FP_PIDS)"
    return 0
  fi
  # apps first (they hold connections to the services), then the services we started
  fp_stop api
  fp_stop worker
  fp_stop wiremock
  fp_stop opensearch 60
  stop_rabbitmq
  fp_stop epmd 10
  fp_stop redis
  local left
  left="$(compgen -G "$FP_PIDS/*.pid" || true)"
  [[ -z "$left" ]] || fp_warn "pid files left (unknown names, not touched): $left"
  fp_log "stopped instance $FP_INSTANCE in $(fp_since "$t0")s"
}

main "$@"
