#!/usr/bin/env bash
# Usage: [INSTANCE=name] stop.sh -- ends the process group that start.sh started for this instance, and only it.
. "$(dirname "$0")/env.sh"
RUN=$REAL_VSCODE_HOME/run/$INSTANCE
[ -f "$RUN/code-server.pid" ] || exit 0
pgid=$(cat "$RUN/code-server.pid")
if kill -- "-$pgid" 2>/dev/null; then
  # Give it a moment to exit cleanly (extension hosts flush state), then insist.
  for _ in $(seq 1 20); do kill -0 -- "-$pgid" 2>/dev/null || break; sleep 0.25; done
  kill -KILL -- "-$pgid" 2>/dev/null || true
  echo "stopped code-server[$INSTANCE] (process group $pgid)"
fi
rm -f "$RUN/code-server.pid"
