# Sourced by the other scripts: puts the pinned pnpm (installed by setup.sh) on PATH.
export PATH="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.cache/tools/node_modules/.bin:$PATH"
