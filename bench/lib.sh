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
