# shellcheck shell=bash
# Shared helpers for infra/*.sh. Source it:  . "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
# Everything here is idempotent and works from any cwd.
set -euo pipefail

INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$INFRA_DIR/.." && pwd)"

# ---- state ---------------------------------------------------------------
RUN_DIR="${VERIFY_RUN_DIR:-$ROOT/.run}"
LOG_DIR="$RUN_DIR/logs"
PID_DIR="$RUN_DIR/pids"
mkdir -p "$LOG_DIR" "$PID_DIR"
RUN_DIR="$(cd "$RUN_DIR" && pwd)"   # absolute, even if VERIFY_RUN_DIR was relative
export VERIFY_RUN_DIR="$RUN_DIR"   # the services find supervisord (verify status, /metrics) under it
LOG_DIR="$RUN_DIR/logs"
PID_DIR="$RUN_DIR/pids"

# ---- versions / ports (all overridable by env) ----------------------------
KAFKA_VERSION="${KAFKA_VERSION:-4.1.1}"          # keep in sync with infra/kafka/pom.xml
KAFKA_LIBS="${KAFKA_LIBS:-$HOME/.cache/verify/kafka-libs-$KAFKA_VERSION}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))}"
PREFECT_PORT="${PREFECT_PORT:-4200}"
PGPORT_VERIFY="${PGPORT_VERIFY:-5433}"
VERIFY_API_PORT="${VERIFY_API_PORT:-8000}"

PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
PYTHON_BIN_DIR="${PYTHON_BIN_DIR:-$(dirname "$PYTHON")}"

# ---- env for the Python services (exported) -------------------------------
export VERIFY_KAFKA_BOOTSTRAP="${VERIFY_KAFKA_BOOTSTRAP:-127.0.0.1:$KAFKA_PORT}"
export PREFECT_API_URL="${PREFECT_API_URL:-http://127.0.0.1:$PREFECT_PORT/api}"
export VERIFY_DATABASE_URL="${VERIFY_DATABASE_URL:-sqlite:///$RUN_DIR/verify.db}"
export VERIFY_PARTITIONS="${VERIFY_PARTITIONS:-6}"
export VERIFY_API_PORT
export VERIFY_API_KEY_FILE="${VERIFY_API_KEY_FILE:-$RUN_DIR/api-key}"
export PYTHONUNBUFFERED=1

# ---- output ---------------------------------------------------------------
log()  { printf '[infra %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die()  { printf '[infra] ERROR: %s\n' "$*" >&2; exit 1; }
now()  { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN{printf "%.1f", b-a}'; }

# ---- processes ------------------------------------------------------------
pid_file() { echo "$PID_DIR/$1.pid"; }

# pid_of NAME -> prints pid if the pid file exists (alive or not)
pid_of() {
  local f; f="$(pid_file "$1")"
  [[ -s "$f" ]] && cat "$f"
}

# is_running NAME -> 0 if the pid in the pid file is alive (not a zombie)
is_running() {
  local pid state
  pid="$(pid_of "$1")" || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  state="$(ps -o stat= -p "$pid" 2>/dev/null || true)"
  [[ -n "$state" && "$state" != Z* ]]
}

# start_bg NAME CMD... -> start CMD detached (own session/process group),
# stdout+stderr appended to $BG_LOG (default $LOG_DIR/NAME.log), pid in .run/pids/NAME.pid.
# Does nothing if NAME is already running. Extra env for CMD: use `env K=V cmd`.
start_bg() {
  local name="$1"; shift
  local logf="${BG_LOG:-$LOG_DIR/$name.log}"
  if is_running "$name"; then
    log "$name already running (pid $(pid_of "$name"))"
    return 0
  fi
  rm -f "$(pid_file "$name")"
  printf '\n===== %s starting %s: %s\n' "$(date -Is)" "$name" "$*" >>"$logf"
  # setsid: new session => stop_bg can signal the whole group (child processes too).
  # In a non-interactive shell the background child is not a group leader, so
  # setsid execs in place and $! is the real pid.
  nohup setsid "$@" >>"$logf" 2>&1 </dev/null &
  echo $! >"$(pid_file "$name")"
  log "$name started (pid $!, log $logf)"
}

# stop_bg NAME [TIMEOUT_S=30] -> SIGTERM the process group, wait, then SIGKILL.
stop_bg() {
  local name="$1" timeout="${2:-30}" pid i
  pid="$(pid_of "$name")" || { log "$name not running (no pid file)"; return 0; }
  if ! is_running "$name"; then
    log "$name not running (stale pid file removed)"
    rm -f "$(pid_file "$name")"; return 0
  fi
  log "stopping $name (pid $pid)"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < timeout * 5; i++)); do
    is_running "$name" || break
    sleep 0.2
  done
  if is_running "$name"; then
    log "$name did not exit after ${timeout}s, sending SIGKILL"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    sleep 0.5
  fi
  rm -f "$(pid_file "$name")"
  log "$name stopped"
}

# ---- ports ----------------------------------------------------------------
# port_open PORT [HOST=127.0.0.1]
port_open() {
  local port="$1" host="${2:-127.0.0.1}"
  timeout 1 bash -c "exec 3<>/dev/tcp/$host/$port" 2>/dev/null
}

# wait_port NAME PORT TIMEOUT_S LOGFILE -> waits until PORT accepts connections;
# fails early if NAME's process died; clear error pointing at the log.
wait_port() {
  local name="$1" port="$2" timeout="$3" logf="$4" t0
  t0="$(date +%s)"
  until port_open "$port"; do
    is_running "$name" || die "$name exited during start-up; see $logf (tail below)
$(tail -n 30 "$logf" 2>/dev/null)"
    (( $(date +%s) - t0 < timeout )) || die "$name: port $port not open after ${timeout}s; see $logf"
    sleep 0.3
  done
}

# wait_until NAME TIMEOUT_S LOGFILE CMD... -> retry CMD until it succeeds.
wait_until() {
  local name="$1" timeout="$2" logf="$3" t0; shift 3
  t0="$(date +%s)"
  until "$@" >/dev/null 2>&1; do
    is_running "$name" || die "$name exited during start-up; see $logf (tail below)
$(tail -n 30 "$logf" 2>/dev/null)"
    (( $(date +%s) - t0 < timeout )) || die "$name not ready after ${timeout}s ($*); see $logf"
    sleep 0.5
  done
}

# refuse to start if somebody else (not our pid file) holds the port
ensure_port_free() {
  local name="$1" port="$2"
  if port_open "$port"; then
    die "port $port is already in use by a process not started by these scripts (no live $PID_DIR/$name.pid). Stop it or set the port env var."
  fi
}

# status_line NAME PORT(or -) -> one row of the status table
status_line() {
  local name="$1" port="$2" state="stopped" pid="-" p="-"
  if is_running "$name"; then state="running"; pid="$(pid_of "$name")"; fi
  if [[ "$port" != "-" ]]; then
    if port_open "$port"; then p="$port open"; else p="$port closed"; fi
  fi
  printf '%-12s %-9s %-8s %s\n' "$name" "$state" "$pid" "$p"
}
status_header() { printf '%-12s %-9s %-8s %s\n' NAME STATE PID PORT; }

# ---- Python services started by infra/up.sh (NAME:MODULE, start order) ----
# They run under supervisord (infra/supervisor/render.py writes its config from this list).
SERVICES=(
  extraction:workers.extraction
  sources:workers.sources
  xref:workers.xref
  collector:workers.collector
  recheck:workers.recheck
  operator:flows.serve
  api:api
)
# module_exists MODULE -> the module is present in the repo (file or package with __main__)
module_exists() {
  local p="$ROOT/${1//.//}"
  [[ -f "$p.py" || -f "$p/__main__.py" ]]
}

# ---- supervisord ----------------------------------------------------------
SUPERVISOR_DIR="$RUN_DIR/supervisor"
SUPERVISOR_CONF="$SUPERVISOR_DIR/supervisord.conf"
# sv_ctl ARGS... -> supervisorctl against our supervisord
sv_ctl() { "$PYTHON_BIN_DIR/supervisorctl" -c "$SUPERVISOR_CONF" "$@"; }
supervisor_running() { is_running supervisord && [[ -S "$SUPERVISOR_DIR/supervisor.sock" ]]; }
# render_supervisor_conf SPEC... -> (re)write $SUPERVISOR_CONF for these NAME:MODULE specs
render_supervisor_conf() {
  ROOT="$ROOT" RUN_DIR="$RUN_DIR" LOG_DIR="$LOG_DIR" PID_DIR="$PID_DIR" PYTHON="$PYTHON" \
    "$PYTHON" "$INFRA_DIR/supervisor/render.py" "$SUPERVISOR_CONF" "$@"
}
# stop_supervisor [TIMEOUT_S] -> stop every service (SIGTERM, then SIGKILL after
# stopwaitsecs), then supervisord itself. Idempotent.
stop_supervisor() {
  local timeout="${1:-60}" i
  if ! is_running supervisord; then rm -f "$(pid_file supervisord)"; return 0; fi
  log "stopping the services and supervisord (pid $(pid_of supervisord))"
  sv_ctl shutdown >/dev/null 2>&1 || kill -TERM "$(pid_of supervisord)" 2>/dev/null || true
  for ((i = 0; i < timeout * 5; i++)); do is_running supervisord || break; sleep 0.2; done
  if is_running supervisord; then
    log "supervisord did not exit after ${timeout}s, sending SIGKILL"
    kill -KILL "$(pid_of supervisord)" 2>/dev/null || true
  fi
  rm -f "$(pid_file supervisord)"
  log "services stopped"
}

# ---- API key ----------------------------------------------------------------
# ensure_api_key -> without VERIFY_API_KEY, make sure $VERIFY_API_KEY_FILE holds a random key
# (mode 600). The key itself is never printed or logged; only where it is.
ensure_api_key() {
  [[ -n "${VERIFY_API_KEY:-}" ]] && return 0
  if [[ ! -s "$VERIFY_API_KEY_FILE" ]]; then
    (umask 077 && "$PYTHON" -c 'import secrets; print(secrets.token_urlsafe(32))' >"$VERIFY_API_KEY_FILE") \
      || die "could not write $VERIFY_API_KEY_FILE"
    log "created an API key for writes in $VERIFY_API_KEY_FILE"
  fi
}
