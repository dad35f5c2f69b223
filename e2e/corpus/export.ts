import { execFileSync, spawn } from 'node:child_process'
import { chmod, mkdir, symlink, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'

/**
 * Writes the files of `commit` into `dest`, like `git archive | tar -x`, but files whose content the mirror lacks
 * are left out and listed instead of failing the whole export: the mirrors this corpus was assembled from keep no
 * file of 4 MiB or more (typically a committed build output, e.g. `.vercel/output/functions/...`).
 */
export async function exportCommit(gitDir: string, commit: string, dest: string): Promise<{ missing: string[] }> {
  const entries = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '-z', '--full-tree', commit], {
    maxBuffer: 256 * 1024 * 1024,
  })
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta, path] = line.split('\t') as [string, string]
      const [mode, type, oid] = meta.split(' ') as [string, string, string]
      return { mode, type, oid, path }
    })
    .filter((e) => e.type === 'blob') // submodules (type commit) have no content here
  const contents = await readBlobs(
    gitDir,
    entries.map((e) => e.oid),
  )
  const missing: string[] = []
  for (const entry of entries) {
    const content = contents.get(entry.oid)
    if (!content) {
      missing.push(entry.path)
      continue
    }
    const file = join(dest, entry.path)
    await mkdir(dirname(file), { recursive: true })
    if (entry.mode === '120000') await symlink(content.toString('utf8'), file)
    else {
      await writeFile(file, content)
      if (entry.mode === '100755') await chmod(file, 0o755)
    }
  }
  return { missing }
}

/** Every blob's content by oid, through one `git cat-file --batch`; blobs the object store lacks are absent. */
function readBlobs(gitDir: string, oids: string[]): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['--git-dir', gitDir, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'pipe'] })
    const chunks: Buffer[] = []
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => chunks.push(d))
    child.stderr.on('data', (d) => {
      stderr += d
    })
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`git cat-file --batch failed (${code}): ${stderr}`))
      const out = Buffer.concat(chunks)
      const blobs = new Map<string, Buffer>()
      let at = 0
      while (at < out.length) {
        const eol = out.indexOf(10, at)
        const [oid, kind, size] = out.subarray(at, eol).toString('utf8').split(' ')
        at = eol + 1
        if (kind === 'missing') continue
        const end = at + Number(size)
        blobs.set(oid!, out.subarray(at, end))
        at = end + 1 // the newline after the content
      }
      resolve(blobs)
    })
    child.stdin.end(`${[...new Set(oids)].join('\n')}\n`)
  })
}
