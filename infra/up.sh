#!/usr/bin/env bash
# Bring the local stack up (idempotent):
#   Kafka jars -> Kafka (KRaft) + Prefect server (started in parallel) -> topics -> Python services
#   (workers.extraction, workers.sources, workers.xref, workers.collector, api) when their
#   modules exist in the repo, run with $PYTHON (default .venv/bin/python) from the repo root.
#   infra/up.sh [--infra-only]      --infra-only: Kafka + topics + Prefect, no Python services
# Env: VERIFY_WITH_POSTGRES=1 also starts infra/postgres and, unless VERIFY_DATABASE_URL is set,
#      points VERIFY_DATABASE_URL at it. VERIFY_PREFECT_LIGHT=1: Prefect without UI/schedulers.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

services=1
for arg in "$@"; do
  case "$arg" in
    --infra-only) services=0 ;;
    *) die "usage: $0 [--infra-only]" ;;
  esac
done

T0="$(now)"
if [[ "${VERIFY_WITH_POSTGRES:-0}" == 1 ]]; then
  pg_url="$("$INFRA_DIR/postgres/start.sh")"
  if [[ "$VERIFY_DATABASE_URL" == "sqlite:///$RUN_DIR/verify.db" ]]; then export VERIFY_DATABASE_URL="$pg_url"; fi
fi

"$INFRA_DIR/kafka/fetch.sh"
"$INFRA_DIR/kafka/start.sh" & kafka_job=$!
"$INFRA_DIR/prefect/start.sh" & prefect_job=$!
rc=0
wait "$kafka_job" || rc=1
wait "$prefect_job" || rc=1
(( rc == 0 )) || die "infrastructure start failed (see messages above; logs in $LOG_DIR)"
"$INFRA_DIR/kafka/topics.sh"
log "infrastructure up in $(elapsed "$T0")s"

if (( services )); then
  started=()
  cd "$ROOT"   # python -m <module> resolves from the repo root
  # migrate once, before the services start and would race to create the same tables
  "$PYTHON" -m storage >&2 || die "database migration failed ($VERIFY_DATABASE_URL)"
  for spec in "${SERVICES[@]}"; do
    name="${spec%%:*}" module="${spec#*:}"
    if ! module_exists "$module"; then
      log "skipping $name: module $module not found in $ROOT"
      continue
    fi
    [[ -x "$PYTHON" ]] || die "$PYTHON not found: create the project venv first (make install) or set PYTHON"
    start_bg "$name" "$PYTHON" -m "$module"
    started+=("$name")
  done
  if (( ${#started[@]} )); then
    sleep "${VERIFY_SERVICE_SETTLE_S:-3}"   # catch services that crash right away
    for name in "${started[@]}"; do
      is_running "$name" || die "$name exited right after start; see $LOG_DIR/$name.log (tail below)
$(tail -n 30 "$LOG_DIR/$name.log")"
    done
    if [[ " ${started[*]} " == *" api "* ]]; then
      wait_port api "$VERIFY_API_PORT" "${VERIFY_API_START_TIMEOUT:-60}" "$LOG_DIR/api.log"
    fi
    dead=()
    for name in "${started[@]}"; do is_running "$name" || dead+=("$name"); done
    if (( ${#dead[@]} )); then
      "$INFRA_DIR/status.sh" || true
      for name in "${dead[@]}"; do echo "--- $LOG_DIR/$name.log" >&2; tail -n 15 "$LOG_DIR/$name.log" >&2; done
      die "service(s) exited during start-up: ${dead[*]}"
    fi
  fi
fi

"$INFRA_DIR/status.sh" || true
echo "up: total start-up time $(elapsed "$T0")s"
cat <<ENV_EOF
export VERIFY_KAFKA_BOOTSTRAP=$VERIFY_KAFKA_BOOTSTRAP
export PREFECT_API_URL=$PREFECT_API_URL
export VERIFY_DATABASE_URL=$VERIFY_DATABASE_URL
ENV_EOF
