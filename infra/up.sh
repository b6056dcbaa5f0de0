#!/usr/bin/env bash
# Bring the local stack up (idempotent):
#   Kafka jars -> Kafka (KRaft) + Prefect server (started in parallel) -> topics -> Python services
#   (workers.extraction, workers.sources, workers.xref, workers.collector, api) when their
#   modules exist in the repo, run with $PYTHON (default .venv/bin/python) from the repo root
#   under supervisord (config written by infra/supervisor/render.py; restarts with back-off).
#   VERIFY_INSTANCES=N runs N processes of every worker (the API stays one). Unless set, the
#   cross-reference worker runs 2 (the slowest stage: 3.40 vs 2.66 articles/s end to end on
#   2 cores, docs/decisions.md "Throughput"); VERIFY_INSTANCES_XREF overrides it.
#   Writes on the HTTP API need a key: without VERIFY_API_KEY one is made in .run/api-key.
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
export VERIFY_INSTANCES_XREF="${VERIFY_INSTANCES_XREF:-${VERIFY_INSTANCES:-2}}"
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
  cd "$ROOT"   # python -m <module> resolves from the repo root
  [[ -x "$PYTHON" ]] || die "$PYTHON not found: create the project venv first (make install) or set PYTHON"
  [[ -x "$PYTHON_BIN_DIR/supervisord" ]] || die "$PYTHON_BIN_DIR/supervisord not found: run make install"
  ensure_api_key
  # migrate once, before the services start and would race to create the same tables
  "$PYTHON" -m storage >&2 || die "database migration failed ($VERIFY_DATABASE_URL)"
  specs=()
  for spec in "${SERVICES[@]}"; do
    if module_exists "${spec#*:}"; then specs+=("$spec"); else log "skipping ${spec%%:*}: module ${spec#*:} not found in $ROOT"; fi
  done
  # a plain-http Prefect API: its client need not load the whole CA bundle per flow run
  # (ops/plain_http_ca.py; an https API or an operator's own setting is left alone)
  if [[ "$PREFECT_API_URL" == http://* && -z "${PREFECT_API_SSL_CERT_FILE:-}" ]]; then
    export PREFECT_API_SSL_CERT_FILE="$RUN_DIR/prefect/plain-http-ca.pem"
    "$PYTHON" -m ops.plain_http_ca "$PREFECT_API_SSL_CERT_FILE" || die "could not write $PREFECT_API_SSL_CERT_FILE"
  fi
  render_supervisor_conf "${specs[@]}" || die "could not write $SUPERVISOR_CONF"
  if supervisor_running; then
    # a changed VERIFY_INSTANCES adds or removes processes; FATAL or stopped ones start again
    sv_ctl update >&2 || true
    sv_ctl start all >/dev/null 2>&1 || true
    log "supervisord already running (pid $(pid_of supervisord)); services updated"
  else
    rm -f "$SUPERVISOR_DIR/supervisor.sock"
    "$PYTHON_BIN_DIR/supervisord" -c "$SUPERVISOR_CONF" || die "supervisord failed to start; see $LOG_DIR/supervisord.log"
    wait_until supervisord 20 "$LOG_DIR/supervisord.log" sv_ctl pid
    log "supervisord started (pid $(pid_of supervisord), config $SUPERVISOR_CONF)"
  fi
  # every process RUNNING (up for startsecs), or a clear failure with its log
  t1="$(date +%s)"
  while :; do
    st="$(sv_ctl status 2>/dev/null || true)"
    waiting="$(grep -vE '^[^ ]+ +RUNNING' <<<"$st" | awk 'NF {print $1}' || true)"
    [[ -z "$waiting" ]] && break
    failed="$(grep -E '^[^ ]+ +(BACKOFF|FATAL|EXITED)' <<<"$st" | awk '{print $1}' | head -n 1 || true)"
    if [[ -n "$failed" ]] || (( $(date +%s) - t1 > ${VERIFY_SERVICE_START_TIMEOUT:-90} )); then
      echo "$st" >&2
      name="${failed:-$(head -n 1 <<<"$waiting")}"; name="${name#*:}"
      die "service $name did not start (supervisord keeps retrying it with back-off; make status shows it); see $LOG_DIR/$name.log (tail below)
$(tail -n 30 "$LOG_DIR/$name.log" 2>/dev/null)"
    fi
    sleep 0.5
  done
  # automations operators see fire in the Prefect UI (failed flow runs, a growing DLQ)
  "$PYTHON" -m ops.automations >&2 || log "warning: Prefect automations not created (see above)"
  if [[ " ${specs[*]} " == *" api:api "* ]]; then
    wait_port supervisord "$VERIFY_API_PORT" "${VERIFY_API_START_TIMEOUT:-60}" "$LOG_DIR/api.log"
  fi
fi

"$INFRA_DIR/status.sh" || true
echo "up: total start-up time $(elapsed "$T0")s"
if (( services )); then
  if [[ -n "${VERIFY_API_KEY:-}" ]]; then echo "API writes: X-API-Key = \$VERIFY_API_KEY (from your environment)"
  else echo "API writes: send the key in $VERIFY_API_KEY_FILE as X-API-Key, e.g. curl -H \"X-API-Key: \$(cat $VERIFY_API_KEY_FILE)\" ..."; fi
fi
cat <<ENV_EOF
export VERIFY_KAFKA_BOOTSTRAP=$VERIFY_KAFKA_BOOTSTRAP
export PREFECT_API_URL=$PREFECT_API_URL
export VERIFY_DATABASE_URL=$VERIFY_DATABASE_URL
ENV_EOF
