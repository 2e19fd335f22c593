#!/usr/bin/env bash
# Usage: [INSTANCE=name] [WORKSPACE_TRUST=1] start.sh PORT FOLDER [extra code-server args...]
# Starts code-server on 127.0.0.1:PORT in its own process group (so stop.sh can end it and every child it
# spawned: extension hosts, file watchers, pty hosts), writes the group id to $RUN/code-server.pid and waits
# until GET /healthz answers. Log: $RUN/code-server.log.
# Workspace trust is off (every folder trusted) unless WORKSPACE_TRUST=1: the Restricted Mode test needs it on,
# together with "security.workspace.trust.enabled": true in the instance's user settings.
set -euo pipefail
. "$(dirname "$0")/env.sh"
PORT=${1:?usage: start.sh PORT FOLDER [args]}; FOLDER=${2:?usage: start.sh PORT FOLDER [args]}; shift 2
TRUST_ARGS=(--disable-workspace-trust)
[ "${WORKSPACE_TRUST:-0}" = 1 ] && TRUST_ARGS=()
rv_prepare_instance
if [ -f "$RUN/code-server.pid" ] && kill -0 "$(cat "$RUN/code-server.pid")" 2>/dev/null; then
  echo "code-server[$INSTANCE] is already running (pgid $(cat "$RUN/code-server.pid")); stop it first: INSTANCE=$INSTANCE $(dirname "$0")/stop.sh" >&2
  exit 1
fi
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  echo "port 127.0.0.1:$PORT is already in use; choose another (PORT=...)" >&2
  exit 1
fi
setsid bash -c '. "$1/env.sh"; shift; rv_code_server "$@"' _ "$RV_DIR" \
  --auth none --bind-addr "127.0.0.1:$PORT" \
  --disable-telemetry --disable-update-check ${TRUST_ARGS[@]+"${TRUST_ARGS[@]}"} \
  --disable-getting-started-override --ignore-last-opened --reconnection-grace-time 5 \
  "$@" "$FOLDER" > "$RUN/code-server.log" 2>&1 < /dev/null &
pid=$!
echo "$pid" > "$RUN/code-server.pid"
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; then
    echo "code-server[$INSTANCE] up on http://127.0.0.1:$PORT (pgid $pid)"
    exit 0
  fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.5
done
echo "code-server[$INSTANCE] did not come up on port $PORT; its log ($RUN/code-server.log):" >&2
tail -40 "$RUN/code-server.log" >&2
kill -- "-$pid" 2>/dev/null || true
rm -f "$RUN/code-server.pid"
exit 1
