#!/usr/bin/env bash
# Stop the local Kafka broker (SIGTERM, up to 30 s, then SIGKILL). Idempotent.
#   infra/kafka/stop.sh [--clean]   (--clean or KAFKA_CLEAN=1: also wipe .run/kafka/data)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
for arg in "$@"; do
  case "$arg" in --clean) KAFKA_CLEAN=1 ;; *) die "usage: $0 [--clean]" ;; esac
done
stop_bg kafka "${KAFKA_STOP_TIMEOUT:-30}"
if [[ "${KAFKA_CLEAN:-0}" == 1 ]]; then
  log "wiping $RUN_DIR/kafka/data"
  rm -rf "$RUN_DIR/kafka/data"
fi
