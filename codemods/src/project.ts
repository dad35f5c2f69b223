import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Folders the scan never enters. Dotfolders (.git, .vercel, .wrangler, ...) are skipped too. */
const skippedDirs = new Set(['node_modules', 'dist'])
const scannedFile = /\.(?:[cm]?[jt]sx?|json|jsonc|toml)$/

/**
 * The app folder, in memory: file names from one scan, contents read on demand, and every change kept
 * in an overlay until the engine writes them (or not, on --dry-run or an error).
 */
export class Project {
  readonly files: string[]
  private readonly disk = new Map<string, string | null>()
  private readonly overlay = new Map<string, string>()
  readonly renames = new Map<string, string>() // to → from

  constructor(readonly root: string) {
    this.files = scan(root)
  }

  /** Content as the migration currently sees it (overlay first); null when the file does not exist. */
  read(rel: string): string | null {
    if (this.overlay.has(rel)) return this.overlay.get(rel)!
    return this.original(rel)
  }

  original(rel: string): string | null {
    if (!this.disk.has(rel)) {
      const abs = join(this.root, rel)
      this.disk.set(rel, existsSync(abs) ? readFileSync(abs, 'utf8') : null)
    }
    return this.disk.get(rel)!
  }

  exists(rel: string): boolean {
    return this.overlay.has(rel) || this.original(rel) !== null
  }

  write(rel: string, content: string): void {
    this.overlay.set(rel, content)
    if (!this.files.includes(rel)) this.files.push(rel)
  }

  /** Moves a file (content kept, then transformed): the old name disappears, nothing is deleted. */
  rename(from: string, to: string, content: string): void {
    this.renames.set(to, from)
    this.overlay.set(to, content)
    this.files.push(to)
  }

  changes(): FileChange[] {
    const changes: FileChange[] = []
    for (const [path, after] of this.overlay) {
      const from = this.renames.get(path)
      const before = from ? this.original(from) : this.original(path)
      if (!from && before === after) continue
      changes.push({
        path,
        before,
        after,
        status: from ? 'renamed' : before === null ? 'created' : 'modified',
        ...(from ? { from } : {}),
      })
    }
    return changes.sort((a, b) => a.path.localeCompare(b.path))
  }
}

export interface FileChange {
  path: string
  status: 'modified' | 'created' | 'renamed'
  /** The old name of a renamed file. */
  from?: string
  before: string | null
  after: string
}

function scan(root: string): string[] {
  const out: string[] = []
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
      const name = entry.name
      const path = rel ? `${rel}/${name}` : name
      if (entry.isDirectory()) {
        if (name.startsWith('.') || skippedDirs.has(name)) continue
        walk(path)
      } else if (entry.isFile() && (scannedFile.test(name) || name === '.gitignore')) out.push(path)
    }
  }
  walk('')
  return out
}
