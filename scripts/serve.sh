#!/usr/bin/env bash
# Builds the web app and serves it on http://127.0.0.1:${PORT:-8080}/ (Ctrl-C stops).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NODE_PATH=/usr/share/nodejs   # Emscripten's JS compiler needs Debian's acorn

bash scripts/setup.sh
if [ ! -f build/web/build.ninja ]; then
  log="$(mktemp)"
  cmake --preset web >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
  rm -f "$log"
fi
echo "serve: building the site (cmake --build --preset web --target app web_site web_offline)"
cmake --build --preset web --target app web_site web_offline
exec node tests/browser/serve.mjs build/web/site "${PORT:-8080}"
