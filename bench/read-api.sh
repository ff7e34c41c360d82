#!/usr/bin/env bash
# The read-path benchmark (bench/README.md): on a running local instance,
#   throughput  wrk against one cached document of the API and against the same bytes served by an
#               nginx this script starts (the reference, same run, same wrk settings), with the API's RSS
#   sse         many server-sent event streams held at once: opened, first heartbeat, first event, RSS
#   cold        concurrent GETs of one cold document: how many refresh requests the API publishes
#   slowloris   many connections trickling a request head: how many the API still holds after its
#               header timeout (fp.http.header-timeout) + 5 s, and a normal request's latency meanwhile
# Prints figures with the targets next to them; passes or fails nothing by its exit status (non-zero
# only when it could not run). Output also in deploy/local/.state/<instance>/logs/bench-read-api.log.
#
#   bench/read-api.sh                                    # instance dev, all three runs (~2 min)
#   bench/read-api.sh --runs throughput --duration 5 --warmup 2
#   FP_INSTANCE=e2e bench/read-api.sh --runs sse,cold
#
# Options: --runs throughput,sse,cold (slowloris: only when asked for); throughput: --threads 2, --connections 64, --duration 20 (s),
# --warmup 5 (s, unmeasured, each side), --document PACKAGE/CONNECTOR (default: the first demo document
# of 4-20 kB); sse: --streams 1000, --all-streams 100 (of them on /api/v1/events), --open-batch 100
# (streams opened at once, each batch before the next); cold:
# --cold-requests 200, --cold-package NAME, --cold-connector changelog; slowloris: --slowloris-connections 1000,
# --slowloris-interval 1 (s between two header bytes of a connection); --seed 42.
# Uses the instance FP_INSTANCE (dev by default); if it is not running, starts it with
# deploy/local/start.sh (asking for a stream cap of at least --streams) and stops it at the end.
# Installs Debian's wrk and nginx-light when missing.
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../deploy/local/lib.sh
source "$BENCH/../deploy/local/lib.sh"
# shellcheck source=lib.sh
source "$BENCH/lib.sh"

RUNS=throughput,sse,cold THREADS=2 CONNECTIONS=64 DURATION=20 WARMUP=5 DOCUMENT=""
STREAMS=1000 ALL_STREAMS=100 OPEN_BATCH=100 COLD_REQUESTS=200 COLD_PACKAGE="" COLD_CONNECTOR=changelog SEED=42
SLOW_CONNECTIONS=1000 SLOW_INTERVAL=1
while (($#)); do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --document) DOCUMENT="$2"; shift 2 ;;
    --streams) STREAMS="$2"; shift 2 ;;
    --all-streams) ALL_STREAMS="$2"; shift 2 ;;
    --open-batch) OPEN_BATCH="$2"; shift 2 ;;
    --cold-requests) COLD_REQUESTS="$2"; shift 2 ;;
    --cold-package) COLD_PACKAGE="$2"; shift 2 ;;
    --cold-connector) COLD_CONNECTOR="$2"; shift 2 ;;
    --slowloris-connections) SLOW_CONNECTIONS="$2"; shift 2 ;;
    --slowloris-interval) SLOW_INTERVAL="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    -h | --help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) fp_die "unknown option '$1' (see --help)" ;;
  esac
done
wants() { [[ ",$RUNS," == *,"$1",* ]]; }

# Targets of issue 9 (2-core machine).
TARGET_RPS_RATIO=0.6 STRETCH_RPS_RATIO=0.8 TARGET_P99_RATIO=1.5 TARGET_RSS_MIB=256
DOC_MIN=4096 DOC_MAX=20480
# The API's cap on open streams when nothing overrides it (LiveEvents' default, README's table).
DEFAULT_MAX_STREAMS=2000
# The API's header timeout when nothing overrides it (application.properties), in seconds.
DEFAULT_HEADER_TIMEOUT=10

TMP="$(mktemp -d)"
NGINX_DIR="$FP_STATE/bench-nginx"
NGINX_CONF="$NGINX_DIR/nginx.conf"
NGINX_PID=""

stop_nginx() {
  [[ -n "$NGINX_PID" ]] || return 0
  # only the master this script started: its pid file and its command line naming our config
  if kill -0 "$NGINX_PID" 2>/dev/null && tr '\0' ' ' <"/proc/$NGINX_PID/cmdline" | grep -qF "$NGINX_CONF"; then
    kill -QUIT "$NGINX_PID" 2>/dev/null || true
    fp_wait_pid_gone "$NGINX_PID" 10 || kill -KILL "$NGINX_PID" 2>/dev/null || true
  fi
  NGINX_PID=""
}

finish() {
  local rc=$?
  trap - EXIT INT TERM
  stop_nginx
  stop_if_we_started
  rm -rf "$TMP"
  exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }
hwm_kb() { awk '/^VmHWM:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }
mib() { calc %.0f "$1 / 1024"; }
verdict() { if [[ "$(calc %d "$1")" == 1 ]]; then echo met; else echo MISSED; fi; } # verdict "EXPR"

# api_setting PID KEY DEFAULT: the API's value of KEY (fp.events.max-streams): a -D option of its command
# line, its environment (FP_EVENTS_MAX_STREAMS), its application.properties, else DEFAULT (the code's)
api_setting() {
  local v key="${2//./\\.}" env
  env="$(tr 'a-z.-' 'A-Z__' <<<"$2")"
  v="$(tr '\0' '\n' <"/proc/$1/cmdline" | sed -n "s/^-D$key=//p" | tail -n1)"
  [[ -n "$v" ]] || v="$(tr '\0' '\n' <"/proc/$1/environ" 2>/dev/null | sed -n "s/^$env=//p" | tail -n1)"
  [[ -n "$v" ]] || v="$(sed -n "s/^$key=//p" "$FP_ROOT/api/src/main/resources/application.properties" | tail -n1)"
  echo "${v:-$3}"
}
max_streams() { api_setting "$1" fp.events.max-streams "$DEFAULT_MAX_STREAMS"; }
# header_timeout PID: fp.http.header-timeout in seconds (10S, PT10S, 2.5s)
header_timeout() {
  local v
  v="$(api_setting "$1" fp.http.header-timeout "${DEFAULT_HEADER_TIMEOUT}S" | tr 'a-z' 'A-Z')"
  v="${v#PT}"
  [[ "$v" =~ ^([0-9.]+)S?$ ]] || fp_die "cannot read fp.http.header-timeout '$v' as seconds"
  echo "${BASH_REMATCH[1]}"
}

# A loopback port no socket uses, from 20000 up: below Linux's ephemeral range (32768-60999), where a
# client connection of an earlier run (wrk, the SSE streams) can hold the port as its source and nginx's
# bind() fails with "Address already in use" although nothing listens there.
free_port() {
  local p
  for ((p = 20000; p < 20200; p++)); do
    fp_tcp_open "$p" && continue
    [[ -z "$(ss -Htan "( sport = :$p or dport = :$p )" 2>/dev/null)" ]] && { echo "$p"; return 0; }
  done
  fp_die "no free loopback port in 20000-20199 for nginx"
}

# ---------------------------------------------------------------------------------------------------
# 1. throughput: the API against nginx serving the same bytes

# pick_document: prints "PATH" of the first demo document of DOC_MIN..DOC_MAX bytes (identity encoding)
pick_document() {
  local p c out
  if [[ -n "$DOCUMENT" ]]; then echo "/api/v1/packages/$DOCUMENT"; return; fi
  while IFS= read -r p; do
    for c in overview versions builds updates bugs dependencies files changelog sources maintainers upstream ci; do
      out="$(curl -s -o /dev/null --max-time 5 -w '%{http_code} %{size_download}' "$FP_API_URL/api/v1/packages/$p/$c" || true)"
      if [[ "${out% *}" == 200 ]] && ((${out#* } >= DOC_MIN && ${out#* } <= DOC_MAX)); then
        echo "/api/v1/packages/$p/$c"
        return
      fi
    done
  done <"$TMP/packages.txt"
  fp_die "no demo document of $DOC_MIN-$DOC_MAX bytes found (pass --document PACKAGE/CONNECTOR)"
}

start_nginx() { # start_nginx PORT CONTENT-TYPE: serves $NGINX_DIR/www/doc
  local port="$1" type="$2"
  mkdir -p "$NGINX_DIR/www" "$NGINX_DIR/tmp"
  # Like the API's answer: same Content-Type, Cache-Control and an ETag (nginx's own), keep-alive
  # without a request limit (wrk's connections stay open for the whole run, as against the API).
  cat >"$NGINX_CONF" <<EOF
# bench/read-api.sh's reference server (written at each run; stopped at its end)
worker_processes $(nproc);
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $NGINX_DIR/tmp/body;
  proxy_temp_path $NGINX_DIR/tmp/proxy;
  fastcgi_temp_path $NGINX_DIR/tmp/fastcgi;
  uwsgi_temp_path $NGINX_DIR/tmp/uwsgi;
  scgi_temp_path $NGINX_DIR/tmp/scgi;
  sendfile on;
  tcp_nopush on;
  open_file_cache max=16;
  keepalive_timeout 75s;
  keepalive_requests 100000000;
  types { }
  default_type "$type";
  server {
    listen 127.0.0.1:$port;
    root $NGINX_DIR/www;
    location = /doc { add_header Cache-Control no-cache; }
  }
}
EOF
  nginx -t -q -p "$NGINX_DIR" -c "$NGINX_CONF" 2>"$TMP/nginx-t" || fp_die "nginx refuses $NGINX_CONF: $(cat "$TMP/nginx-t")"
  nginx -p "$NGINX_DIR" -c "$NGINX_CONF" || fp_die "nginx did not start; see $NGINX_DIR/error.log"
  local i
  for ((i = 0; i < 50; i++)); do
    [[ -s "$NGINX_DIR/nginx.pid" ]] && fp_http_ok "http://127.0.0.1:$port/doc" && break
    sleep 0.1
  done
  NGINX_PID="$(cat "$NGINX_DIR/nginx.pid" 2>/dev/null || true)"
  [[ -n "$NGINX_PID" ]] && fp_http_ok "http://127.0.0.1:$port/doc" || fp_die "nginx does not answer on 127.0.0.1:$port; see $NGINX_DIR/error.log"
}

# wrk_run URL PATH SECONDS: one wrk run (bench/search-wrk.lua: its RESULT line) + the API's CPU meanwhile
wrk_run() {
  local url="$1" path="$2" secs="$3" a0 a1
  printf 'GET\t%s\n' "$path" >"$TMP/req.tsv"
  a0="$(cpu_ms "$API_PID")"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${secs}s" --timeout 5s --latency -s "$BENCH/search-wrk.lua" "$url" -- "$TMP/req.tsv" \
    >"$TMP/wrk.out" 2>&1 || fp_die "wrk failed against $url: $(cat "$TMP/wrk.out")"
  a1="$(cpu_ms "$API_PID")"
  echo "$(grep '^RESULT ' "$TMP/wrk.out" | cut -d' ' -f2-) api_cpu_ms=$((a1 - a0))"
}

run_throughput() {
  local path port type size api ngx rss0 rss1 hwm rps_ratio p99_ratio
  path="$(pick_document)"
  # fetched twice: the first read puts it in the API's near cache, the second is what wrk will get
  curl -sf -o /dev/null --max-time 10 "$FP_API_URL$path" || fp_die "GET $path failed"
  curl -sf -D "$TMP/headers" -o "$TMP/doc" --max-time 10 "$FP_API_URL$path" || fp_die "GET $path failed"
  type="$(sed -n 's/^[Cc]ontent-[Tt]ype: *//p' "$TMP/headers" | tr -d '\r')"
  size="$(stat -c %s "$TMP/doc")"
  port="$(free_port)"
  mkdir -p "$NGINX_DIR/www"
  cp "$TMP/doc" "$NGINX_DIR/www/doc"
  start_nginx "$port" "$type"
  curl -sf -o "$TMP/doc.nginx" -D "$TMP/headers.nginx" "http://127.0.0.1:$port/doc"
  cmp -s "$TMP/doc" "$TMP/doc.nginx" || fp_die "nginx does not serve the same bytes as the API"
  grep -qiF "content-type: $type" "$TMP/headers.nginx" || fp_die "nginx's Content-Type differs from the API's ($type)"

  {
    echo
    echo "1. Throughput: GET $path ($size bytes, $type; read twice before, so in the API's near cache) against nginx $(nginx -v 2>&1 | sed 's/.*\///')"
    echo "   serving the same bytes on 127.0.0.1:$port ($(nproc) workers, config ${NGINX_CONF#"$FP_ROOT"/});"
    echo "   wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s on each, one after the other, after ${WARMUP} s of unmeasured warm-up of each"
  } | say
  rss0="$(rss_kb "$API_PID")"
  if ((WARMUP > 0)); then
    wrk_run "$FP_API_URL" "$path" "$WARMUP" >/dev/null
    wrk_run "http://127.0.0.1:$port" /doc "$WARMUP" >/dev/null
  fi
  api="$(wrk_run "$FP_API_URL" "$path" "$DURATION")"
  ngx="$(wrk_run "http://127.0.0.1:$port" /doc "$DURATION")"
  rss1="$(rss_kb "$API_PID")" hwm="$(hwm_kb "$API_PID")"
  stop_nginx

  {
    printf '   %-8s %10s %9s %9s %9s %9s %8s %8s %12s\n' "" "req/s" "p50 ms" "p90 ms" "p99 ms" "max ms" "non-2xx" "errors" "API CPU/req"
    local name x err
    for name in API nginx; do
      if [[ $name == API ]]; then x="$api"; else x="$ngx"; fi
      err=$(($(kv connect_err "$x") + $(kv read_err "$x") + $(kv write_err "$x") + $(kv timeouts "$x")))
      printf '   %-8s %10s %9s %9s %9s %9s %8s %8s %12s\n' "$name" "$(calc %.0f "$(kv rps "$x")")" "$(kv p50_ms "$x")" \
        "$(kv p90_ms "$x")" "$(kv p99_ms "$x")" "$(kv max_ms "$x")" "$(kv non2xx "$x")" "$err" \
        "$( [[ $name == API ]] && calc '%.3f ms' "$(kv api_cpu_ms "$x") / ($(kv requests "$x") > 0 ? $(kv requests "$x") : 1)" || echo -)"
    done
    rps_ratio="$(calc %.2f "$(kv rps "$api") / $(kv rps "$ngx")")"
    p99_ratio="$(calc %.2f "$(kv p99_ms "$api") / $(kv p99_ms "$ngx")")"
    echo "   API / nginx throughput: ${rps_ratio}x   (target >= ${TARGET_RPS_RATIO}x: $(verdict "$rps_ratio >= $TARGET_RPS_RATIO"); stretch >= ${STRETCH_RPS_RATIO}x: $(verdict "$rps_ratio >= $STRETCH_RPS_RATIO"))"
    echo "   API p99 / nginx p99:    ${p99_ratio}x   (target <= ${TARGET_P99_RATIO}x: $(verdict "$p99_ratio <= $TARGET_P99_RATIO"))"
    echo "   API RSS: $(mib "$rss0") MiB before the load, $(mib "$rss1") MiB after; peak since its start (VmHWM) $(mib "$hwm") MiB   (target <= $TARGET_RSS_MIB MiB: $(verdict "$rss1 / 1024 <= $TARGET_RSS_MIB"))"
  } | say
}

# ---------------------------------------------------------------------------------------------------

main() {
  fp_init_state
  command -v node >/dev/null || fp_die "node is needed to read the demo package list (deploy/local/demo/packages.mjs)"
  if wants throughput; then
    command -v wrk >/dev/null || fp_apt_install wrk # Debian's packages; like the deploy scripts install theirs
    command -v nginx >/dev/null || fp_apt_install nginx-light
    command -v wrk >/dev/null && command -v nginx >/dev/null || fp_die "wrk or nginx is still missing after installing them"
  fi
  # An instance started here gets a stream cap of at least --streams (start.sh passes FP_API_JAVA_OPTS on);
  # a running one keeps its own, and the SSE run measures up to it.
  if ((STREAMS > DEFAULT_MAX_STREAMS)) && ! fp_alive api; then
    export FP_API_JAVA_OPTS="${FP_API_JAVA_OPTS:-} -Dfp.events.max-streams=$STREAMS"
  fi
  ensure_stack
  fp_standalone_build "$BENCH"
  API_PID="$(fp_pid_of api)" || fp_die "no pid file for the API of instance $FP_INSTANCE"

  node --input-type=module -e '
    const { PACKAGES } = await import(process.argv[1]);
    console.log(PACKAGES.map(p => p.name).join("\n"));' "$FP_LOCAL/demo/packages.mjs" >"$TMP/packages.txt" ||
    fp_die "could not read the package names from deploy/local/demo/packages.mjs"

  LOG="$FP_LOGS/bench-read-api.log"
  fp_rotate_log "$LOG"
  say() { tee -a "$LOG"; }
  {
    echo "Fedora Packages read-path benchmark, $(date -u +%FT%TZ)"
    echo "code: $(git -C "$FP_ROOT" log -1 --format='%h %s' 2>/dev/null | cut -c1-100 || echo '?')"
    echo "instance $FP_INSTANCE: $(process_line api "$FP_API_JAR"); API JVM: $(tr '\0' '\n' <"/proc/$API_PID/cmdline" | grep -E '^-Xm[sx]' | tr '\n' ' ')"
    echo "machine: $(nproc) cores, $(machine_busy 3) busy over 3 s before the runs (the worker's sweep, other instances, builds)"
    echo "API RSS now $(mib "$(rss_kb "$API_PID")") MiB (peak since its start $(mib "$(hwm_kb "$API_PID")") MiB); target <= $TARGET_RSS_MIB MiB"
  } | say

  # WireMock counts its whole journal on every answer (bench/README.md, the burst run): filled by the
  # worker's sweep it takes up to half a core from what is measured. Emptied once; the cold run counts
  # by date.
  curl -sf -o /dev/null -X DELETE "$FP_WIREMOCK_URL/__admin/requests" || true

  wants throughput && run_throughput

  local java=(java -Xmx512m -cp "$(fp_standalone_cp "$BENCH")" org.fedoraproject.packages.bench.ReadApiBench
    --instance "$FP_INSTANCE" --vhost "$FP_VHOST" --amqp-port "$FP_AMQP_PORT"
    --redis-port "$FP_REDIS_PORT" --redis-db "$FP_REDIS_DB" --api "$FP_API_URL" --wiremock "$FP_WIREMOCK_URL"
    --api-pid "$API_PID" --packages "$TMP/packages.txt" --seed "$SEED")
  if wants sse; then
    local cap limit
    cap="$(max_streams "$API_PID")"
    limit="$(awk '/^Max open files/ { print $4 }' "/proc/$API_PID/limits")"
    {
      echo
      echo "2. Server-sent event streams held at once (target: $STREAMS, each with its first heartbeat and event; RSS <= $TARGET_RSS_MIB MiB)"
      if [[ "$limit" =~ ^[0-9]+$ ]] && ((limit < STREAMS + 100)); then
        echo "   WARNING: the API may open only $limit files; streams beyond that fail"
      fi
    } | say
    "${java[@]}" --run sse --streams "$STREAMS" --all-streams "$ALL_STREAMS" --open-batch "$OPEN_BATCH" --max-streams "$cap" | say ||
      fp_die "the SSE run failed"
  fi
  if wants cold; then
    {
      echo
      echo "3. Cold page: $COLD_REQUESTS concurrent reads of one document nothing has fetched (target: 1 refresh request)"
    } | say
    "${java[@]}" --run cold --cold-requests "$COLD_REQUESTS" --cold-connector "$COLD_CONNECTOR" \
      ${COLD_PACKAGE:+--cold-package "$COLD_PACKAGE"} | say || fp_die "the cold-page run failed"
  fi
  if wants slowloris; then
    local timeout
    timeout="$(header_timeout "$API_PID")"
    {
      echo
      echo "4. Slowloris: $SLOW_CONNECTIONS connections trickling a request head (target: none open after the header timeout, $timeout s, + 5 s)"
    } | say
    "${java[@]}" --run slowloris --slowloris-connections "$SLOW_CONNECTIONS" --slowloris-interval "$SLOW_INTERVAL" \
      --header-timeout "$timeout" | say || fp_die "the slowloris run failed"
  fi
  echo | say
  echo "API RSS at the end $(mib "$(rss_kb "$API_PID")") MiB (peak since its start $(mib "$(hwm_kb "$API_PID")") MiB)" | say
  fp_log "output kept in ${LOG#"$FP_ROOT"/}"
}

main "$@"
