import { execFileSync } from 'node:child_process'
import { readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

// The integration tests build fixture apps against vike-photon's `dist/` (what users install). Rebuild it when
// a source file is newer, so that a test never runs against stale code.
export default function setup() {
  const packageDir = fileURLToPath(new URL('..', import.meta.url))
  // Fixture copies of the previous run (kept until now, to look into a failure).
  rmSync(join(packageDir, '.test-tmp'), { recursive: true, force: true })
  const newestSource = newest(join(packageDir, 'src'))
  let built = 0
  try {
    built = statSync(join(packageDir, 'dist/config.js')).mtimeMs
  } catch {}
  if (newestSource > built) {
    execFileSync(join(packageDir, 'node_modules/.bin/tsup'), [], { cwd: packageDir, stdio: 'inherit' })
  }
}

function newest(dir: string): number {
  let max = 0
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) max = Math.max(max, statSync(join(entry.parentPath, entry.name)).mtimeMs)
  }
  return max
}
