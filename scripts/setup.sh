#!/usr/bin/env bash
# Installs what is missing and builds. Safe to run again: it only reinstalls when package-lock.json changed.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null 2>&1; then
  echo "Node.js 20.19 or later is required: https://nodejs.org/ (or your package manager's nodejs)" >&2
  exit 1
fi
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; then
  echo "Node.js 20.19 or later is required (found $(node --version)): NestJS 12 relies on require(esm)." >&2
  exit 1
fi

stamp=node_modules/.installed-lock-sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "Installing dependencies (npm ci)..."
  npm ci --no-audit --no-fund
  echo "$want" > "$stamp"
fi

# The console's browser tests drive Debian's Chromium (Playwright cannot download its own browser here).
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium_path" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium for the console's browser tests (apt-get install chromium)..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

echo "Building..."
npm run --silent build >/dev/null

# The local Temporal dev server is needed unless TEMPORAL_ADDRESS points at an existing one.
if [ -z "${TEMPORAL_ADDRESS:-}" ]; then
  node dist/scripts/stack/ensure-temporal-cli.js
fi
