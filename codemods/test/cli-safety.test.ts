import { execFileSync, spawn, spawnSync } from 'node:child_process'
import {
  chmodSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { app, cli, migrate, migrateWith, removeApps, tsx, vikeServerApp, vikeServerEntry } from './cli-harness.js'

// The data safety of `vike-photon migrate`: what it leaves on disk when writing fails, when it is killed, and with
// files it must not or cannot rewrite (links, read-only files, other encodings).
const immutable: string[] = []
afterEach(() => {
  for (const path of immutable.splice(0)) spawnSync('chattr', ['-i', path])
  removeApps()
})

/** `chattr +i`: not even root can rename over, or create files in, `path`. False where the file system refuses it. */
function makeImmutable(path: string): boolean {
  const ok = spawnSync('chattr', ['+i', path]).status === 0
  if (ok) immutable.push(path)
  return ok
}

const migrated = ['package.json', 'pages/+config.ts', 'server/index.ts']

/** Every file of the app (node_modules and .git left out), as bytes. */
function tree(dir: string, rel = ''): Record<string, Buffer> {
  const out: Record<string, Buffer> = {}
  for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const path = rel ? `${rel}/${entry.name}` : entry.name
    if (entry.name === '.git' || entry.name === 'node_modules') continue
    if (entry.isDirectory()) Object.assign(out, tree(dir, path))
    else out[path] = readFileSync(join(dir, path))
  }
  return out
}
const text = (files: Record<string, Buffer>) =>
  Object.fromEntries(Object.entries(files).map(([k, v]) => [k, v.toString('utf8')]))
const mode = (dir: string, file: string) => statSync(join(dir, file)).mode & 0o777

describe('vike-photon migrate writes all or nothing', () => {
  it('restores every file when a rename fails midway (an immutable file), and says nothing changed', () => {
    const dir = app(vikeServerApp)
    const before = tree(dir)
    if (!makeImmutable(join(dir, 'server/index.ts'))) return
    const r = migrate(dir, '--yes')
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('could not write server/index.ts')
    expect(r.stderr).toContain('Nothing was changed: every file is as it was.')
    // pages/+config.ts was renamed into place before server/index.ts failed: it is back, byte for byte.
    expect(tree(dir)).toEqual(before)
  })

  it('removes its temporary files when one cannot be written (an immutable folder), and --json says so', () => {
    const dir = app(vikeServerApp)
    const before = tree(dir)
    if (!makeImmutable(join(dir, 'server'))) return
    const r = migrate(dir, '--yes', '--json')
    expect(r.code).toBe(1)
    const report = JSON.parse(r.stdout)
    expect(report).toMatchObject({ status: 'error', exitCode: 1, written: false })
    expect(report.error).toContain('Nothing was changed')
    expect(tree(dir)).toEqual(before)
  })

  it('exits 3 when a write fails and restoring the files already written fails too, and lists them', async () => {
    const reference = app(vikeServerApp)
    expect(migrate(reference, '--yes').code).toBe(0)
    const dir = app(vikeServerApp)
    // server/index.ts cannot be replaced; pages/+config.ts, renamed into place first, cannot be put back either.
    if (!makeImmutable(join(dir, 'server/index.ts'))) return
    const child = spawn(process.execPath, ['--import', tsx, cli, 'migrate', dir, '--yes'], {
      env: { ...process.env, VIKE_PHOTON_MIGRATE_TEST_STOP_AFTER: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
    await vi.waitFor(() => expect(readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]![0]).toBe('T'), {
      timeout: 20_000,
      interval: 50,
    })
    expect(readFileSync(join(dir, 'pages/+config.ts'), 'utf8')).toContain('vike-photon/config')
    expect(makeImmutable(join(dir, 'pages/+config.ts'))).toBe(true)
    child.kill('SIGCONT')
    expect(await exited).toBe(3)
    expect(stderr).toContain('could not write server/index.ts')
    expect(stderr).toContain(
      'and restoring the files already written failed. These files are migrated, the others are as they were:\n  pages/+config.ts\n',
    )
    const half = tree(dir)
    expect(half['package.json']!.toString()).toBe(vikeServerApp['package.json'])
    expect(half['server/index.ts']!.toString()).toBe(vikeServerEntry)
    expect(Object.keys(half).filter((f) => f.endsWith('.tmp'))).toEqual([])

    // As the message says: once the cause is fixed, a second run finishes the job.
    for (const path of immutable.splice(0)) spawnSync('chattr', ['-i', path])
    expect(migrate(dir, '--yes').code).toBe(0)
    expect(text(tree(dir))).toEqual(text(tree(reference)))
  })

  it('a run killed between renames leaves package.json untouched, and the next run finishes the job', () => {
    const reference = app(vikeServerApp)
    expect(migrate(reference, '--yes').code).toBe(0)
    const dir = app(vikeServerApp)
    const killed = migrateWith({ VIKE_PHOTON_MIGRATE_TEST_KILL_AFTER: '1' }, dir, '--yes')
    expect(killed.signal).toBe('SIGKILL')
    const half = tree(dir)
    expect(half['package.json']!.toString()).toBe(vikeServerApp['package.json'])
    expect(half['server/index.ts']!.toString()).toBe(vikeServerEntry)
    expect(half['pages/+config.ts']!.toString()).toContain('vike-photon/config')
    // server/index.ts and package.json were written to temporary files that stayed behind.
    expect(Object.keys(half).filter((f) => f.endsWith('.tmp'))).toHaveLength(2)

    // The files it already wrote need no further change: no --force needed.
    const again = migrate(dir, '--yes')
    expect(again.code).toBe(0)
    expect(again.stdout).toContain('Temporary files of an interrupted run, removed: ')
    expect(text(tree(dir))).toEqual(text(tree(reference)))
  })

  it('a run killed before any rename changes no file, and the next run removes its temporary files', () => {
    const reference = app(vikeServerApp)
    expect(migrate(reference, '--yes').code).toBe(0)
    const dir = app(vikeServerApp)
    const before = tree(dir)
    const killed = migrateWith({ VIKE_PHOTON_MIGRATE_TEST_KILL_AFTER: '0' }, dir, '--yes')
    expect(killed.signal).toBe('SIGKILL')
    const after = tree(dir)
    for (const file of migrated) expect(after[file]).toEqual(before[file])
    expect(Object.keys(after).filter((f) => f.endsWith('.tmp'))).toHaveLength(3)
    expect(migrate(dir, '--yes').code).toBe(0)
    expect(text(tree(dir))).toEqual(text(tree(reference)))
  })

  it('finds legacy imports left in the code when package.json is already migrated, and finishes the job', () => {
    const reference = app(vikeServerApp)
    expect(migrate(reference, '--yes').code).toBe(0)
    const pkg = readFileSync(join(reference, 'package.json'), 'utf8')
    // What an earlier version left when it was stopped: package.json written, the rest not.
    const dir = app({ ...vikeServerApp, 'package.json': pkg })
    const r = migrate(dir, '--yes')
    expect(r.stdout).toContain(
      'vike-server: package.json no longer lists it, but pages/+config.ts still imports it (an unfinished migration)',
    )
    expect(r.code).toBe(0)
    expect(text(tree(dir))).toEqual(text(tree(reference)))
  })
  it('does not take an import it kept with a TODO for an unfinished migration', () => {
    const api = `import { resolveServerConfig } from 'vike-server/api'\n\nexport const config = resolveServerConfig()\n`
    const dir = app({ ...vikeServerApp, 'server/config.ts': api })
    expect(migrate(dir, '--yes').code).toBe(2)
    expect(readFileSync(join(dir, 'server/config.ts'), 'utf8')).toContain('vike-server/api')
    execFileSync('git', ['commit', '-qam', 'migrated'], { cwd: dir })
    const again = migrate(dir, '--yes')
    expect(again.stdout).toContain('Nothing to do')
    expect(again.code).toBe(0)
  })
})

describe('vike-photon migrate keeps bytes and modes', () => {
  it('keeps the bytes of a Latin-1 file it rewrites', () => {
    const latin1 = Buffer.concat([
      Buffer.from('// Caf'),
      Buffer.from([0xe9]),
      Buffer.from(' du march'),
      Buffer.from([0xe9]),
      Buffer.from(`\n${vikeServerEntry}`),
    ])
    const dir = app(vikeServerApp)
    writeFileSync(join(dir, 'server/index.ts'), latin1)
    execFileSync('git', ['commit', '-qam', 'latin1'], { cwd: dir })
    const r = migrate(dir, '--yes')
    expect(r.code).toBe(0)
    const after = readFileSync(join(dir, 'server/index.ts'))
    expect(after.subarray(0, 20)).toEqual(latin1.subarray(0, 20))
    expect(after.toString('latin1')).toContain("import { apply, serve } from '@photonjs/hono'")
    expect(after.includes(Buffer.from([0xef, 0xbf, 0xbd]))).toBe(false) // no U+FFFD
  })

  it('keeps the mode of the files it rewrites and renames (0755)', () => {
    const dir = app({ ...vikeServerApp, 'pages/+server.ts': "export default 'server/index.ts'\n" })
    chmodSync(join(dir, 'server/index.ts'), 0o755)
    chmodSync(join(dir, 'pages/+server.ts'), 0o750)
    const r = migrate(dir, '--yes', '--force')
    expect(r.stderr).toBe('')
    expect(mode(dir, 'server/index.ts')).toBe(0o755)
    expect(mode(dir, 'pages/+photon.ts')).toBe(0o750)
    expect(readFileSync(join(dir, 'server/index.ts'), 'utf8')).toContain('@photonjs/hono')
  })

  it('refuses to replace a read-only file (0444): says so, writes nothing', () => {
    const dir = app(vikeServerApp)
    chmodSync(join(dir, 'server/index.ts'), 0o444)
    const before = tree(dir)
    const r = migrate(dir, '--yes', '--force')
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(
      'server/index.ts: the file is read-only (mode 0444): vike-photon migrate does not replace a read-only file. Make it writable (chmod u+w server/index.ts) and run again',
    )
    expect(tree(dir)).toEqual(before)
    expect(mode(dir, 'server/index.ts')).toBe(0o444)
  })
})

describe('vike-photon migrate and symbolic links', () => {
  it('never writes through a link: a linked +config and server/ folder are reported as manual steps', () => {
    const outside = app({ 'server/index.ts': vikeServerEntry }, { git: false })
    const { 'pages/+config.ts': config, 'server/index.ts': _entry, ...rest } = vikeServerApp
    const dir = app({ ...rest, 'shared/config.ts': config })
    symlinkSync('../shared/config.ts', join(dir, 'pages/+config.ts'))
    symlinkSync(join(outside, 'server'), join(dir, 'server'))
    const r = migrate(dir, '--yes', '--force')
    expect(r.code).toBe(2)
    expect(r.stdout).toContain(
      'pages/+config.ts:1  pages/+config.ts is a symbolic link (to shared/config.ts): vike-photon migrate never writes through links, so this file was not migrated.',
    )
    expect(r.stdout).toMatch(
      /server:1 {2}server\/ is a symbolic link to a folder vike-photon migrate does not scan \(.+\): its files were not migrated\./,
    )
    // Nothing outside the app changed, the link target neither, and no second root +config appeared.
    expect(readFileSync(join(outside, 'server/index.ts'), 'utf8')).toBe(vikeServerEntry)
    expect(readFileSync(join(dir, 'shared/config.ts'), 'utf8')).toBe(config)
    expect(readdirSync(join(dir, 'pages')).sort()).toEqual(['+config.ts', 'index'])
  })

  it('refuses a linked package.json', () => {
    const dir = app(vikeServerApp)
    renameSync(join(dir, 'package.json'), join(dir, 'real-package.json'))
    symlinkSync('real-package.json', join(dir, 'package.json'))
    const before = tree(dir)
    const r = migrate(dir, '--yes', '--force')
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('package.json is a symbolic link (to real-package.json)')
    expect(tree(dir)).toEqual(before)
  })
})

describe('vike-photon migrate: arguments, reports and odd inputs', () => {
  it('refuses two folders', () => {
    const dir = app(vikeServerApp)
    const r = migrate(dir, dir)
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('one folder at a time, got 2')
  })

  it('--json output is JSON even for bad arguments', () => {
    const dir = app(vikeServerApp)
    for (const args of [['--bogus'], [dir]]) {
      const r = migrate(dir, '--json', ...args)
      expect(r.code).toBe(1)
      expect(JSON.parse(r.stdout)).toMatchObject({ status: 'error', exitCode: 1 })
    }
  })

  it('accepts a package.json with a byte order mark, and keeps it', () => {
    const dir = app({ ...vikeServerApp, 'package.json': `\uFEFF${vikeServerApp['package.json']}` })
    const r = migrate(dir, '--yes')
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const pkg = readFileSync(join(dir, 'package.json'), 'utf8')
    expect(pkg.startsWith('\uFEFF{')).toBe(true)
    expect(JSON.parse(pkg.slice(1)).dependencies['vike-photon']).toBeDefined()
  })

  it('names line:column of a JSON syntax error in package.json', () => {
    const dir = app({ 'package.json': '{\n  "name": "x",\n  "dependencies": { "vike-server": "1.0.25", }\n}\n' })
    const r = migrate(dir)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/package\.json:3:\d+: package\.json is not valid JSON \(/)
  })

  it('--dry-run prints a patch that git apply takes, CRLF files and renames included', () => {
    const crlf = (s: string) => s.replace(/\n/g, '\r\n')
    const files = {
      ...vikeServerApp,
      'server/index.ts': crlf(vikeServerEntry),
      'pages/+server.ts': crlf("export default 'server/index.ts'\n"),
    }
    const dir = app(files)
    execFileSync('git', ['config', 'core.autocrlf', 'false'], { cwd: dir })
    const r = migrate(dir, '--dry-run')
    const patch = r.stdout.slice(r.stdout.indexOf('diff --git'), r.stdout.lastIndexOf('\nDry run'))
    writeFileSync(join(dir, '..', `${dir.split('/').pop()}.patch`), patch)
    const patchFile = join(dir, '..', `${dir.split('/').pop()}.patch`)
    try {
      execFileSync('git', ['apply', '--check', patchFile], { cwd: dir, stdio: 'pipe' })
      execFileSync('git', ['apply', patchFile], { cwd: dir, stdio: 'pipe' })
    } finally {
      rmSync(patchFile, { force: true })
    }
    expect(readFileSync(join(dir, 'server/index.ts'), 'utf8')).toContain("from '@photonjs/hono'\r\n")
    expect(readFileSync(join(dir, 'pages/+photon.ts'), 'utf8')).toContain('\r\n')
  })

  it('takes the packageManager field over a lockfile in a parent folder', () => {
    const parent = app({ 'package-lock.json': '{}\n' }, { git: false })
    mkdirSync(join(parent, 'web'))
    const pkg = JSON.parse(vikeServerApp['package.json'])
    writeFileSync(join(parent, 'web/package.json'), JSON.stringify({ ...pkg, packageManager: 'pnpm@10.34.9' }))
    const r = migrate(join(parent, 'web'), '--json', '--dry-run')
    expect(JSON.parse(r.stdout).packageManager).toBe('pnpm')
  })

  it('skips a folder whose name is not UTF-8 and reports it', () => {
    const dir = app(vikeServerApp)
    const name = Buffer.concat([Buffer.from(join(dir, 'caf')), Buffer.from([0xe9])])
    mkdirSync(name)
    const r = migrate(dir, '--yes')
    expect(r.code).toBe(2)
    expect(r.stdout).toContain('its name is not valid UTF-8')
    expect(readFileSync(join(dir, 'server/index.ts'), 'utf8')).toContain('@photonjs/hono')
  })

  it('lists a dirty file once', () => {
    const dir = app(vikeServerApp)
    // Deleted from the index, still in the work tree: two lines in `git status` ("D " and "??").
    execFileSync('git', ['rm', '-q', '--cached', 'server/index.ts'], { cwd: dir })
    const r = migrate(dir, '--yes')
    expect(r.code).toBe(1)
    expect(r.stderr.split('\n').filter((l) => l.trim() === 'server/index.ts')).toHaveLength(1)
  })

  it('Ctrl-C at the prompt exits 130 quietly, writing nothing', () => {
    const dir = app(vikeServerApp)
    const before = tree(dir)
    // A pseudo-terminal, so that the prompt shows; Ctrl-C is sent once it does.
    const driver = `
import os, pty, sys, time, select
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
out = b''
deadline = time.time() + 60
while b'[Y/n]' not in out and time.time() < deadline:
    r, _, _ = select.select([fd], [], [], 1)
    if r:
        try: out += os.read(fd, 4096)
        except OSError: break
os.write(fd, b'\\x03')
while True:
    try:
        chunk = os.read(fd, 4096)
        if not chunk: break
        out += chunk
    except OSError: break
_, status = os.waitpid(pid, 0)
sys.stdout.write(out.decode('utf8', 'replace'))
sys.exit(os.waitstatus_to_exitcode(status) if hasattr(os, 'waitstatus_to_exitcode') else status >> 8)
`
    const r = spawnSync('python3', ['-c', driver, process.execPath, '--import', tsx, cli, 'migrate', dir], {
      encoding: 'utf8',
    })
    if (r.error) return // no python3
    expect(r.stdout).toContain('Interrupted: nothing was written.')
    expect(r.stdout).not.toContain('AbortError')
    expect(r.status).toBe(130)
    expect(tree(dir)).toEqual(before)
  })
})

describe('vike-photon migrate on vike-server + vike-cloudflare', () => {
  it('keeps the Node prod script and says that the build is now a Worker that node cannot start', () => {
    const dir = app({
      ...vikeServerApp,
      'package.json': `${JSON.stringify(
        {
          name: 'both',
          type: 'module',
          scripts: { build: 'vike build', prod: 'NODE_ENV=production node dist/server/index.js' },
          dependencies: { hono: '^4.7.0', vike: '^0.4.250', 'vike-cloudflare': '^0.2.8', 'vike-server': '^1.0.25' },
        },
        null,
        2,
      )}\n`,
      'pages/+config.ts': `import vikeServer from 'vike-server/config'\nimport vikeCloudflare from 'vike-cloudflare/config'\n\nexport default {\n  extends: [vikeServer, vikeCloudflare],\n  server: 'server/index.ts',\n}\n`,
    })
    const r = migrate(dir, '--yes')
    expect(r.code).toBe(2)
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).scripts.prod).toBe(
      'NODE_ENV=production node dist/server/index.mjs',
    )
    expect(r.stdout).toMatch(
      /package\.json:\d+ {2}script "prod" starts the Node server build, but with @photonjs\/cloudflare `vike build` makes a Cloudflare Worker that node cannot start/,
    )
  })
})

describe('vike-photon migrate --json when something unexpected happens', () => {
  it('reports a crash as JSON (status "error"), not as a stack trace', async () => {
    const { migrateCommand } = await import('../../packages/vike-photon/src/cli/migrate.js')
    const dir = app(vikeServerApp)
    const written: string[] = []
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk))
      return true
    })
    const io = {
      get version(): string {
        throw new Error('boom')
      },
      docsDir: 'docs/',
    }
    try {
      expect(await migrateCommand([dir, '--json', '--dry-run'], io)).toBe(1)
    } finally {
      write.mockRestore()
    }
    const report = JSON.parse(written.join(''))
    expect(report).toMatchObject({ status: 'error', exitCode: 1 })
    expect(report.error).toContain('unexpected error (a bug in vike-photon migrate; please report it): Error: boom')
  })

  it('refuses a package.json that does not hold an object, with a message', () => {
    const dir = app({ 'package.json': 'null\n' })
    const r = migrate(dir)
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('package.json does not hold an object')
  })
})
