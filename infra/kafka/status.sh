#!/usr/bin/env bash
# Print Kafka status; exit 0 if it answers metadata, 1 otherwise.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
status_header
status_line kafka "$KAFKA_PORT"
python3 "$INFRA_DIR/kafka/probe.py" "127.0.0.1:$KAFKA_PORT" -v
