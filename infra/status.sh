#!/usr/bin/env bash
# Status table of the local stack. Exit 0 when Kafka and Prefect are healthy, 1 otherwise.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

health() { if "$@" >/dev/null 2>&1; then echo ok; else echo down; fi; }
pg_health() {
  local b; b="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [[ -n "$b" ]] && "$b/pg_isready" -q -h 127.0.0.1 -p "$PGPORT_VERIFY"
}
row() { printf '%-11s %-8s %-8s %-7s %-7s %s\n' "$@"; }

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
for spec in "${SERVICES[@]}"; do
  name="${spec%%:*}"
  port=-; h=-
  if [[ "$name" == api ]]; then port="$VERIFY_API_PORT"; h="$(health port_open "$VERIFY_API_PORT")"; fi
  line "$name" "$port" "$h" "$LOG_DIR/$name.log"
done
[[ "$k" == ok && "$p" == ok ]]
