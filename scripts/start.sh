#!/usr/bin/env bash
# The main job: set everything up, build the Hono example in production mode and serve it
# on http://127.0.0.1:3000 (PORT and HOST override).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
cd examples/hono-react
pnpm exec vike build
export PORT="${PORT:-3000}" HOST="${HOST:-127.0.0.1}"
exec node dist/server/index.mjs
