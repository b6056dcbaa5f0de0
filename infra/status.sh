#!/usr/bin/env bash
# Status table of the local stack. Exit 0 when Kafka and Prefect are healthy, 1 otherwise.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

health() { if "$@" >/dev/null 2>&1; then echo ok; else echo down; fi; }
pg_health() {
  local b; b="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [[ -n "$b" ]] && "$b/pg_isready" -q -h 127.0.0.1 -p "$PGPORT_VERIFY"
}
row() { printf '%-13s %-8s %-8s %-7s %-7s %s\n' "$@"; }

row NAME STATE PID PORT HEALTH LOG
k="$(health python3 "$INFRA_DIR/kafka/probe.py" "127.0.0.1:$KAFKA_PORT")"
p="$(health curl -sf -m 2 "http://127.0.0.1:$PREFECT_PORT/api/health")"
g="$(health pg_health)"
line() {  # NAME PORT HEALTH LOG
  local state=stopped pid=-
  if is_running "$1"; then state=running; pid="$(pid_of "$1")"
  elif [[ -e "$(pid_file "$1")" ]]; then state=dead; fi
  row "$1" "$state" "$pid" "$2" "$3" "$4"
}
line kafka "$KAFKA_PORT" "$k" "$LOG_DIR/kafka.log"
line prefect "$PREFECT_PORT" "$p" "$LOG_DIR/prefect.log"
line postgres "$PGPORT_VERIFY" "$g" "$LOG_DIR/postgres.log"
# the services, as supervisord sees them (RUNNING, STARTING, BACKOFF = crash loop, FATAL = gave up)
if supervisor_running; then
  row supervisord running "$(pid_of supervisord)" - - "$LOG_DIR/supervisord.log"
  while read -r proc state rest; do
    [[ -n "$proc" ]] || continue
    name="${proc#*:}" pid=- port=- h=-
    [[ "$rest" =~ pid\ ([0-9]+) ]] && pid="${BASH_REMATCH[1]}"
    if [[ "$name" == api ]]; then port="$VERIFY_API_PORT"; h="$(health port_open "$VERIFY_API_PORT")"; fi
    row "$name" "$state" "$pid" "$port" "$h" "$LOG_DIR/$name.log"
    [[ "$state" == RUNNING ]] || echo "            ${rest}"
  done < <(sv_ctl status 2>/dev/null || true)
else
  row supervisord stopped - - - "$LOG_DIR/supervisord.log"
fi
[[ "$k" == ok && "$p" == ok ]]
