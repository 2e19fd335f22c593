# Source me (bash). Isolated state for one code-server instance, and the paths of the cached real VS Code.
#   REAL_VSCODE_HOME  cache folder outside the repo (default $HOME/.cache/real-vscode), filled by setup.sh
#   INSTANCE          name of the instance: its config, user data, extensions and XDG dirs live in $RUN
# Why per instance: code-server writes ~/.config/code-server and ~/.local/share/code-server by default; a test
# must neither see the user's state nor leave any, and `npm start` must not share extensions with the tests.
export REAL_VSCODE_HOME=${REAL_VSCODE_HOME:-$HOME/.cache/real-vscode}
RV_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export NODE24_BIN=$REAL_VSCODE_HOME/node24/node_modules/node/bin
export CS=$REAL_VSCODE_HOME/cs/node_modules/.bin/code-server
export INSTANCE=${INSTANCE:-default}
export RUN=$REAL_VSCODE_HOME/run/$INSTANCE
rv_prepare_instance() {
  RUN=$REAL_VSCODE_HOME/run/$INSTANCE
  mkdir -p "$RUN/xdg/config" "$RUN/xdg/data" "$RUN/xdg/cache" "$RUN/user-data/User" "$RUN/extensions"
  [ -f "$RUN/config.yaml" ] || printf 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n' > "$RUN/config.yaml"
  [ -f "$RUN/user-data/User/settings.json" ] || cp "$RV_DIR/settings.json" "$RUN/user-data/User/settings.json"
}
# Runs code-server (on Node 24, which it requires) with this instance's state; arguments are passed on.
rv_code_server() {
  rv_prepare_instance
  PATH="$NODE24_BIN:$PATH" XDG_CONFIG_HOME="$RUN/xdg/config" XDG_DATA_HOME="$RUN/xdg/data" XDG_CACHE_HOME="$RUN/xdg/cache" \
    "$CS" --config "$RUN/config.yaml" --user-data-dir "$RUN/user-data" --extensions-dir "$RUN/extensions" "$@"
}
