#!/usr/bin/env bash
# The event-path benchmark (bench/README.md): publishes bus events to a running local instance and
# measures publish -> refreshed notice -> API, upstream calls per refreshed entry, queue depths.
#
#   bench/event-path.sh                                  # all three runs, defaults of the brief
#   bench/event-path.sh --runs rate --rate 10 --seconds 10
#   FP_INSTANCE=e2e bench/event-path.sh --runs burst
#
# Uses the instance FP_INSTANCE (dev by default). If it is not running, starts it with
# deploy/local/start.sh and stops it again at the end; a running one is used and left running.
# Every option after the script name goes to EventPathBench (see bench/README.md for the list).
# The output is also kept in deploy/local/.state/<instance>/logs/bench.log.
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../deploy/local/lib.sh
source "$BENCH/../deploy/local/lib.sh"
# shellcheck source=lib.sh
source "$BENCH/lib.sh"

CORPUS="${FP_CORPUS:-$FP_ROOT/../shared/corpus/distro-corpus.jsonl.gz}"
WIREMOCK_SETTINGS=""
TMP="$(mktemp -d)"

finish() {
  local rc=$?
  trap - EXIT INT TERM
  # The Java side restores WireMock itself; this covers a crash or Ctrl-C of it.
  if [[ -n "$WIREMOCK_SETTINGS" ]] && fp_http_ok "$FP_WIREMOCK_URL/__admin/health"; then
    curl -sf -o /dev/null --max-time 10 -X POST "$FP_WIREMOCK_URL/__admin/mappings/remove-by-metadata" \
      -d '{"matchesJsonPath":"$.fp-bench"}' || fp_warn "could not remove the benchmark's WireMock stubs"
    curl -sf -o /dev/null --max-time 10 -X POST "$FP_WIREMOCK_URL/__admin/settings" -d "$WIREMOCK_SETTINGS" ||
      fp_warn "could not restore WireMock's settings ($WIREMOCK_SETTINGS)"
  fi
  stop_if_we_started
  rm -rf "$TMP"
  exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM



wants_burst() { # the default runs include the burst; so does any --runs naming it
  local prev="" a runs="rate,burst,slow"
  for a in "$@"; do
    [[ "$prev" == --runs ]] && runs="$a"
    prev="$a"
  done
  [[ ",$runs," == *,burst,* ]]
}

main() {
  fp_init_state
  command -v node >/dev/null || fp_die "node is needed to read the demo package list (deploy/local/demo/packages.mjs)"
  if wants_burst "$@" && [[ ! -s "$CORPUS" ]]; then
    fp_die "the burst run reads $CORPUS (../shared beside the checkout; FP_CORPUS=... elsewhere), which is missing"
  fi
  ensure_stack
  fp_standalone_build "$BENCH"

  node --input-type=module -e '
    const { PACKAGES } = await import(process.argv[1]);
    console.log(PACKAGES.map(p => p.name).join("\n"));' "$FP_LOCAL/demo/packages.mjs" >"$TMP/packages.txt" ||
    fp_die "could not read the package names from deploy/local/demo/packages.mjs"

  WIREMOCK_SETTINGS="$(curl -sf --max-time 5 "$FP_WIREMOCK_URL/__admin/settings" |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.stringify(JSON.parse(s).settings||{})))')" ||
    fp_die "WireMock's admin API does not answer on $FP_WIREMOCK_URL"

  local log="$FP_LOGS/bench.log" dirty rc=0
  fp_rotate_log "$log"
  dirty="$(git -C "$FP_ROOT" status --porcelain -- worker api 2>/dev/null | wc -l)"
  {
    echo "Fedora Packages event-path benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "code: $(git -C "$FP_ROOT" log -1 --format='%h %s' 2>/dev/null || echo '?')$( ((dirty)) && echo " (+ $dirty uncommitted file(s) under worker/ and api/)")"
    echo "$(process_line worker "$FP_WORKER_JAR"); $(process_line api "$FP_API_JAR"); machine: $(nproc) cores"
  } | tee -a "$log"

  java -Xmx1g -cp "$(fp_standalone_cp "$BENCH")" org.fedoraproject.packages.bench.EventPathBench \
    --instance "$FP_INSTANCE" --vhost "$FP_VHOST" --amqp-port "$FP_AMQP_PORT" \
    --redis-port "$FP_REDIS_PORT" --redis-db "$FP_REDIS_DB" \
    --api "$FP_API_URL" --wiremock "$FP_WIREMOCK_URL" \
    --packages "$TMP/packages.txt" --corpus "$CORPUS" --probes "$BENCH/depth-probes.conf" \
    --journal-cap "$FP_WIREMOCK_JOURNAL" \
    "$@" | tee -a "$log" || rc=$?
  ((rc == 0)) || fp_die "the benchmark failed (exit $rc); the output so far is in $log"
  fp_log "output kept in ${log#"$FP_ROOT"/}"
}

main "$@"
