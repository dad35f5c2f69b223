#!/usr/bin/env bash
# The one command that proves the workspace: setup, type-check, lint, unit tests, browser tests.
# Ends with a single "N passed, N failed" line summed over every suite.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
bash scripts/ensure-chromium.sh || exit 1
source scripts/env.sh

reports="$PWD/.cache/reports"
rm -rf "$reports" && mkdir -p "$reports"
status=0
step() { echo; echo "━━ $1"; shift; "$@" || status=1; }

step "type-check" pnpm run typecheck
step "lint (biome)" pnpm run lint
step "unit tests (vitest)" pnpm exec vitest run --reporter=default --reporter=json --outputFile.json="$reports/vitest.json"
step "browser tests (playwright)" env PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/playwright.json" pnpm --filter e2e exec playwright test --reporter=list,json

node scripts/summarize-tests.mjs "$reports" || status=1
exit $status
