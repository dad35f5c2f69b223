import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs'
import { isAbsolute, join, relative, sep } from 'node:path'

/** Folders the scan never enters. Dotfolders (.git, .vercel, .wrangler, ...) are skipped too. */
const skippedDirs = new Set(['node_modules', 'dist'])
const scannedFile = /\.(?:[cm]?[jt]sx?|json|jsonc|toml)$/
/** A temporary file of a run that was killed while writing; the next run that writes removes it. */
export const tempFileName = /\.vike-photon-migrate-\d+\.tmp$/
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/**
 * How a file's bytes became text. `latin1` is byte for byte (a file that is not valid UTF-8): its text is written
 * back with the same bytes, so a Latin-1 (or any 8-bit) comment is kept as it was.
 */
export type Encoding = 'utf8' | 'latin1'

interface DiskFile {
  text: string
  bytes: Buffer
  encoding: Encoding
  /** Permission bits (0o644, 0o755, ...). */
  mode: number
}

/** A file or folder the migration leaves alone, with what the user should do about it. */
export interface SkippedPath {
  path: string
  message: string
}

/**
 * The app folder, in memory: file names from one scan, contents read on demand, and every change kept
 * in an overlay until the engine writes them (or not, on --dry-run or an error).
 *
 * Symbolic links: a linked file is read (so detection and the steps see it) but never written; the plan
 * reports the change it needed instead. A linked folder whose target the scan reaches anyway is an alias and
 * is left out; any other linked folder is not entered, and reported.
 */
export class Project {
  readonly files: string[] = []
  /** Linked files among `files`: path → where the link points. */
  readonly links = new Map<string, string>()
  /** What the scan could not enter or read (linked folders, names that are not UTF-8). */
  readonly skipped: SkippedPath[] = []
  /** Temporary files of an interrupted run. */
  readonly leftovers: string[] = []
  private readonly disk = new Map<string, DiskFile | null>()
  private readonly overlay = new Map<string, string>()
  readonly renames = new Map<string, string>() // to → from

  constructor(readonly root: string) {
    scan(this)
  }

  /** Content as the migration currently sees it (overlay first); null when the file does not exist. */
  read(rel: string): string | null {
    if (this.overlay.has(rel)) return this.overlay.get(rel)!
    return this.original(rel)
  }

  original(rel: string): string | null {
    return this.load(rel)?.text ?? null
  }

  /** The file as it is on disk: its bytes, how they were decoded, its mode. */
  load(rel: string): DiskFile | null {
    if (!this.disk.has(rel)) {
      const abs = join(this.root, rel)
      let file: DiskFile | null = null
      if (existsSync(abs) && statSync(abs).isFile()) {
        const bytes = readFileSync(abs)
        let text: string
        let encoding: Encoding = 'utf8'
        try {
          text = utf8.decode(bytes)
        } catch {
          text = bytes.toString('latin1')
          encoding = 'latin1'
        }
        file = { text, bytes, encoding, mode: statSync(abs).mode & 0o7777 }
      }
      this.disk.set(rel, file)
    }
    return this.disk.get(rel)!
  }

  exists(rel: string): boolean {
    return this.overlay.has(rel) || existsSync(join(this.root, rel))
  }

  /** Where `rel` goes through a symbolic link (the file itself, or a folder above it); null when it does not. */
  linkOn(rel: string): string | null {
    let path = ''
    for (const part of rel.split('/')) {
      path = path ? `${path}/${part}` : part
      try {
        if (lstatSync(join(this.root, path)).isSymbolicLink()) return path
      } catch {
        return null
      }
    }
    return null
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
      const original = this.load(from ?? path)
      const before = original?.text ?? null
      if (!from && before === after) continue
      changes.push({
        path,
        before,
        after,
        status: from ? 'renamed' : before === null ? 'created' : 'modified',
        ...(from ? { from } : {}),
        ...(original ? { original: original.bytes, mode: original.mode } : {}),
        encoding: original?.encoding ?? 'utf8',
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
  /** The file's bytes before the migration (to restore it if writing fails); absent for a created file. */
  original?: Buffer
  /** The mode the written file keeps (the original's); absent for a created file. */
  mode?: number
  /** How `after` is written back: `latin1` keeps the bytes of a file that was not UTF-8. */
  encoding: Encoding
}

/** The bytes to write for a change; null when its text holds characters its (non-UTF-8) encoding cannot. */
export function encodeChange(change: FileChange): Buffer | null {
  if (change.encoding === 'latin1') {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: any character past one byte
    return /[^\u0000-\u00ff]/.test(change.after) ? null : Buffer.from(change.after, 'latin1')
  }
  return Buffer.from(change.after, 'utf8')
}

function scan(project: Project): void {
  const { root } = project
  const realRoot = realpathSync(root)
  /** Whether the scan enters `rel` (a path relative to the real root) on its own. */
  const scanned = (rel: string) =>
    rel === '' ||
    (!rel.startsWith('..') &&
      !isAbsolute(rel) &&
      rel.split(sep).every((part) => !part.startsWith('.') && !skippedDirs.has(part)))
  const walk = (rel: string) => {
    const entries = readdirSync(join(root, rel), { withFileTypes: true, encoding: 'buffer' })
    for (const entry of entries) {
      const raw = entry.name as unknown as Buffer
      let name: string
      try {
        name = utf8.decode(raw)
      } catch {
        const shown = rel ? `${rel}/${raw.toString('utf8')}` : raw.toString('utf8')
        if (entry.isDirectory() || scannedFile.test(raw.toString('latin1'))) {
          project.skipped.push({
            path: shown,
            message: `skipped ${entry.isDirectory() ? 'the folder' : 'the file'} ${JSON.stringify(shown)}: its name is not valid UTF-8. Rename it, then run vike-photon migrate again (or migrate it by hand)`,
          })
        }
        continue
      }
      const path = rel ? `${rel}/${name}` : name
      if (entry.isDirectory()) {
        if (name.startsWith('.') || skippedDirs.has(name)) continue
        walk(path)
      } else if (entry.isFile()) {
        if (tempFileName.test(name)) project.leftovers.push(path)
        else if (scannedFile.test(name) || name === '.gitignore') project.files.push(path)
      } else if (entry.isSymbolicLink()) {
        link(path, name)
      }
    }
  }
  const link = (path: string, name: string) => {
    let real: string
    let isDir: boolean
    try {
      real = realpathSync(join(root, path))
      isDir = statSync(real).isDirectory()
    } catch {
      return // a broken link holds no code
    }
    const target = relative(realRoot, real)
    const inside = !target.startsWith('..') && !isAbsolute(target)
    const shown = inside ? target.split(sep).join('/') : real
    if (isDir) {
      if (name.startsWith('.') || skippedDirs.has(name)) return
      // The folder is scanned where it really is: this name is an alias of it.
      if (inside && scanned(target)) return
      project.skipped.push({
        path,
        message: `${path}/ is a symbolic link to a folder vike-photon migrate does not scan (${shown}): its files were not migrated. Run vike-photon migrate where they are, or replace the link with the folder and run again`,
      })
    } else if (scannedFile.test(name) || name === '.gitignore') {
      project.files.push(path)
      project.links.set(path, shown)
    }
  }
  walk('')
}
