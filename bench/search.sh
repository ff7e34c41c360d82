#!/usr/bin/env bash
# The search benchmark (bench/README.md): on a running local instance, (1) a full re-index through the
# worker (POST /status/search/reindex) timed until done, with the API searched meanwhile to show there
# is no downtime; (2) a mix of real queries taken from the instance's own index and the relevance table;
# (3) one serial pass over its distinct requests, for the slowest ones and any failure (and it fills the
# API's answer cache); (4) wrk against GET /api/v1/search and /api/v1/search/suggest with 16 and 64
# clients over the mix, while packages change (--changes), and against OpenSearch directly (a term query
# on `name` of the read alias) as the reference of the same run.
# Prints figures, targets and ratios; passes or fails nothing by its exit status (non-zero only when
# it cannot run). Output also in deploy/local/.state/<instance>/logs/bench-search.log.
#
#   bench/search.sh                                   # instance dev, all of it (~3 min after the re-index)
#   FP_INSTANCE=e2e bench/search.sh
#   bench/search.sh --duration 5 --warmup 2 --no-reindex   # quick, while developing
#
# Options: --duration S (20, per wrk run), --warmup S (5, unmeasured, before each endpoint),
# --connections "16 64", --reference-connections 16, --queries N (2000 requests per list), --seed N (42),
# --no-reindex, --reindex-timeout S (600), --changes R (1: packages changed per second during the load,
# through WireMock and the bus, bench/search-changes.mjs; 0: none, the index stays as it is).
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../deploy/local/lib.sh
source "$BENCH/../deploy/local/lib.sh"
# shellcheck source=lib.sh
source "$BENCH/lib.sh"

DURATION=20 WARMUP=5 CONNECTIONS="16 64" REF_CONNECTIONS=16 QUERIES=2000 SEED=42 REINDEX=1 REINDEX_TIMEOUT=600 CHANGES=1
while (($#)); do
  case "$1" in
    --duration) DURATION="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --reference-connections) REF_CONNECTIONS="$2"; shift 2 ;;
    --queries) QUERIES="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --no-reindex) REINDEX=""; shift ;;
    --reindex-timeout) REINDEX_TIMEOUT="$2"; shift 2 ;;
    --changes) CHANGES="$2"; shift 2 ;;
    -h | --help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) fp_die "unknown option '$1' (see --help)" ;;
  esac
done

# Targets of the issue, on a 2-core machine (ms, s).
TARGET_SEARCH_P95=25 TARGET_SUGGEST_P95=10 TARGET_REINDEX_S=60

READ_ALIAS="fp-$FP_INSTANCE-packages-read"
RELEVANCE="$FP_ROOT/api/src/test/resources/search/relevance.tsv"
TMP="$(mktemp -d)"
PROBE_PID="" CHANGER_PID="" PUBLISHER_PID=""
cleanup() {
  [[ -n "$PROBE_PID" ]] && kill "$PROBE_PID" 2>/dev/null || true
  stop_changes
  rm -rf "$TMP"
}
# the changer (node: WireMock answers, one bus message a change, piped into BusPublish)
stop_changes() {
  [[ -n "$CHANGER_PID" ]] || return 0
  kill "$CHANGER_PID" 2>/dev/null || true # it puts WireMock's answers back, then exits: the pipe closes
  [[ -n "$PUBLISHER_PID" ]] && wait "$PUBLISHER_PID" 2>/dev/null || true
  CHANGER_PID="" PUBLISHER_PID=""
}
trap cleanup EXIT

# ---------------------------------------------------------------------------------------------------
# can it run?

for n in api worker; do
  fp_alive "$n" || fp_die "instance $FP_INSTANCE is not running ($n down): start it with FP_INSTANCE=$FP_INSTANCE deploy/local/start.sh"
done
fp_http_ok "$FP_OPENSEARCH_URL/" || fp_die "OpenSearch does not answer on $FP_OPENSEARCH_URL (deploy/local/services.sh opensearch)"
command -v node >/dev/null || fp_die "node is needed (the query mix, JSON)"
[[ -s "$RELEVANCE" ]] || fp_die "$RELEVANCE is missing"
fp_init_state
command -v wrk >/dev/null || fp_apt_install wrk # Debian's package; like the deploy scripts install theirs
command -v wrk >/dev/null || fp_die "wrk is still missing after installing it"

status() { curl -sf --max-time 5 "$FP_WORKER_URL/status"; }
# field PATH: a value of the JSON document on stdin (a.b.c), empty when absent
field() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{let v;try{v=process.argv[1].split(".").reduce((o,k)=>o==null?o:o[k],JSON.parse(s))}catch(e){};console.log(v==null?"":v)})' "$1"; }
count() { curl -sf --max-time 5 "$FP_OPENSEARCH_URL/$READ_ALIAS/_count" | field count; }

s="$(status)" || fp_die "the worker's $FP_WORKER_URL/status does not answer"
[[ "$(field search.reindex.state <<<"$s")" == running ]] &&
  fp_die "a re-index is already running ($(field search.reindex.done <<<"$s") of $(field search.reindex.total <<<"$s")); wait for it"
docs_before="$(count)"
[[ "$docs_before" =~ ^[0-9]+$ ]] || fp_die "no search index $READ_ALIAS on $FP_OPENSEARCH_URL yet (the worker creates it)"

worker_pid="$(fp_pid_of worker)" api_pid="$(fp_pid_of api)"
# OpenSearch may have been started by any instance (or by hand): find it by its port, for its CPU time
os_pid="$(ss -ltnpH "sport = :$FP_OPENSEARCH_PORT" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n1 | cut -d= -f2 || true)"


# WireMock counts its whole request journal on every answer (bench/README.md, the burst run): filled by
# the worker's sweep it costs up to half a core, taken from what is measured here. Emptied once; the
# search benchmark does not read it.
fp_alive wiremock && curl -sf -o /dev/null -X DELETE "$FP_WIREMOCK_URL/__admin/requests" || true

out="$FP_LOGS/bench-search.log"
fp_rotate_log "$out"
say() { tee -a "$out"; } # print and keep
{
  echo "Fedora Packages search benchmark, $(date -u +%FT%TZ)"
  echo "code: $(git -C "$FP_ROOT" log -1 --format='%h %s' 2>/dev/null | cut -c1-100 || echo '?')"
  echo "instance $FP_INSTANCE: $(process_line worker "$FP_WORKER_JAR"); $(process_line api "$FP_API_JAR")"
  echo "OpenSearch $(curl -sf "$FP_OPENSEARCH_URL/" | field version.number) on $FP_OPENSEARCH_URL (pid ${os_pid:-?}), $READ_ALIAS: $docs_before documents"
  echo "machine: $(nproc) cores, $(machine_busy 3) busy over 3 s before the runs (the worker's sweep, other instances, builds); $(wrk --version 2>&1 | head -n1 | cut -d' ' -f1-2)"
  b="$(field bootstrap.state <<<"$s")"
  [[ "$b" == done ]] || echo "WARNING: the worker's bootstrap is '${b:-?}' ($(field bootstrap.done <<<"$s") of $(field bootstrap.total <<<"$s")): it competes for the CPU and the index is not the whole distribution yet"
} | say

# ---------------------------------------------------------------------------------------------------
# 1. full re-index

if [[ -n "$REINDEX" ]]; then
  echo | say
  echo "1. Full re-index (POST $FP_WORKER_URL/status/search/reindex), followed every 0.5 s" | say
  # The API is searched for a name it has every 0.5 s meanwhile: the re-index promises no downtime
  # (readers stay on the old generation until the alias moves), so every answer should be 200 with a hit.
  probe_name="$(curl -sf "$FP_OPENSEARCH_URL/$READ_ALIAS/_search?size=1&_source=name" | field hits.hits.0._source.name)"
  (
    ok=0 bad=0 miss=0
    trap 'echo "$ok $bad $miss" >"$TMP/probe"; exit 0' TERM
    while :; do
      body="$(curl -s --max-time 5 -w '\n%{http_code}' -G --data limit=1 --data-urlencode "q=$probe_name" "$FP_API_URL/api/v1/search" || true)"
      code="${body##*$'\n'}"
      if [[ "$code" != 200 ]]; then bad=$((bad + 1)); elif [[ "$body" == *'"total":0,'* ]]; then miss=$((miss + 1)); else ok=$((ok + 1)); fi
      sleep 0.5 & wait $!
    done
  ) &
  PROBE_PID=$!

  index_before="$(curl -sf "$FP_OPENSEARCH_URL/_alias/$READ_ALIAS" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(Object.keys(JSON.parse(s)).join(",")))')"
  cpu_w0="$(cpu_ms "$worker_pid")" cpu_o0="$( [[ -n "$os_pid" ]] && cpu_ms "$os_pid" || echo 0)"
  t0="$(fp_now)"
  started="$(curl -sf -X POST "$FP_WORKER_URL/status/search/reindex" | field started)" ||
    fp_die "POST $FP_WORKER_URL/status/search/reindex failed"
  [[ "$started" == true ]] || fp_die "the worker did not start a re-index (another one holds the lease)"
  peak=0 last=0 state=""
  while :; do
    s="$(status || true)"
    state="$(field search.reindex.state <<<"$s")"
    rss=$(($(ps -o rss= -p "$worker_pid") / 1024))
    ((rss > peak)) && peak=$rss
    el="$(fp_since "$t0")"
    # a line every 5 s is enough to see the rate
    if [[ "$state" != running ]] || (($(date +%s) - last >= 5)); then
      last=$(date +%s)
      printf '  [t=%5ss] %s %s of %s, worker RSS %d MiB\n' "$el" "${state:-?}" "$(field search.reindex.done <<<"$s")" \
        "$(field search.reindex.total <<<"$s")" "$rss" | say
    fi
    [[ "$state" == done || "$state" == failed ]] && break
    (($(date +%s) - ${t0%.*} > REINDEX_TIMEOUT)) && break
    sleep 0.5
  done
  wall="$(fp_since "$t0")"
  cpu_w="$(($(cpu_ms "$worker_pid") - cpu_w0))" cpu_o="$( [[ -n "$os_pid" ]] && echo $(($(cpu_ms "$os_pid") - cpu_o0)) || echo '?')"
  sleep 1.5 # one more probe after the switch
  kill -TERM "$PROBE_PID" 2>/dev/null || true
  wait "$PROBE_PID" 2>/dev/null || true
  PROBE_PID=""
  read -r p_ok p_bad p_miss <"$TMP/probe" || { p_ok=? p_bad=? p_miss=?; }
  r="$(node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const r=JSON.parse(s).search.reindex;
      const ms=Date.parse(r.finishedAt)-Date.parse(r.startedAt);console.log([r.done,r.total,r.index,(ms/1000).toFixed(1),r.error||""].join("\t"))})' <<<"$s")"
  IFS=$'\t' read -r rdone rtotal rindex rsecs rerror <<<"$r"
  docs_after="$(count)"
  index_after="$(curl -sf "$FP_OPENSEARCH_URL/_alias/$READ_ALIAS" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(Object.keys(JSON.parse(s)).join(",")))')"
  {
    echo
    if [[ "$state" != done ]]; then
      echo "  RE-INDEX ${state:-did not finish} after $wall s${rerror:+: $rerror} (the search runs below use the index as it is)"
    fi
    printf '  wall time              %s s (POST → done seen; the worker'"'"'s own startedAt → finishedAt: %s s)   target ≤ %s s\n' "$wall" "$rsecs" "$TARGET_REINDEX_S"
    printf '  documents              %s written of %s known; %s now has %s (was %s); generation %s → %s\n' \
      "$rdone" "$rtotal" "$READ_ALIAS" "$docs_after" "$docs_before" "$index_before" "$index_after"
    printf '  rate                   %s documents/s (worker time), %s documents/s (wall)\n' \
      "$(calc %.0f "$rdone / ($rsecs > 0 ? $rsecs : 1)")" "$(calc %.0f "$rdone / $wall")"
    printf '  CPU                    worker %s s, OpenSearch %s s; worker peak RSS %s MiB (sampled every 0.5 s)\n' \
      "$(calc %.1f "$cpu_w / 1000")" "$( [[ "$cpu_o" == '?' ]] && echo '?' || calc %.1f "$cpu_o / 1000")" "$peak"
    printf '  API meanwhile          %s searches for "%s": %s found it, %s non-200, %s without it (target: all found)\n' \
      "$((p_ok + p_bad + p_miss))" "$probe_name" "$p_ok" "$p_bad" "$p_miss"
  } | say
fi

# ---------------------------------------------------------------------------------------------------
# 2. the query mix, 3. a serial pass, 4. load: wrk over the query mix

echo | say
echo "2. Query mix (bench/search-queries.mjs) and a serial pass" | say
node "$BENCH/search-queries.mjs" --opensearch "$FP_OPENSEARCH_URL" --index "$READ_ALIAS" --relevance "$RELEVANCE" \
  --out "$TMP" --queries "$QUERIES" --seed "$SEED" || fp_die "building the query mix failed"
sed 's/^/  /' "$TMP/mix.txt" | say

# 3. serial pass: each distinct request once, on one kept-alive connection, for the slow ones; it also fills
# the API's answer cache, so that the load runs measure it warm (with --changes, as changes keep it)

echo | say
echo "   Serial pass before the load: every distinct search and suggest request once, one connection (curl); uncached unless" | say
echo "   an earlier run left the answer in the API's cache (answers live 2-4 min); the load runs then find them cached" | say
for e in search suggest; do
  sort -u "$TMP/$e.tsv" | cut -f2 | awk -v base="$FP_API_URL" '{ printf "url = \"%s%s\"\noutput = \"/dev/null\"\n", base, $0 }' >"$TMP/$e.curl"
  curl -s --config "$TMP/$e.curl" -w '%{http_code} %{time_total} %{url_effective}\n' >"$TMP/$e.times" || true
  sort -k2,2g "$TMP/$e.times" >"$TMP/$e.sorted" # fastest first
  {
    awk -v e="$e" '{ t[NR] = $2 * 1000; if ($1 !~ /^2/) bad++ } END {
      printf "  %-8s %d requests: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; non-2xx %d\n",
        e, NR, t[int(NR * 0.5) + 1], t[int(NR * 0.95) + 1], t[int(NR * 0.99) + 1], t[NR], bad + 0 }' "$TMP/$e.sorted"
    echo "    slowest:"
    tail -n 5 "$TMP/$e.sorted" | tac | awk -v base="$FP_API_URL" '{ sub(base, "", $3); printf "      %7.1f ms  %s  %s\n", $2 * 1000, $1, $3 }'
    awk '$1 !~ /^2/' "$TMP/$e.times" | head -n 5 | sed 's/^/    failed: /'
  } | say
done

# run NAME URL FILE MARKER CONNECTIONS SECONDS: one wrk run; prints its RESULT line's key=value pairs
# and the CPU time of the API, of OpenSearch and of everything else on the machine meanwhile (the
# worker's sweep, WireMock, other instances, builds: "others"; wrk's own is left out).
# Two threads (the machine has 2 cores, which wrk shares with the API and OpenSearch).
run() {
  local name="$1" url="$2" file="$3" marker="$4" c="$5" secs="$6" res a0 o0 m0 a1 o1 m1 w
  a0="$(cpu_ms "$api_pid")" o0="$( [[ -n "$os_pid" ]] && cpu_ms "$os_pid" || echo 0)" m0="$(busy_ms)"
  TIMEFORMAT='%U %S'
  { time wrk -t2 -c"$c" -d"${secs}s" --timeout 5s --latency -s "$BENCH/search-wrk.lua" "$url" -- "$file" "$marker" \
      >"$TMP/wrk.out" 2>&1; } 2>"$TMP/wrk.time" || fp_die "wrk failed for $name: $(cat "$TMP/wrk.out")"
  a1="$(cpu_ms "$api_pid")" o1="$( [[ -n "$os_pid" ]] && cpu_ms "$os_pid" || echo 0)" m1="$(busy_ms)"
  w="$(awk '{ printf "%d", ($1 + $2) * 1000 }' "$TMP/wrk.time")"
  res="$(grep '^RESULT ' "$TMP/wrk.out" | cut -d' ' -f2-)" || fp_die "wrk printed no RESULT for $name: $(cat "$TMP/wrk.out")"
  echo "$res api_cpu_ms=$((a1 - a0)) os_cpu_ms=$((o1 - o0)) wrk_cpu_ms=$w others_cpu_ms=$((m1 - m0 - (a1 - a0) - (o1 - o0) - w))"
}

declare -A R # R[name]=result line
measure() { # measure NAME URL FILE MARKER CONNECTIONS
  fp_log "wrk: $1 with $5 connections, ${DURATION}s" >&2
  R[$1@$5]="$(run "$@" "$DURATION")"
}
warm() { # warm NAME URL FILE MARKER: unmeasured; JIT, caches and connection pools of a fresh JVM
  ((WARMUP > 0)) || return 0
  fp_log "wrk: warm-up of $1, ${WARMUP}s (not measured)" >&2
  run "$@" 16 "$WARMUP" >/dev/null
}

# the API's answer cache: answers dropped and kept by the change notices (counters on /q/metrics)
cache_counts() { curl -sf --max-time 30 "$FP_API_URL/q/metrics" | awk '/^fp_search_cache_dropped_total/ { d = $NF } /^fp_search_cache_kept_total/ { k = $NF } END { printf "%d %d\n", d, k }'; }
notices0="$(cache_counts)"
if [[ "$CHANGES" != 0 ]]; then
  fp_alive wiremock || fp_die "--changes needs the instance's WireMock (or --changes 0)"
  fp_tools_build
  exec {changes_fd}< <(exec node "$BENCH/search-changes.mjs" --opensearch "$FP_OPENSEARCH_URL" --index "$READ_ALIAS" \
    --wiremock "$FP_WIREMOCK_URL" --rate "$CHANGES" --seed "$SEED" 2>>"$TMP/changes.log")
  CHANGER_PID=$!
  fp_bus_publish - <&"$changes_fd" >>"$TMP/changes.log" 2>&1 &
  PUBLISHER_PID=$!
  exec {changes_fd}<&-
  fp_log "changing $CHANGES package(s) a second while measuring (bench/search-changes.mjs)" >&2
fi
changes_t0="$(date +%s)"

warm reference "$FP_OPENSEARCH_URL" "$TMP/reference.tsv" ''
measure reference "$FP_OPENSEARCH_URL" "$TMP/reference.tsv" '' "$REF_CONNECTIONS"
warm search "$FP_API_URL" "$TMP/search.tsv" '"total":0,'
for c in $CONNECTIONS; do measure search "$FP_API_URL" "$TMP/search.tsv" '"total":0,' "$c"; done
warm suggest "$FP_API_URL" "$TMP/suggest.tsv" '"items":[]'
for c in $CONNECTIONS; do measure suggest "$FP_API_URL" "$TMP/suggest.tsv" '"items":[]' "$c"; done

changes_secs=$(($(date +%s) - changes_t0))
stop_changes
notices1="$(cache_counts)"
ref="${R[reference@$REF_CONNECTIONS]}"
echo | say
echo "3. Load: wrk" | say
{
  if [[ "$CHANGES" != 0 ]]; then
    echo
    echo "  index changing: $CHANGES package(s) a second for ${changes_secs}s (bench/search-changes.mjs: a new committer in WireMock's"
    echo "  dist-git answer, a pagure.project.new on the bus; the worker refreshes the package's maintainers and its search document)"
    grep -v '^BusPublish: published' "$TMP/changes.log" | tail -n 3 | sed 's/^/    /'
  else
    echo
    echo "  index unchanged during the runs (--changes 0)"
  fi
  read -r d0 k0 <<<"$notices0"; read -r d1 k1 <<<"$notices1"
  echo "  API answer cache over the runs: $((d1 - d0)) answers dropped by change notices, $((k1 - k0)) kept (a notice compares every cached answer)"
  echo
  echo "  wrk, 2 threads, ${DURATION}s a run after a ${WARMUP}s warm-up per endpoint; latency in ms (wrk --latency, closed loop)"
  printf '  %-22s %5s %9s %8s %8s %8s %8s %8s %7s %7s %7s %9s %9s %7s\n' \
    run clients requests req/s p50 p95 p99 max non-2xx 5xx empty "API cpu/r" "OS cpu/r" others
  for key in "reference@$REF_CONNECTIONS" $(for c in $CONNECTIONS; do echo "search@$c"; done) $(for c in $CONNECTIONS; do echo "suggest@$c"; done); do
    x="${R[$key]}" n="$(kv requests "${R[$key]}")"
    [[ "$key" == reference* ]] && label="OpenSearch term (ref)" || label="API ${key%@*}"
    printf '  %-22s %5s %9s %8s %8s %8s %8s %8s %7s %7s %7s %9s %9s %7s\n' "$label" "${key#*@}" "$n" "$(kv rps "$x")" \
      "$(kv p50_ms "$x")" "$(kv p95_ms "$x")" "$(kv p99_ms "$x")" "$(kv max_ms "$x")" "$(kv non2xx "$x")" "$(kv s5xx "$x")" \
      "$(calc %.1f%% "100 * $(kv empty "$x") / ($n > 0 ? $n : 1)")" \
      "$(calc '%.2fms' "$(kv api_cpu_ms "$x") / ($n > 0 ? $n : 1)")" "$(calc '%.2fms' "$(kv os_cpu_ms "$x") / ($n > 0 ? $n : 1)")" \
      "$(calc %.2f "$(kv others_cpu_ms "$x") / 1000 / $(kv seconds "$x")")"
    errs="$(kv connect_err "$x")/$(kv read_err "$x")/$(kv write_err "$x")/$(kv timeouts "$x")"
    [[ "$errs" == 0/0/0/0 ]] || echo "    ^ socket errors connect/read/write/timeout: $errs"
  done
  echo "  (empty: 2xx answers with no hit/suggestion; cpu/r: CPU time of the API / OpenSearch process per request, all cores;"
  echo "   others: cores used on average by every other process but wrk meanwhile: the worker's sweep, WireMock, builds...)"
  echo
  echo "  targets (at 16 clients) and ratios to the reference (OpenSearch term query on name, $REF_CONNECTIONS clients, same run):"
  for e in search suggest; do
    x="${R[$e@16]:-}"
    [[ -n "$x" ]] || { echo "  $e: no 16-client run (--connections)"; continue; }
    t="$([[ $e == search ]] && echo "$TARGET_SEARCH_P95" || echo "$TARGET_SUGGEST_P95")"
    p95="$(kv p95_ms "$x")"
    printf '  %-8s p95 %7s ms  target ≤ %s ms: %-4s  p50 ×%s  p95 ×%s  p99 ×%s  req/s ×%s\n' "$e" "$p95" "$t" \
      "$(awk -v a="$p95" -v b="$t" 'BEGIN { print (a <= b ? "met" : "MISSED") }')" \
      "$(calc %.1f "$(kv p50_ms "$x") / $(kv p50_ms "$ref")")" "$(calc %.1f "$p95 / $(kv p95_ms "$ref")")" \
      "$(calc %.1f "$(kv p99_ms "$x") / $(kv p99_ms "$ref")")" "$(calc %.2f "$(kv rps "$x") / $(kv rps "$ref")")"
  done
  bad=0
  for key in "${!R[@]}"; do bad=$((bad + $(kv non2xx "${R[$key]}"))); done
  echo "  non-2xx answers over all runs: $bad (expected 0)"
} | say

echo | say
fp_log "output kept in ${out#"$FP_ROOT"/}"
