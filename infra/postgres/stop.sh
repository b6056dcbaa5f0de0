#!/usr/bin/env bash
# Stop the private PostgreSQL cluster (fast shutdown, then immediate). Idempotent.
#   infra/postgres/stop.sh [--clean]   (--clean: also delete the cluster directory)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
PGBIN="$(pg_bin_dir || true)"
if [[ -n "$PGBIN" && -f "$PGDATA_DIR/PG_VERSION" ]] && as_pg "$PGBIN/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; then
  log "stopping postgres ($PGDATA_DIR)"
  as_pg "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w -t 30 stop >/dev/null \
    || as_pg "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m immediate -w -t 30 stop >/dev/null
  log "postgres stopped"
else
  log "postgres not running"
fi
rm -f "$PID_DIR/postgres.pid"
if [[ "${1:-}" == --clean ]]; then
  log "deleting $PG_BASE"; rm -rf "$PG_BASE"
fi
