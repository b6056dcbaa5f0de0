# shellcheck shell=bash
# Shared by infra/postgres/{start,stop}.sh: locate binaries and the private cluster dir.
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

PG_USER_DB="${VERIFY_PG_DB:-verify}"
PG_URL="postgresql+psycopg://verify:verify@127.0.0.1:$PGPORT_VERIFY/$PG_USER_DB"

pg_bin_dir() {
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [[ -n "$d" && -x "$d/pg_ctl" ]] && echo "$d"
}

# as_pg CMD... : run as the cluster owner (postgres OS user when we are root: initdb refuses root)
as_pg() {
  if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Cluster base dir: $RUN_DIR/pg, unless the postgres OS user cannot reach it (e.g. the repo
# lives under /root, mode 700) -- then /tmp/verify-pg-<hash of the run dir>. VERIFY_PG_DIR overrides.
pg_base_dir() {
  if [[ -n "${VERIFY_PG_DIR:-}" ]]; then echo "$VERIFY_PG_DIR"; return; fi
  if [[ "$(id -u)" != 0 ]] || runuser -u postgres -- test -x "$RUN_DIR" 2>/dev/null; then
    echo "$RUN_DIR/pg"
  else
    echo "/tmp/verify-pg-$(printf '%s' "$RUN_DIR" | sha1sum | cut -c1-12)"
  fi
}

PG_BASE="$(pg_base_dir)"
PGDATA_DIR="$PG_BASE/data"
PG_LOG="$PG_BASE/postgres.log"
