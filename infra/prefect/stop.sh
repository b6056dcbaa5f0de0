#!/usr/bin/env bash
# Stop the local Prefect server (whole process group: SIGTERM, up to 30 s, then SIGKILL). Idempotent.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
stop_bg prefect "${PREFECT_STOP_TIMEOUT:-30}"
