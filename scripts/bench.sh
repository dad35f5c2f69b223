#!/usr/bin/env bash
# The benchmark (bench/README.md): set everything up, then build the same app with each variant, serve it in
# production on 127.0.0.1 and print medians with ratios to the floor. Arguments go to the bench (e.g. --quick).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
exec pnpm --filter @vike-photon/bench start "$@"
