#!/usr/bin/env bash
# Installs the project's npm dependencies with `npm ci` when node_modules is missing or older than
# package-lock.json (npm writes node_modules/.package-lock.json on every install, so its age is the install's).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "deps: running npm ci (node_modules is missing or older than package-lock.json)"
  npm ci --no-audit --no-fund
fi
