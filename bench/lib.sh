# Shared by the bench scripts (sourced after deploy/local/lib.sh).

# process_line NAME JAR: when the running process started and whether its jar was rebuilt since
process_line() {
  local pid started built
  pid="$(fp_pid_of "$1")" || { echo "$1 not running"; return; }
  started="$(stat -c %Y "/proc/$pid")"
  built="$(stat -c %Y "$2" 2>/dev/null || echo 0)"
  printf '%s pid %s started %s' "$1" "$pid" "$(date -u -d "@$started" +%H:%M:%SZ)"
  if ((built > started)); then
    printf ' (its jar was rebuilt since, at %s: this measures the older code)' "$(date -u -d "@$built" +%H:%M:%SZ)"
  fi
}

# The instance's whole stack (api, worker, wiremock) must run: a running one is used as it is; when none
# runs it is started here and WE_STARTED=1 tells the caller to stop it at the end. A partial one is an error.
WE_STARTED=""
ensure_stack() {
  local n up=() down=()
  for n in api worker wiremock; do
    if fp_alive "$n"; then up+=("$n"); else down+=("$n"); fi
  done
  if ((${#down[@]} == 0)); then
    fp_log "instance $FP_INSTANCE is running; using it as it is (it stays running)"
    return 0
  fi
  if ((${#up[@]})); then
    fp_die "a partial stack of instance $FP_INSTANCE is running (${up[*]} up, ${down[*]} down); run FP_INSTANCE=$FP_INSTANCE deploy/local/stop.sh first"
  fi
  fp_log "instance $FP_INSTANCE is not running: starting it (and stopping it at the end)"
  WE_STARTED=1
  "$FP_LOCAL/start.sh" || fp_die "start.sh failed; see $FP_LOGS"
}

# stop_if_we_started: the other half of ensure_stack, for the caller's exit trap
stop_if_we_started() {
  [[ -n "$WE_STARTED" ]] || return 0
  fp_log "stopping the instance this benchmark started"
  "$FP_LOCAL/stop.sh" || fp_warn "stop.sh failed; run FP_INSTANCE=$FP_INSTANCE deploy/local/stop.sh"
}

calc() { awk "BEGIN { printf \"$1\", $2 }"; } # calc FORMAT EXPRESSION
# machine_busy SECONDS: the share of all cores busy meanwhile (/proc/stat), before anything is measured:
# the machine is shared (other instances, builds), which the figures depend on
machine_busy() {
  local a b
  a="$(head -n1 /proc/stat)"
  sleep "$1"
  b="$(head -n1 /proc/stat)"
  awk -v a="$a" -v b="$b" 'BEGIN { split(a, x); split(b, y); for (i = 2; i <= 9; i++) { d = y[i] - x[i]; t += d; if (i != 5 && i != 6) busy += d }
    printf "%.0f%%", 100 * busy / (t > 0 ? t : 1) }'
}
# busy_ms: CPU time of the whole machine so far (all cores, /proc/stat), in ms
busy_ms() { head -n1 /proc/stat | awk -v hz="$(getconf CLK_TCK)" '{ print int(($2 + $3 + $4 + $7 + $8 + $9) * 1000 / hz) }'; }
# cpu_ms PID: user+system CPU time of a process so far, in ms (clock ticks of /proc/PID/stat)
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / hz) }' "/proc/$1/stat" 2>/dev/null || echo 0; }
kv() { tr ' ' '\n' <<<"$2" | sed -n "s/^$1=//p"; } # kv KEY RESULT
