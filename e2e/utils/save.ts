import { renameSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/**
 * Saves `content` to `file` the way editors that write atomically do: a temporary file next to it, then a rename.
 * A plain `writeFileSync` truncates first. Once, in a loaded CI run, an edit of zero-config's `+middleware` left
 * `vike dev` answering every request of the next 30 s with Vike's fallback "An error occurred." page (twice, a fresh
 * dev server the second time; never reproduced alone): most likely Vike's watcher read the empty file in between.
 */
export function saveFile(file: string, content: string): void {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`)
  writeFileSync(temporary, content)
  renameSync(temporary, file)
}
