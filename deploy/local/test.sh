#!/usr/bin/env bash
# Runs every test, from a clean clone on a fresh Debian machine (JDK 17, Maven, Node 20) whether or
# not Redis and RabbitMQ already run:
#   1. backing services (instance "test": Redis, RabbitMQ, OpenSearch; no jars)
#   2. the frontend build (npm ci, npm run build), so that the API jar built by step 3 contains the SPA
#      and start.sh in step 5 finds everything up to date
#   3. mvn -B verify at the root (unit tests, @QuarkusTest against the real services, the api module's
#      end-to-end test)
#   4. frontend unit tests (npm ci, npm test); the Kubernetes overlays (deploy/kubernetes/test.sh: kubectl
#      kustomize and its checks, no cluster; after step 3, so the generated manifests are compared too)
#   5. browser tests: the e2e instance (FP_INSTANCE=e2e start.sh) and `npm run test:browser` in headless
#      Debian Chromium; the e2e instance is always stopped again
#   6. stops the backing services that step 1 started
# Exits non-zero if any step failed; prints a summary with per-step durations.
set -euo pipefail
FP_INSTANCE="test" # this script's own services; the browser tests use instance e2e
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

FAILED=()
E2E_STARTED=""
SERVICES_STARTED=""
T_ALL="$(fp_now)"

# run_step NAME COMMAND...: runs COMMAND in a subshell, so that fp_die fails the step, not the run.
# (set -e does not apply inside `( ... ) || x`, so the step functions chain their commands with
# `|| return`.)
run_step() {
  local name="$1" rc=0
  shift
  fp_step_begin "$name"
  ("$@") || rc=$?
  if ((rc == 0)); then
    fp_step_end ok
  else
    fp_step_end "FAILED"
    FAILED+=("$name")
  fi
  return "$rc"
}

skip_step() {
  fp_step_begin "$1"
  fp_step_end skipped
}

stop_e2e() { FP_INSTANCE=e2e "$FP_LOCAL/stop.sh"; }
stop_services() { FP_INSTANCE="test" "$FP_LOCAL/stop.sh"; }

finish() {
  local rc=$?
  trap - EXIT INT TERM
  # always, also on failure or Ctrl-C: the e2e stack, then the services this run started
  if [[ -n "$E2E_STARTED" ]]; then run_step "stop e2e instance" stop_e2e || true; fi
  if [[ -n "$SERVICES_STARTED" ]]; then run_step "stop backing services (instance test)" stop_services || true; fi
  echo
  echo "================ test summary ================"
  fp_steps_summary
  printf '  %-48s %-8s %7ss\n' "total" "" "$(fp_since "$T_ALL")"
  if ((${#FAILED[@]})) || ((rc != 0)); then
    echo "FAILED: ${FAILED[*]:-interrupted (exit $rc)}"
    echo "logs: ${FP_STATE_ROOT#"$FP_ROOT"/}/{test,e2e}/logs/"
    exit 1
  fi
  echo "all tests passed"
  exit 0
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------------

step_services() {
  "$FP_LOCAL/services.sh"
}

step_frontend_build() {
  fp_build_frontend
}

step_maven_verify() {
  cd "$FP_ROOT" || return
  mvn -B verify
}

step_kubernetes() {
  "$FP_ROOT/deploy/kubernetes/test.sh"
}

step_frontend_unit() {
  cd "$FP_ROOT/frontend" || return
  npm ci --no-audit --no-fund || return
  npm test
}

ensure_chromium() {
  if [[ ! -x /usr/bin/chromium ]]; then
    fp_apt_install chromium
  fi
  [[ -x /usr/bin/chromium ]] || fp_die "/usr/bin/chromium is missing after apt-get install chromium"
}

step_browser() {
  ensure_chromium || return
  # an e2e stack left over from an earlier run would test old jars: replace it
  if FP_INSTANCE=e2e bash -c 'source "$0"; fp_alive api || fp_alive worker || fp_alive wiremock' "$FP_LOCAL/lib.sh"; then
    fp_log "an e2e instance is still running from an earlier run; stopping it first"
    FP_INSTANCE=e2e "$FP_LOCAL/stop.sh" || return
  fi
  FP_INSTANCE=e2e "$FP_LOCAL/start.sh" || return
  local base pkg
  base="$(FP_INSTANCE=e2e bash -c 'source "$0"; echo "$FP_API_URL"' "$FP_LOCAL/lib.sh")" || return
  # start.sh returns while the worker discovers the distribution in the background; the catalog pages'
  # checks need it (binary names, retired packages): wait for the first discovery, up to 3 minutes
  local until=$((SECONDS + 180))
  until curl -sf --max-time 5 "$base/api/v1/status" | grep -q '"discoveredAt":"'; do
    ((SECONDS < until)) || fp_die "the e2e worker discovered no catalog within 180 s (see deploy/local/.state/e2e/logs/worker.log)"
    sleep 2
  done
  fp_log "e2e catalog discovered after $((SECONDS - until + 180)) s"
  # a demo package: it has every tab (the corpus packages that now sort first have no builds or bugs)
  pkg="${FP_PACKAGE:-bash}"
  curl -sf -o /dev/null --max-time 10 "$base/api/v1/packages/$pkg" ||
    fp_die "demo package $pkg is not known to $base (demo data not loaded?)"
  fp_log "browser tests against $base with FP_PACKAGE=$pkg"
  cd "$FP_ROOT/frontend" || return
  FP_BASE_URL="$base" FP_PACKAGE="$pkg" npm run test:browser
}

main() {
  fp_log "running every test (repo $FP_ROOT)"
  cd "$FP_ROOT"

  SERVICES_STARTED=1 # stop.sh for instance test stops only what services.sh recorded as ours
  if ! run_step "backing services (instance test)" step_services; then
    skip_step "frontend build"
    skip_step "mvn -B verify"
    skip_step "frontend unit tests (npm test)"
    skip_step "kubernetes overlays (kubectl kustomize)"
    skip_step "browser tests (e2e instance)"
    return 1
  fi

  run_step "frontend build" step_frontend_build || true
  run_step "mvn -B verify" step_maven_verify || true
  run_step "frontend unit tests (npm test)" step_frontend_unit || true
  run_step "kubernetes overlays (kubectl kustomize)" step_kubernetes || true

  E2E_STARTED=1 # set before starting, so that the trap stops a half-started stack too
  run_step "browser tests (e2e instance)" step_browser || true
}

main "$@"
