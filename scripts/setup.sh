#!/usr/bin/env bash
# Installs everything the workspace needs on a machine that has only Node 20 and npm:
# pnpm (pinned, into .cache/tools, no root needed), the workspace's dependencies, and the
# vike-photon package build that the examples link to.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=10.34.9
tools=.cache/tools
if [ "$("$tools/node_modules/.bin/pnpm" --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  echo "› installing pnpm@$PNPM_VERSION into $tools"
  npm install --prefix "$tools" --no-save --no-audit --no-fund --loglevel=error "pnpm@$PNPM_VERSION" >/dev/null
fi
export PATH="$PWD/$tools/node_modules/.bin:$PATH"

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
echo "› pnpm install"
pnpm install --frozen-lockfile --reporter=append-only | grep -vE '^(Progress|\s*$)' || true
test -d node_modules/.pnpm || { echo "pnpm install failed" >&2; exit 1; }

echo "› building packages"
pnpm --filter "./packages/*" --filter "./codemods" run --if-present build
