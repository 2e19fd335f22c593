#!/usr/bin/env bash
# `npm start`: code in a real VS Code on this machine, no desktop VS Code needed. Builds and packages the
# extension, installs the .vsix into a dedicated code-server instance, and serves the workbench on
# http://127.0.0.1:$PORT with a working copy of sample/ (copied once, outside the repo, so coding never
# dirties the repo). Running it again rebuilds, reinstalls and restarts; the working copy is kept.
#   npm start                 start (or restart) on PORT (default 18700)
#   npm start -- --stop       stop it
# Env: PORT, SOVCODER_WORKSPACE (default ~/sovereignty-coder-workspace), REAL_VSCODE_HOME.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RV=$ROOT/scripts/real-vscode
export INSTANCE=sovcoder-start
PORT=${PORT:-18700}
WORKSPACE=${SOVCODER_WORKSPACE:-$HOME/sovereignty-coder-workspace}

if [ "${1:-}" = "--stop" ]; then
  bash "$RV/stop.sh"
  exit 0
fi

. "$RV/env.sh"
# The install steps print hundreds of lines (npm's package list, code-server's build): they go to a log, and the
# terminal shows one line per step, so that the address and the stop command below stay on screen.
LOG=$REAL_VSCODE_HOME/start.log
mkdir -p "$REAL_VSCODE_HOME"
: > "$LOG"
quiet() { # <what> <command...>
  local what=$1 t0=$SECONDS; shift
  printf '== %s … ' "$what"
  if "$@" >> "$LOG" 2>&1; then
    echo "done ($((SECONDS - t0)) s)"
  else
    echo "FAILED"; echo "-- the last lines of $LOG:"; tail -30 "$LOG"; exit 1
  fi
}
quiet "npm dependencies" bash scripts/ensure-deps.sh
quiet "a real VS Code (first time: about 5 minutes)" env SETUP_FOR=start bash "$RV/setup.sh"
quiet "building and packaging the extension" npm run --silent package
bash "$RV/stop.sh" >> "$LOG" 2>&1  # a running instance would keep the previous version of the extension loaded
quiet "installing it into the workbench" rv_code_server --install-extension "$ROOT/dist/sovereignty-coder.vsix" --force

if [ ! -e "$WORKSPACE" ]; then
  mkdir -p "$WORKSPACE"
  cp -r sample/. "$WORKSPACE/"
  echo "== copied sample/ to $WORKSPACE (your working copy: annotations you make are saved there)"
fi
quiet "starting the workbench" bash "$RV/start.sh" "$PORT" "$WORKSPACE"
cat <<EOF

Sovereignty Coder is running in a real VS Code (code-server $(rv_code_server --version | head -1 | cut -d' ' -f1)):

    http://127.0.0.1:$PORT/?folder=$WORKSPACE

Workspace: $WORKSPACE (a copy of sample/, kept between runs; delete it to start again from sample/)
Stop it:   npm start -- --stop
Logs:      $LOG (set-up), $RUN/code-server.log (server)
EOF
