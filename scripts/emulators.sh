# Local Azure emulators, pinned in tools/emulators: Azurite (Blob 10000, Queue 10001, Table 10002)
# and a Cosmos DB (SQL API) server on 8081, the official emulator's port.
#
# Source it (run.sh, test.sh) and call emulators_start / emulators_stop, or run it:
#   scripts/emulators.sh start   # starts what is not already listening, prints the PIDs it started
#   scripts/emulators.sh stop    # stops every emulator these scripts started (recorded in .data/emulators/started.pids)
#   scripts/emulators.sh stop PID...  # stops only those (what one `start` printed)
#
# An emulator already listening on its port (another checkout's, or one started by hand) is used
# as it is and never stopped by us.

EMULATOR_ROOT=${EMULATOR_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
EMULATOR_TOOLS="$EMULATOR_ROOT/tools/emulators"
EMULATOR_DATA="$EMULATOR_ROOT/.data/emulators"
EMULATOR_LOGS="$EMULATOR_ROOT/.data/logs"
EMULATOR_PID_FILE="$EMULATOR_DATA/started.pids"
EMULATOR_WAIT_SECONDS=${EMULATOR_WAIT_SECONDS:-60}
EMULATOR_STARTED_PIDS=()

emulator_log() { echo "[emulators] $*" >&2; }

# True when something accepts TCP connections on 127.0.0.1:$1.
emulator_listening() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

emulators_install() {
  [ -x "$EMULATOR_TOOLS/node_modules/.bin/azurite" ] && [ -x "$EMULATOR_TOOLS/node_modules/.bin/cosmosdb-server" ] && return 0
  if ! command -v npm >/dev/null 2>&1; then
    echo "Node.js and npm are needed for the local emulators (Azurite, Cosmos DB server); npm was not found on PATH." >&2
    return 1
  fi
  emulator_log "installing Azurite and the Cosmos DB server (npm ci in tools/emulators)"
  mkdir -p "$EMULATOR_LOGS"
  if ! (cd "$EMULATOR_TOOLS" && npm ci --no-audit --no-fund >"$EMULATOR_LOGS/npm-ci.log" 2>&1); then
    tail -20 "$EMULATOR_LOGS/npm-ci.log" >&2
    echo "npm ci in tools/emulators failed; full log in $EMULATOR_LOGS/npm-ci.log" >&2
    return 1
  fi
}

# emulator_launch NAME PORT COMMAND...: starts COMMAND in the background unless PORT is taken.
emulator_launch() {
  local name=$1 port=$2
  shift 2
  if emulator_listening "$port"; then
    emulator_log "$name: using the one already listening on port $port"
    return 0
  fi
  mkdir -p "$EMULATOR_LOGS" "$EMULATOR_DATA"
  # Own session and no inherited stdio: the emulator outlives a Ctrl-C of run.sh and never holds a
  # caller's pipe open. Job control off, so setsid runs in place and $! is the emulator itself.
  local flags=$-
  set +m
  setsid "$@" </dev/null >"$EMULATOR_LOGS/$name.log" 2>&1 &
  local pid=$!
  [[ $flags == *m* ]] && set -m
  EMULATOR_STARTED_PIDS+=("$pid")
  printf -v "EMULATOR_PID_${name//-/_}" '%s' "$pid"
  echo "$pid" >>"$EMULATOR_PID_FILE"
  emulator_log "$name: started (pid $pid, log .data/logs/$name.log)"
}

# emulator_wait NAME PORT: waits until PORT answers; one clear error when it does not.
emulator_wait() {
  local name=$1 port=$2 deadline=$((SECONDS + EMULATOR_WAIT_SECONDS)) pid_var="EMULATOR_PID_${1//-/_}"
  local pid=${!pid_var:-}
  until emulator_listening "$port"; do
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
      tail -5 "$EMULATOR_LOGS/$name.log" >&2
      echo "$name exited before answering on 127.0.0.1:$port; see .data/logs/$name.log. Start it by hand with: scripts/emulators.sh start" >&2
      return 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "$name did not answer on 127.0.0.1:$port within ${EMULATOR_WAIT_SECONDS}s; see .data/logs/$name.log. Start it by hand with: scripts/emulators.sh start" >&2
      return 1
    fi
    sleep 0.25
  done
}

emulators_start() {
  emulators_install || return 1
  local bin="$EMULATOR_TOOLS/node_modules/.bin"
  mkdir -p "$EMULATOR_DATA/azurite"
  emulator_launch azurite 10000 "$bin/azurite" \
    --blobHost 127.0.0.1 --blobPort 10000 --queueHost 127.0.0.1 --queuePort 10001 --tableHost 127.0.0.1 --tablePort 10002 \
    --location "$EMULATOR_DATA/azurite" --skipApiVersionCheck --loose --silent
  # Through our launcher: the package's CLI cannot turn on its keep-alive option.
  emulator_launch cosmosdb-server 8081 node "$EMULATOR_TOOLS/cosmosdb-server.js" 8081 127.0.0.1
  emulator_wait azurite 10000 && emulator_wait azurite 10001 && emulator_wait cosmosdb-server 8081
}

# Stops only the processes this shell started (the CLI `stop`: every one recorded in the PID file).
# A PID is killed only while it still is one of our emulators, never a process that reused the number.
emulators_stop() {
  local pid i
  for pid in "${EMULATOR_STARTED_PIDS[@]}"; do
    grep -qaE "azurite|cosmosdb-server" "/proc/$pid/cmdline" 2>/dev/null || continue
    kill "$pid" 2>/dev/null || continue
    # Azurite may be busy collecting deleted extents; give it time to close its files cleanly.
    for i in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [ -f "$EMULATOR_PID_FILE" ]; then
    for pid in "${EMULATOR_STARTED_PIDS[@]}"; do sed -i "/^$pid\$/d" "$EMULATOR_PID_FILE"; done
  fi
  EMULATOR_STARTED_PIDS=()
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  case "${1:-start}" in
    start)
      emulators_start
      [ ${#EMULATOR_STARTED_PIDS[@]} -eq 0 ] || printf '%s\n' "${EMULATOR_STARTED_PIDS[@]}"
      ;;
    stop)
      if [ $# -gt 1 ]; then
        EMULATOR_STARTED_PIDS=("${@:2}")
      elif [ -f "$EMULATOR_PID_FILE" ]; then
        mapfile -t EMULATOR_STARTED_PIDS <"$EMULATOR_PID_FILE"
      fi
      emulators_stop
      ;;
    *) echo "usage: scripts/emulators.sh start | stop [PID...]" >&2; exit 2 ;;
  esac
fi
