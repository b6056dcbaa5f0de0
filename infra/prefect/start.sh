#!/usr/bin/env bash
# Start a local Prefect server on 127.0.0.1:$PREFECT_PORT (default 4200) in the background. Idempotent.
#   PYTHON_BIN_DIR      dir holding the `prefect` executable (default $ROOT/.venv/bin)
#   VERIFY_PREFECT_DB_URL  optional database URL (postgresql+asyncpg://...; postgresql:// and
#                       postgresql+psycopg:// are rewritten to +asyncpg). Default: SQLite in .run/prefect/
#   VERIFY_PREFECT_LIGHT=1  test mode: no UI and only the services needed to record flow/task runs
# State: PREFECT_HOME=.run/prefect, log .run/logs/prefect.log, pid .run/pids/prefect.pid
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

PREFECT_BIN="$PYTHON_BIN_DIR/prefect"
LOGF="$LOG_DIR/prefect.log"
HEALTH_URL="http://127.0.0.1:$PREFECT_PORT/api/health"
START_TIMEOUT="${PREFECT_START_TIMEOUT:-120}"

healthy() {
  if command -v curl >/dev/null; then curl -sf -m 2 "$HEALTH_URL" >/dev/null
  else python3 -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1], timeout=2)" "$HEALTH_URL"; fi
}

t0="$(now)"
if is_running prefect; then
  if healthy; then log "prefect already running (pid $(pid_of prefect)) at http://127.0.0.1:$PREFECT_PORT"; exit 0; fi
  log "prefect process alive (pid $(pid_of prefect)) but not healthy yet; waiting"
else
  [[ -x "$PREFECT_BIN" ]] || die "$PREFECT_BIN not found: create the project venv first (make install) or set PYTHON_BIN_DIR"
  ensure_port_free prefect "$PREFECT_PORT"
  mkdir -p "$RUN_DIR/prefect"

  db_file="$RUN_DIR/prefect/prefect.db"
  db_url="${VERIFY_PREFECT_DB_URL:-sqlite+aiosqlite:///$db_file}"
  db_url="$(sed -E 's#^postgres(ql)?(\+psycopg2?)?://#postgresql+asyncpg://#' <<<"$db_url")"

  # A fresh SQLite DB costs ~17 s of alembic migrations on first start. Migrate once per
  # prefect version into ~/.cache/verify and copy that file into new .run dirs (~0 s).
  if [[ -z "${VERIFY_PREFECT_DB_URL:-}" && ! -e "$db_file" && "${VERIFY_PREFECT_DB_TEMPLATE:-1}" == 1 ]]; then
    pver="$("$PYTHON_BIN_DIR/python" -c 'import importlib.metadata as m; print(m.version("prefect"))')"
    tmpl="$HOME/.cache/verify/prefect-$pver.db"
    if [[ ! -s "$tmpl" ]]; then
      log "migrating a template Prefect $pver SQLite DB into $tmpl (once per version)"
      mkdir -p "$(dirname "$tmpl")"; rm -f "$tmpl.tmp.$$"
      PREFECT_HOME="$RUN_DIR/prefect" PREFECT_SERVER_ANALYTICS_ENABLED=false \
        PREFECT_API_DATABASE_CONNECTION_URL="sqlite+aiosqlite:///$tmpl.tmp.$$" \
        "$PREFECT_BIN" server database upgrade -y >>"$LOGF" 2>&1 \
        || { rm -f "$tmpl.tmp.$$"; die "prefect database upgrade failed; see $LOGF"; }
      mv "$tmpl.tmp.$$" "$tmpl"
    fi
    cp "$tmpl" "$db_file"
  fi

  envs=(
    PREFECT_HOME="$RUN_DIR/prefect"
    PREFECT_SERVER_ANALYTICS_ENABLED=false
    PREFECT_API_DATABASE_CONNECTION_URL="$db_url"
    PREFECT_SERVER_UI_SHOW_PROMOTIONAL_CONTENT=false
    PREFECT_API_URL="http://127.0.0.1:$PREFECT_PORT/api"
  )
  if [[ "${VERIFY_PREFECT_LIGHT:-0}" == 1 ]]; then
    # lighter/faster server for tests: flow & task runs are still recorded
    # (task_run_recorder + event_persister stay on), nothing scheduled.
    envs+=(
      PREFECT_SERVER_UI_ENABLED=false
      PREFECT_SERVER_SERVICES_SCHEDULER_ENABLED=false
      PREFECT_SERVER_SERVICES_LATE_RUNS_ENABLED=false
      PREFECT_SERVER_SERVICES_FOREMAN_ENABLED=false
      PREFECT_SERVER_SERVICES_REPOSSESSOR_ENABLED=false
      PREFECT_SERVER_SERVICES_PAUSE_EXPIRATIONS_ENABLED=false
      PREFECT_SERVER_SERVICES_CANCELLATION_CLEANUP_ENABLED=false
      PREFECT_SERVER_SERVICES_CLEANUP_RECONCILER_ENABLED=false
      PREFECT_SERVER_SERVICES_TRIGGERS_ENABLED=false
      PREFECT_SERVER_SERVICES_DB_VACUUM_ENABLED='[]'
    )
  fi
  log "prefect db: $(sed -E 's#//([^:/@]*):[^@]*@#//\1:***@#' <<<"$db_url")"
  start_bg prefect env "${envs[@]}" "$PREFECT_BIN" server start --host 127.0.0.1 --port "$PREFECT_PORT"
fi

wait_until prefect "$START_TIMEOUT" "$LOGF" healthy
log "prefect ready at http://127.0.0.1:$PREFECT_PORT (UI) / $HEALTH_URL in $(elapsed "$t0")s (log $LOGF)"
