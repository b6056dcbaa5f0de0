#!/usr/bin/env bash
# Stop everything started by infra/up.sh (and infra/postgres/start.sh), in reverse order. Idempotent.
#   infra/down.sh [--clean] [--services]
#     --clean: also wipe Kafka data (topics/offsets)   --services: stop only the Python services
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
clean=(); only_services=0
for arg in "$@"; do
  case "$arg" in
    --clean) clean=(--clean) ;;
    --services) only_services=1 ;;
    *) die "usage: $0 [--clean] [--services]" ;;
  esac
done
stop_supervisor "${VERIFY_SUPERVISOR_STOP_TIMEOUT:-60}"
# services started by an older up.sh (pid files, no supervisord)
for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do
  name="${SERVICES[$i]%%:*}"
  if [[ -e "$(pid_file "$name")" ]]; then stop_bg "$name" "${VERIFY_SERVICE_STOP_TIMEOUT:-15}"; fi
done
(( only_services )) && exit 0
"$INFRA_DIR/prefect/stop.sh"
"$INFRA_DIR/kafka/stop.sh" "${clean[@]}"
"$INFRA_DIR/postgres/stop.sh"
