#!/usr/bin/env bash
# Brings up the whole local stack and returns once it is ready:
#   backing services (services.sh) -> build (frontend, then the Maven build) -> the distribution's dnf
#   repository metadata (generated once, distro/repodata.mjs) -> WireMock (Fedora's APIs from
#   recordings, and that metadata) -> worker -> API (serves the SPA at /) -> demo data published on the bus.
#
#   deploy/local/start.sh                    # instance dev: http://127.0.0.1:8080/
#   FP_INSTANCE=e2e deploy/local/start.sh    # instance e2e: http://127.0.0.1:18080/ (Redis DB 2, flushed)
#   deploy/local/stop.sh                     # stops what this started
#
# Ports, vhosts and instances: lib.sh. Logs: deploy/local/.state/<instance>/logs/. Knobs: FP_BUILD=auto|always|never,
# FP_JAVA_OPTS (extra JVM options for worker and API), FP_WORKER_JAVA_OPTS / FP_API_JAVA_OPTS (one of
# them only), FP_WIREMOCK_JOURNAL, FP_KEEP_ON_FAILURE=1.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

STARTED=()   # what this run launched, stopped again if the run fails

on_exit() {
  local rc=$?
  if ((rc != 0)); then
    if ((${#STARTED[@]})) && [[ "${FP_KEEP_ON_FAILURE:-}" != 1 ]]; then
      fp_warn "start failed; stopping what this run started (${STARTED[*]}); logs stay in $FP_LOGS"
      local i
      for ((i = ${#STARTED[@]} - 1; i >= 0; i--)); do fp_stop "${STARTED[$i]}" || true; done
      fp_warn "backing services stay up (deploy/local/stop.sh stops those that these scripts started)"
    fi
    fp_warn "start.sh failed (exit $rc) for instance $FP_INSTANCE"
  fi
}
trap on_exit EXIT

already_running() {
  local alive=() dead=() n
  for n in api worker wiremock; do
    if fp_alive "$n"; then alive+=("$n"); else fp_clear_stale "$n"; dead+=("$n"); fi
  done
  ((${#alive[@]})) || return 1
  if ((${#dead[@]})); then
    fp_die "a partial stack of instance $FP_INSTANCE is running (${alive[*]} up, ${dead[*]} down); run FP_INSTANCE=$FP_INSTANCE deploy/local/stop.sh first"
  fi
  return 0
}

# ---------------------------------------------------------------------------------------------------
# processes

start_wiremock() {
  local jar log="$FP_LOGS/wiremock.log"
  fp_port_free_or_die "$FP_WIREMOCK_PORT" WireMock
  mkdir -p "$FP_WIREMOCK_ROOT/mappings" "$FP_WIREMOCK_ROOT/__files"
  jar="$(fp_wiremock_jar)"
  local ext
  ext="$(fp_wiremock_ext "$jar")"
  # A bounded journal (bench/ counts upstream calls in it) without response bodies, which are what
  # would take the memory; 0 switches it off.
  local journal=(--no-request-journal) xmx=256m
  if ((FP_WIREMOCK_JOURNAL > 0)); then
    journal=(--max-request-journal-entries "$FP_WIREMOCK_JOURNAL" --logged-response-body-size-limit 0)
    xmx=1g
  fi
  # Delayed answers (bench/ sets delays) are sent from a timer, not by a held Jetty thread, so a slow
  # stub cannot starve the others' answers.
  # The "corpus-file" extension serves the corpus packages' generated mdapi/dist-git answers (or 404).
  fp_launch wiremock "$log" java "-Xmx$xmx" "$(fp_marker wiremock)" "-Dfp.wiremock.files=$FP_WIREMOCK_ROOT/__files" \
    -cp "$jar:$ext" wiremock.Run --extensions org.fedoraproject.packages.localwiremock.CorpusFiles \
    --port "$FP_WIREMOCK_PORT" --bind-address 127.0.0.1 --root-dir "$FP_WIREMOCK_ROOT" \
    --disable-banner --container-threads 64 --async-response-enabled true --async-response-threads 16 \
    "${journal[@]}"
  STARTED+=(wiremock)
  fp_wait "WireMock on $FP_WIREMOCK_URL/__admin/health" "$FP_TIMEOUT_WIREMOCK" "$log" wiremock \
    fp_http_ok "$FP_WIREMOCK_URL/__admin/health"
  local n
  n="$(find "$FP_WIREMOCK_ROOT/mappings" -name '*.json' | wc -l)"
  fp_log "WireMock: ready on $FP_WIREMOCK_URL ($n mapping files) (pid $(fp_pid_of wiremock))"
}

# The API's JVM: a heap sized for what it holds (the near cache, bounded here to 40 MiB, plus ~20 MiB
# live), the serial collector (1-3 ms young pauses at 50k req/s measured, and no GC threads competing
# for the 2 cores), bounded code cache and metaspace: RSS stays under 256 MiB through throughput, 1,000
# SSE streams and 1,000 slow connections (bench/read-api.sh: peak 234 MiB; with the worker's -Xmx512m
# the heap grew to 375-410 MiB of RSS just from garbage; with 160 MiB and a 64 MiB near cache, 260).
API_JAVA_DEFAULTS="-Xmx128m -Xms128m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=128m -Xss512k -Dfp.near-cache.max-bytes=41943040"
WORKER_JAVA_DEFAULTS="-Xmx512m"

# start_jar NAME PORT JAR DEFAULTS OWN_OPTS: OWN_OPTS is FP_WORKER_JAVA_OPTS or FP_API_JAVA_OPTS, after
# DEFAULTS and FP_JAVA_OPTS (so they win)
start_jar() {
  local name="$1" port="$2" jar="$3" defaults="$4" own="$5" log="$FP_LOGS/$1.log" both=() extra=() base=()
  fp_port_free_or_die "$port" "$name"
  [[ -f "$jar" ]] || fp_die "$jar not found (build failed?)"
  read -ra base <<<"$defaults"
  read -ra both <<<"${FP_JAVA_OPTS:-}"
  read -ra extra <<<"$own"
  # rabbitmq-virtual-host: the vhost services.sh created (application.properties' %dev default is the
  # same name; given here so that lib.sh stays the one place that names it)
  # glibc's per-thread malloc arenas (up to 8 per core) grew the API's RSS by ~50 MiB while 1,000 SSE
  # streams opened on worker threads; two arenas are plenty for a JVM, which allocates in its own heap
  MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" fp_launch "$name" "$log" java "${base[@]}" \
    -Dquarkus.profile=dev \
    -Dfp.instance="$FP_INSTANCE" \
    -Drabbitmq-virtual-host="$FP_VHOST" \
    -Dfp.local-upstream="$FP_WIREMOCK_URL" \
    -Dfp.redis-db="$FP_REDIS_DB" \
    -Dquarkus.hibernate-search-standalone.elasticsearch.hosts="127.0.0.1:$FP_OPENSEARCH_PORT" \
    -Dquarkus.http.port="$port" \
    "$(fp_marker "$name")" \
    ${both[@]+"${both[@]}"} \
    ${extra[@]+"${extra[@]}"} \
    -jar "$jar"
  STARTED+=("$name")
  fp_wait "$name readiness on http://127.0.0.1:$port/q/health/ready" "$FP_TIMEOUT_JAR" "$log" "$name" \
    fp_http_ok "http://127.0.0.1:$port/q/health/ready"
  fp_log "$name: ready on http://127.0.0.1:$port (vhost $FP_VHOST, pid $(fp_pid_of "$name"), log $log)"
}

packages_total() {
  curl -sf --max-time 5 "$FP_API_URL/api/v1/packages?limit=1" | fp_json_total
}

load_demo() {
  local log="$FP_LOGS/demo.log"
  if [[ ! -s "$FP_DEMO_MESSAGES" ]]; then
    fp_log "demo data: $FP_DEMO_MESSAGES not found; skipping (the stack runs with no packages until messages arrive)"
    return 0
  fi
  fp_rotate_log "$log"
  fp_log "demo data: publishing $(grep -c . "$FP_DEMO_MESSAGES") line(s) from ${FP_DEMO_MESSAGES#"$FP_ROOT"/} on vhost $FP_VHOST"
  fp_bus_publish "$FP_DEMO_MESSAGES" 2>&1 | tee -a "$log" || fp_die "publishing the demo messages failed; see $log"
  local t0 total="" last="" last_print=0
  t0="$(date +%s)"
  while :; do
    total="$(packages_total || true)"
    if [[ "$total" =~ ^[0-9]+$ ]] && ((total >= FP_DEMO_MIN_TOTAL)); then break; fi
    if [[ "$total" != "$last" ]] || (($(date +%s) - last_print >= 5)); then
      fp_log "demo data: $FP_API_URL/api/v1/packages reports total=${total:-?} (waiting for >= $FP_DEMO_MIN_TOTAL)"
      last="$total"
      last_print="$(date +%s)"
    fi
    if (($(date +%s) - t0 >= FP_TIMEOUT_DEMO)); then
      fp_tail_log "$FP_LOGS/worker.log" 40
      fp_die "timed out after ${FP_TIMEOUT_DEMO}s: $FP_API_URL/api/v1/packages?limit=1 reports total=${total:-?}, expected >= $FP_DEMO_MIN_TOTAL; see $FP_LOGS/worker.log and $FP_LOGS/api.log"
    fi
    sleep 1
  done
  fp_log "demo data: $total packages available"
}

# ---------------------------------------------------------------------------------------------------

main() {
  local t_all
  t_all="$(fp_now)"
  cd "$FP_ROOT"
  fp_init_state

  if already_running; then
    fp_log "instance $FP_INSTANCE is already running (api pid $(fp_pid_of api), worker pid $(fp_pid_of worker), wiremock pid $(fp_pid_of wiremock))"
    echo "Fedora Packages is running: $FP_API_URL/"
    return 0
  fi
  fp_port_free_or_die "$FP_API_PORT" API
  fp_port_free_or_die "$FP_WORKER_PORT" worker
  fp_port_free_or_die "$FP_WIREMOCK_PORT" WireMock

  fp_step_begin "backing services (Redis, RabbitMQ, OpenSearch)"
  "$FP_LOCAL/services.sh"
  fp_step_end ok

  if [[ "${FP_BUILD:-auto}" != never ]]; then
    fp_step_begin "build frontend"
    fp_build_frontend
    fp_step_end ok
    fp_step_begin "build jars (mvn package)"
    fp_build_jars
    fp_step_end ok
  fi

  fp_step_begin "repository metadata (distro/repodata.mjs)"
  fp_repodata
  fp_step_end ok

  fp_step_begin "corpus mdapi/dist-git answers (distro/upstreams.mjs)"
  fp_corpus_upstreams
  fp_step_end ok

  fp_step_begin "WireMock (recorded upstream APIs)"
  start_wiremock
  fp_step_end ok

  if [[ "$FP_INSTANCE" == e2e ]]; then
    # reproducible runs: the e2e instance starts from an empty Redis DB (never done for dev's DB 0)
    fp_log "flushing Redis DB $FP_REDIS_DB (instance e2e)"
    fp_redis_flushdb "$FP_REDIS_DB" || fp_die "could not flush Redis DB $FP_REDIS_DB"
  fi

  fp_step_begin "worker"
  start_jar worker "$FP_WORKER_PORT" "$FP_WORKER_JAR" "$WORKER_JAVA_DEFAULTS" "${FP_WORKER_JAVA_OPTS:-}"
  fp_step_end ok

  fp_step_begin "API"
  start_jar api "$FP_API_PORT" "$FP_API_JAR" "$API_JAVA_DEFAULTS" "${FP_API_JAVA_OPTS:-}"
  fp_step_end ok

  fp_step_begin "demo data"
  load_demo
  fp_step_end ok

  echo
  fp_log "timings:"
  fp_steps_summary
  fp_log "all up in $(fp_since "$t_all")s; logs in ${FP_LOGS#"$FP_ROOT"/}/; stop with: FP_INSTANCE=$FP_INSTANCE deploy/local/stop.sh"
  echo "Fedora Packages is running: $FP_API_URL/"
}

main "$@"
