# shellcheck shell=bash disable=SC2034,SC2016
# (SC2034: the variables are used by the scripts that source this; SC2016: bash -c bodies are single-quoted on purpose)
# Helpers for the local-stack scripts (start.sh, stop.sh, services.sh, test.sh). Source it; don't run it.
#
# The one place for ports, instances and state folders. Everything listens on 127.0.0.1 only.
#
#   instance   API     worker   WireMock   Redis DB   RabbitMQ vhost         used by
#   dev        8080    8082     8089       0          fedora-packages-dev    start.sh (default), a developer's stack
#   e2e        18080   18082    18089      2          fedora-packages-e2e    test.sh's browser tests (DB flushed on each start)
#   test       28080   28082    28089      1          fedora-packages-test   test.sh's services, mvn verify's JVMs (no jars started)
#
# Shared backing services (one of each per machine, whichever instance started them):
#   Redis 127.0.0.1:6379, RabbitMQ 127.0.0.1:5672 (guest/guest; exchange amq.topic of each instance's
#   virtual host, which services.sh creates for all instances), OpenSearch 127.0.0.1:9200 (transport 9300).
# The vhosts keep the instances apart on the bus: each binds org.fedoraproject.* on its own amq.topic,
# so the dev worker never consumes what the tests publish. The jars get theirs from
# -Drabbitmq-virtual-host (start.sh), the same name as the %dev/%test default of application.properties.
# A service that already answers is used as it is and never stopped by these scripts. Whatever the
# scripts start gets a pid file in deploy/local/.state/<instance>/pids/, and stop.sh stops exactly those.
#
# Environment knobs:
#   FP_INSTANCE            dev | e2e | test (default dev)
#   FP_REDIS_PORT, FP_AMQP_PORT, FP_OPENSEARCH_PORT, FP_OPENSEARCH_TRANSPORT_PORT
#                          move the backing services (for testing these scripts; the jars still use
#                          their configured defaults unless you also pass FP_JAVA_OPTS)
#   FP_RABBITMQ_NODENAME   node name for a RabbitMQ that we start, and for rabbitmqctl (default: the machine's)
#   FP_RABBITMQ_MGMT_PORT  management API port, used to create the vhosts when rabbitmqctl cannot reach
#                          an already running broker (default 15672; only if the plugin is enabled)
#   FP_JAVA_OPTS           extra JVM options for both the worker and the API (word-split; no quoting)
#   FP_WORKER_JAVA_OPTS    extra JVM options for the worker only (after FP_JAVA_OPTS, so they win)
#   FP_API_JAVA_OPTS       extra JVM options for the API only (after FP_JAVA_OPTS, so they win)
#   FP_WIREMOCK_JOURNAL    WireMock request journal size (entries; default 50000, 0 = no journal);
#                          bench/ counts upstream calls in it
#   FP_BUILD               auto (default: build what is older than its sources) | always | never
#   FP_KEEP_ON_FAILURE=1   start.sh leaves what it started running when it fails (for debugging)

set -euo pipefail

FP_LOCAL="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
FP_ROOT="$(cd "$FP_LOCAL/../.." && pwd)"
FP_TOOLS="$FP_LOCAL/tools"

FP_INSTANCES=(dev e2e test)
FP_INSTANCE="${FP_INSTANCE:-dev}"
case "$FP_INSTANCE" in
  dev)  FP_API_PORT=8080;  FP_WORKER_PORT=8082;  FP_WIREMOCK_PORT=8089;  FP_REDIS_DB=0 ;;
  e2e)  FP_API_PORT=18080; FP_WORKER_PORT=18082; FP_WIREMOCK_PORT=18089; FP_REDIS_DB=2 ;;
  test) FP_API_PORT=28080; FP_WORKER_PORT=28082; FP_WIREMOCK_PORT=28089; FP_REDIS_DB=1 ;;
  *) echo "FP_INSTANCE must be one of dev, e2e, test (got '$FP_INSTANCE')" >&2; exit 2 ;;
esac
export FP_INSTANCE

# fp_vhost [INSTANCE]: the instance's RabbitMQ virtual host
fp_vhost() { echo "fedora-packages-${1:-$FP_INSTANCE}"; }
FP_VHOST="$(fp_vhost)"

FP_REDIS_PORT="${FP_REDIS_PORT:-6379}"
FP_AMQP_PORT="${FP_AMQP_PORT:-5672}"
FP_OPENSEARCH_PORT="${FP_OPENSEARCH_PORT:-9200}"
FP_OPENSEARCH_TRANSPORT_PORT="${FP_OPENSEARCH_TRANSPORT_PORT:-9300}"

FP_WIREMOCK_VERSION=3.13.2
FP_WIREMOCK_JOURNAL="${FP_WIREMOCK_JOURNAL:-50000}"
[[ "$FP_WIREMOCK_JOURNAL" =~ ^[0-9]+$ ]] || { echo "FP_WIREMOCK_JOURNAL must be a number of entries (got '$FP_WIREMOCK_JOURNAL')" >&2; exit 2; }
FP_WIREMOCK_ROOT="$FP_LOCAL/wiremock"
FP_DEMO_MESSAGES="$FP_LOCAL/demo/messages.jsonl"
FP_DEMO_MIN_TOTAL="${FP_DEMO_MIN_TOTAL:-25}"

FP_API_URL="http://127.0.0.1:$FP_API_PORT"
FP_WORKER_URL="http://127.0.0.1:$FP_WORKER_PORT"
FP_WIREMOCK_URL="http://127.0.0.1:$FP_WIREMOCK_PORT"
FP_OPENSEARCH_URL="http://127.0.0.1:$FP_OPENSEARCH_PORT"
FP_WORKER_JAR="$FP_ROOT/worker/target/quarkus-app/quarkus-run.jar"
FP_API_JAR="$FP_ROOT/api/target/quarkus-app/quarkus-run.jar"

FP_STATE_ROOT="$FP_LOCAL/.state"
FP_STATE="$FP_STATE_ROOT/$FP_INSTANCE"
FP_PIDS="$FP_STATE/pids"
FP_LOGS="$FP_STATE/logs"
FP_CACHE="$FP_STATE_ROOT/cache"

# Timeouts in seconds (bounded waits everywhere).
FP_TIMEOUT_REDIS="${FP_TIMEOUT_REDIS:-15}"
FP_TIMEOUT_RABBITMQ="${FP_TIMEOUT_RABBITMQ:-90}"
FP_TIMEOUT_OPENSEARCH="${FP_TIMEOUT_OPENSEARCH:-120}"
FP_TIMEOUT_WIREMOCK="${FP_TIMEOUT_WIREMOCK:-60}"
FP_TIMEOUT_JAR="${FP_TIMEOUT_JAR:-120}"
FP_TIMEOUT_DEMO="${FP_TIMEOUT_DEMO:-60}"
FP_TIMEOUT_STOP="${FP_TIMEOUT_STOP:-30}"

# ---------------------------------------------------------------------------------------------------
# messages and timing

fp_log()  { printf '[fp %s %s] %s\n' "$FP_INSTANCE" "$(date +%H:%M:%S)" "$*"; }
fp_warn() { printf '[fp %s %s] WARNING: %s\n' "$FP_INSTANCE" "$(date +%H:%M:%S)" "$*" >&2; }
fp_die()  { printf '[fp %s %s] ERROR: %s\n' "$FP_INSTANCE" "$(date +%H:%M:%S)" "$*" >&2; exit 1; }

fp_now() { date +%s.%N; }
# seconds since a fp_now value, one decimal
fp_since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

# Per-step timings: fp_step_begin NAME ... fp_step_end [status]; fp_steps_summary prints the table.
FP_STEP_NAMES=()
FP_STEP_TIMES=()
FP_STEP_RESULTS=()
FP_STEP_T0=""
FP_STEP_NAME=""
fp_step_begin() {
  FP_STEP_NAME="$1"
  FP_STEP_T0="$(fp_now)"
  fp_log "== $1"
}
fp_step_end() {
  local result="${1:-ok}" secs
  secs="$(fp_since "$FP_STEP_T0")"
  FP_STEP_NAMES+=("$FP_STEP_NAME")
  FP_STEP_TIMES+=("$secs")
  FP_STEP_RESULTS+=("$result")
  fp_log "== $FP_STEP_NAME: $result in ${secs}s"
}
fp_steps_summary() {
  local i
  for i in "${!FP_STEP_NAMES[@]}"; do
    printf '  %-48s %-8s %7ss\n' "${FP_STEP_NAMES[$i]}" "${FP_STEP_RESULTS[$i]}" "${FP_STEP_TIMES[$i]}"
  done
}

fp_init_state() { mkdir -p "$FP_PIDS" "$FP_LOGS"; }

# Keep the previous run's log as NAME.log.1.
fp_rotate_log() {
  local log="$1"
  if [[ -s "$log" ]]; then mv -f "$log" "$log.1"; fi
  : >"$log"
}

fp_tail_log() {
  local log="$1" n="${2:-30}"
  if [[ -s "$log" ]]; then
    echo "---- last $n lines of $log ----" >&2
    tail -n "$n" "$log" >&2
    echo "----" >&2
  fi
}

# ---------------------------------------------------------------------------------------------------
# processes we start, and only those
#
# Every process gets a marker in its command line so that a stale pid file (after a reboot, with the
# pid reused by something else) can never make us signal a process we did not start.

fp_pidfile() { echo "$FP_PIDS/$1.pid"; }
fp_marker()  { echo "-Dfedora-packages.local-stack=$FP_INSTANCE.$1"; }

# What /proc/<pid>/cmdline must contain for the pid file NAME to be believed.
fp_expected_cmd() {
  case "$1" in
    redis)    echo "redis-server" ;;
    rabbitmq) echo "beam" ;;
    epmd)     echo "epmd" ;;
    *)        fp_marker "$1" ;;
  esac
}

# Prints the pid of NAME if its pid file names a live process that is ours; fails otherwise.
fp_pid_of() {
  local name="$1" file pid cmd
  file="$(fp_pidfile "$name")"
  [[ -s "$file" ]] || return 1
  pid="$(head -n1 "$file" | tr -dc '0-9')"
  [[ -n "$pid" ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  cmd="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)"
  [[ "$cmd" == *"$(fp_expected_cmd "$name")"* ]] || return 1
  echo "$pid"
}

fp_alive() { fp_pid_of "$1" >/dev/null; }

# Removes NAME's pid file if it does not name a live process of ours.
fp_clear_stale() {
  local file
  file="$(fp_pidfile "$1")"
  if [[ -e "$file" ]] && ! fp_alive "$1"; then
    fp_log "removing stale pid file $file"
    rm -f "$file"
  fi
}

# fp_launch NAME LOG COMMAND... : runs COMMAND in the background in its own session (so that the
# caller's exit or Ctrl-C does not take it down), output to LOG, and writes its pid to the pid file.
# The pid is written by the process itself just before exec, so it is exact.
fp_launch() {
  local name="$1" log="$2" file i
  shift 2
  file="$(fp_pidfile "$name")"
  rm -f "$file"
  fp_rotate_log "$log"
  printf '# %s\n' "$*" >>"$log"
  setsid bash -c 'echo $$ > "$0"; exec "$@"' "$file" "$@" >>"$log" 2>&1 </dev/null &
  for ((i = 0; i < 100; i++)); do
    [[ -s "$file" ]] && break
    sleep 0.05
  done
  [[ -s "$file" ]] || fp_die "could not start $name (no pid written); see $log"
}

# fp_stop NAME [TIMEOUT]: SIGTERM, wait, SIGKILL as a last resort; removes the pid file.
fp_stop() {
  local name="$1" timeout="${2:-$FP_TIMEOUT_STOP}" file pid t0
  file="$(fp_pidfile "$name")"
  [[ -e "$file" ]] || return 0
  if ! pid="$(fp_pid_of "$name")"; then
    fp_log "$name: not running (stale pid file removed)"
    rm -f "$file"
    return 0
  fi
  t0="$(fp_now)"
  kill -TERM "$pid" 2>/dev/null || true
  fp_wait_pid_gone "$pid" "$timeout" || {
    fp_warn "$name (pid $pid) did not exit within ${timeout}s after SIGTERM; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    fp_wait_pid_gone "$pid" 10 || fp_die "$name (pid $pid) survived SIGKILL"
  }
  rm -f "$file"
  fp_log "$name: stopped (pid $pid) in $(fp_since "$t0")s"
}

fp_wait_pid_gone() {
  local pid="$1" timeout="$2" t0
  t0="$(date +%s)"
  while kill -0 "$pid" 2>/dev/null; do
    # a zombie child of ours counts as gone
    [[ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" == Z ]] && return 0
    (($(date +%s) - t0 >= timeout)) && return 1
    sleep 0.1
  done
  return 0
}

# fp_wait WHAT TIMEOUT LOG PIDNAME COMMAND...: polls COMMAND until it succeeds. Fails after TIMEOUT
# seconds, or at once if PIDNAME (may be "") has died, pointing to LOG.
fp_wait() {
  local what="$1" timeout="$2" log="$3" pidname="$4" t0
  shift 4
  t0="$(date +%s)"
  until "$@" >/dev/null 2>&1; do
    if [[ -n "$pidname" ]] && ! fp_alive "$pidname"; then
      fp_tail_log "$log"
      fp_die "$pidname exited while waiting for $what; see $log"
    fi
    if (($(date +%s) - t0 >= timeout)); then
      fp_tail_log "$log"
      fp_die "timed out after ${timeout}s waiting for $what; see $log"
    fi
    sleep 0.3
  done
}

# ---------------------------------------------------------------------------------------------------
# probes

fp_tcp_open() { timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

fp_http_ok() { curl -sf -o /dev/null --max-time 3 "$1"; }

# Redis inline commands over /dev/tcp, so that an already running Redis works without redis-cli.
fp_redis_ping() {
  timeout 3 bash -c '
    exec 3<>"/dev/tcp/127.0.0.1/$0" || exit 1
    printf "PING\r\n" >&3
    IFS= read -r -t 2 line <&3 || exit 1
    [[ $line == +PONG* ]]' "$FP_REDIS_PORT" 2>/dev/null
}

# fp_redis_flushdb DB
fp_redis_flushdb() {
  local db="$1"
  if command -v redis-cli >/dev/null; then
    [[ "$(redis-cli -h 127.0.0.1 -p "$FP_REDIS_PORT" -n "$db" flushdb)" == OK ]]
  else
    timeout 5 bash -c '
      exec 3<>"/dev/tcp/127.0.0.1/$0" || exit 1
      printf "SELECT %s\r\nFLUSHDB\r\n" "$1" >&3
      IFS= read -r -t 3 a <&3 && IFS= read -r -t 3 b <&3 || exit 1
      [[ $a == +OK* && $b == +OK* ]]' "$FP_REDIS_PORT" "$db"
  fi
}

fp_port_free_or_die() {
  local port="$1" what="$2"
  if fp_tcp_open "$port"; then
    fp_die "port 127.0.0.1:$port (for $what) is already in use by a process these scripts did not start; stop it or pick another FP_INSTANCE"
  fi
}

# ---------------------------------------------------------------------------------------------------
# installing Debian packages (we are root; no sudo)

FP_APT_UPDATED=""
fp_apt_install() {
  [[ "$(id -u)" == 0 ]] || fp_die "need to install $* but not running as root: apt-get install -y $*"
  command -v apt-get >/dev/null || fp_die "need $* and there is no apt-get; install it by hand"
  local log="$FP_LOGS/apt.log"
  mkdir -p "$FP_LOGS"
  if [[ -z "$FP_APT_UPDATED" ]]; then
    fp_log "apt-get update (log: $log)"
    apt-get update -q >>"$log" 2>&1 || { fp_tail_log "$log"; fp_die "apt-get update failed; see $log"; }
    FP_APT_UPDATED=1
  fi
  fp_log "apt-get install -y $* (log: $log)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >>"$log" 2>&1 ||
    { fp_tail_log "$log"; fp_die "apt-get install -y $* failed; see $log"; }
}

# ---------------------------------------------------------------------------------------------------
# the tools project (OpenSearchNode, BusPublish)

# fp_standalone_build DIR: builds a small Maven project outside the root build (deploy/local/tools,
# bench/) unless its classes and classpath file are newer than its sources.
fp_standalone_build() {
  local dir="$1" cp="$1/target/cp.txt"
  if [[ -s "$cp" && -d "$dir/target/classes" ]] &&
     [[ -z "$(find "$dir/pom.xml" "$dir/src" -newer "$cp" -print -quit)" ]]; then
    return 0
  fi
  fp_log "building ${dir#"$FP_ROOT"/} (mvn package)"
  (cd "$dir" && mvn -q -B package dependency:build-classpath -Dmdep.outputFile=target/cp.txt) ||
    fp_die "building ${dir#"$FP_ROOT"/} failed (see the Maven output above)"
}

# fp_standalone_cp DIR: its runtime classpath
fp_standalone_cp() { echo "$1/target/classes:$(cat "$1/target/cp.txt")"; }

fp_tools_build() { fp_standalone_build "$FP_TOOLS"; }
fp_tools_cp() { fp_standalone_cp "$FP_TOOLS"; }

# fp_bus_publish ARGS...: BusPublish against our RabbitMQ, on this instance's vhost
fp_bus_publish() {
  fp_tools_build
  java -cp "$(fp_tools_cp)" org.fedoraproject.packages.localtools.BusPublish \
    --host 127.0.0.1 --port "$FP_AMQP_PORT" --user guest --password guest --vhost "$FP_VHOST" "$@"
}

# WireMock standalone jar: copied once into .state/cache by the Maven dependency plugin.
fp_wiremock_jar() {
  if [[ -n "${FP_WIREMOCK_JAR:-}" ]]; then echo "$FP_WIREMOCK_JAR"; return; fi
  local jar="$FP_CACHE/wiremock-standalone-$FP_WIREMOCK_VERSION.jar"
  if [[ ! -s "$jar" ]]; then
    mkdir -p "$FP_CACHE"
    (cd "$FP_TOOLS" && mvn -q -B dependency:copy \
        -Dartifact="org.wiremock:wiremock-standalone:$FP_WIREMOCK_VERSION" \
        -DoutputDirectory="$FP_CACHE" -Dmdep.overWriteIfNewer=true) >&2 ||
      fp_die "could not fetch org.wiremock:wiremock-standalone:$FP_WIREMOCK_VERSION from Maven Central"
  fi
  echo "$jar"
}

# The whole distribution's dnf repository metadata that WireMock serves under /dl/ (git-ignored files in
# wiremock/__files/dl/ and wiremock/mappings/dl-generated.json), written from the committed
# distro/packages.jsonl.gz and distro/demo.json; a no-op while its inputs are unchanged (a stamp).
fp_repodata() {
  command -v node >/dev/null || fp_die "node (20 or later) is needed to generate the repository metadata (deploy/local/distro/repodata.mjs)"
  if ! node "$FP_LOCAL/distro/repodata.mjs" 2>&1 | while IFS= read -r line; do fp_log "$line"; done; then
    fp_die "generating the repository metadata failed (node deploy/local/distro/repodata.mjs)"
  fi
}

# fp_corpus_upstreams: the corpus packages' mdapi and dist-git answers (distro/upstreams.mjs; a no-op
# when its inputs have not changed)
fp_corpus_upstreams() {
  if ! node "$FP_LOCAL/distro/upstreams.mjs" 2>&1 | while IFS= read -r line; do fp_log "$line"; done; then
    fp_die "generating the corpus packages' mdapi/dist-git answers failed (node deploy/local/distro/upstreams.mjs)"
  fi
}

# fp_wiremock_ext JAR: compiles WireMock's "corpus-file" extension (wiremock-ext/CorpusFiles.java)
# into .state/cache unless up to date; prints the classes directory
fp_wiremock_ext() {
  local jar="$1" src="$FP_LOCAL/wiremock-ext/CorpusFiles.java" out="$FP_CACHE/wiremock-ext"
  local cls="$out/org/fedoraproject/packages/localwiremock/CorpusFiles.class"
  if [[ ! -s "$cls" || "$src" -nt "$cls" || "$jar" -nt "$cls" ]]; then
    rm -rf "$out" && mkdir -p "$out"
    javac --release 17 -nowarn -cp "$jar" -d "$out" "$src" >&2 || fp_die "compiling $src failed"
  fi
  echo "$out"
}

# ---------------------------------------------------------------------------------------------------
# building the frontend and the jars (FP_BUILD=auto skips what is newer than its sources)

fp_newer_than() { # fp_newer_than REF PATH... : is any file under PATH newer than REF?
  local ref="$1"
  shift
  [[ -n "$(find "$@" \( -name node_modules -o -name target -o -name dist -o -name .vite -o -name coverage \
            -o -name test-results -o -name playwright-report -o -name out \) -prune -o -type f -newer "$ref" -print -quit 2>/dev/null)" ]]
}

fp_build_frontend() {
  local fe="$FP_ROOT/frontend" stamp="$FP_CACHE/frontend-build.stamp" log="$FP_LOGS/build.log"
  [[ -f "$fe/package.json" ]] || fp_die "frontend/package.json not found"
  if [[ "${FP_BUILD:-auto}" == auto && -f "$stamp" ]] && ! fp_newer_than "$stamp" "$fe"; then
    fp_log "frontend: up to date (FP_BUILD=always forces a build)"
    return 0
  fi
  if [[ "${FP_BUILD:-auto}" == always || ! -f "$fe/node_modules/.package-lock.json" ||
        "$fe/package-lock.json" -nt "$fe/node_modules/.package-lock.json" ]]; then
    fp_log "frontend: npm ci"
    (cd "$fe" && npm ci --no-audit --no-fund) 2>&1 | tee -a "$log" || fp_die "npm ci failed in frontend/ (see above, and $log)"
  fi
  fp_log "frontend: npm run build"
  (cd "$fe" && npm run build) 2>&1 | tee -a "$log" || fp_die "npm run build failed in frontend/ (see above, and $log)"
  mkdir -p "$FP_CACHE"
  touch "$stamp"
}

fp_build_jars() {
  local log="$FP_LOGS/build.log" oldest
  if [[ "${FP_BUILD:-auto}" == auto && -f "$FP_WORKER_JAR" && -f "$FP_API_JAR" ]]; then
    oldest="$FP_WORKER_JAR"
    [[ "$FP_API_JAR" -ot "$oldest" ]] && oldest="$FP_API_JAR"
    local inputs=("$FP_ROOT/pom.xml")
    local d
    for d in worker api local-repo; do [[ -e "$FP_ROOT/$d" ]] && inputs+=("$FP_ROOT/$d"); done
    [[ -f "$FP_CACHE/frontend-build.stamp" ]] && inputs+=("$FP_CACHE/frontend-build.stamp")
    if ! fp_newer_than "$oldest" "${inputs[@]}"; then
      fp_log "jars: up to date (FP_BUILD=always forces a build)"
      return 0
    fi
  fi
  fp_log "jars: mvn -B -q -DskipTests package"
  (cd "$FP_ROOT" && mvn -B -q -DskipTests package) 2>&1 | tee -a "$log" ||
    fp_die "the Maven build failed (see above, and $log)"
  [[ -f "$FP_WORKER_JAR" ]] || fp_die "the Maven build did not produce $FP_WORKER_JAR"
  [[ -f "$FP_API_JAR" ]] || fp_die "the Maven build did not produce $FP_API_JAR"
}

# ---------------------------------------------------------------------------------------------------
# JSON (node is needed for the frontend anyway)

# fp_json_total: reads a JSON document on stdin, prints its "total" (or nothing)
fp_json_total() {
  node -e '
    let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
      try { const t = JSON.parse(s).total; if (typeof t === "number") console.log(t); } catch (e) {}
    });'
}

