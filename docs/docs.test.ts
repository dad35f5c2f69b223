// Checks that the docs say what the code does. Markers in the Markdown (all invisible when rendered, or plain
// code-block info strings):
// - ```text error / ```text warning: a message vike-photon or the CLI prints. `…` stands for the parts that vary;
//   every other piece must appear in packages/vike-photon/src or codemods/src.
// - ```text todo: a `TODO(vike-photon migrate)` message; every piece must appear in codemods/src.
// - getting-started.md, run in order:
//   ```sh run            the commands, run by bash in a scratch folder (`npx x` runs docs/node_modules/.bin/x; the
//                        line `node dist/server/index.mjs` starts the server in the background instead);
//   ```<lang> file=PATH   a file written at PATH, relative to the current folder;
//   ```sh install         not run (no network in tests): each package it names must be a dependency of
//                        docs/package.json, which the scratch app resolves from;
//   <!-- docs-test: METHOD PATH STATUS "text" -->  a request to the running server and what it must answer.
// - ```ts example=PATH: the file PATH of the repository, verbatim (an example that an e2e suite runs).
// - every relative link between docs pages (and from the README) resolves, anchors included.

import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

const docsDir = fileURLToPath(new URL('.', import.meta.url))
const repoDir = resolve(docsDir, '..')
const pages = readdirSync(docsDir)
  .filter((f) => f.endsWith('.md'))
  .sort()
const read = (file: string) => readFileSync(file, 'utf8')

interface Block {
  lang: string
  tags: string[]
  attrs: Record<string, string>
  code: string
  /** Offset of the block's opening fence in the page. */
  at: number
}

/** Fenced code blocks of a Markdown page, with their info string split into language, tags and `key=value`s. */
function codeBlocks(markdown: string): Block[] {
  const blocks: Block[] = []
  const fence = /^```([^\n]*)\n([\s\S]*?)^```$/gm
  for (const match of markdown.matchAll(fence)) {
    const [lang = '', ...rest] = match[1]!.trim().split(/\s+/)
    const attrs: Record<string, string> = {}
    const tags: string[] = []
    for (const word of rest) {
      const eq = word.indexOf('=')
      if (eq === -1) tags.push(word)
      else attrs[word.slice(0, eq)] = word.slice(eq + 1)
    }
    blocks.push({ lang, tags, attrs, code: match[2]!, at: match.index })
  }
  return blocks
}

/** Every `.ts` file below `dir` (fixtures and node_modules left out), as one searchable text. */
function sourceText(...dirs: string[]): string {
  let text = ''
  for (const dir of dirs) {
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      const path = join(entry.parentPath, entry.name)
      if (!entry.isFile() || !entry.name.endsWith('.ts') || /node_modules|__testfixtures__/.test(path)) continue
      text += `${read(path)}\n`
    }
  }
  return (
    text
      // Template literals escape backticks; messages are often split over `'...' + '...'` concatenations.
      .replace(/\\`/g, '`')
      .replace(/(['"`])\s*\+\s*(['"`])/g, '')
  )
}

/** The pieces of a quoted message that must appear in the source: the text between the `…` placeholders. */
function pieces(message: string): string[] {
  return message
    .split('\n')
    .flatMap((line) => line.split('…'))
    .map((piece) => piece.replace(/^\s*-\s/, ''))
    .filter((piece) => piece.trim().length >= 6)
}

describe('troubleshooting and migration quote real messages', () => {
  const packageSource = sourceText(join(repoDir, 'packages/vike-photon/src'), join(repoDir, 'codemods/src'))
  const codemodSource = sourceText(join(repoDir, 'codemods/src'))
  const quoted = pages.flatMap((page) =>
    codeBlocks(read(join(docsDir, page)))
      .filter((b) => b.lang === 'text' && b.tags.some((t) => ['error', 'warning', 'todo'].includes(t)))
      .map((b) => ({ page, block: b })),
  )

  it('quotes messages', () => {
    expect(quoted.length).toBeGreaterThan(40)
    expect(quoted.filter((q) => q.page === 'troubleshooting.md').length).toBeGreaterThan(25)
  })

  it.each(quoted.map((q) => [`${q.page}: ${q.block.code.trim().slice(0, 70)}`, q] as const))('%s', (_, q) => {
    const source = q.block.tags.includes('todo') ? codemodSource : packageSource
    const missing = pieces(q.block.code).filter((piece) => !source.includes(piece))
    expect(missing, `not found in the source (${q.page})`).toEqual([])
  })
})

describe('getting-started.md builds and serves an app', () => {
  const scratch = join(docsDir, '.test-tmp')
  const binDir = join(docsDir, 'node_modules/.bin')
  let server: ChildProcess | undefined
  afterAll(() => {
    server?.kill()
  })

  it('installs only what docs/package.json provides', () => {
    const pkg = JSON.parse(read(join(docsDir, 'package.json'))) as Record<string, Record<string, string>>
    const provided = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})])
    const blocks = codeBlocks(read(join(docsDir, 'getting-started.md'))).filter((b) => b.tags.includes('install'))
    expect(blocks.length).toBeGreaterThan(0)
    for (const block of blocks) {
      for (const line of block.code.split('\n').filter((l) => l.trim())) {
        const [, , ...args] = line.trim().split(/\s+/)
        // `name@range` names the package `name` (a scoped `@scope/name@range` keeps its leading `@`).
        const names = args.filter((a) => !a.startsWith('-')).map((a) => a.replace(/(?<=.)@[^/]*$/, ''))
        for (const name of names) expect(provided, line).toContain(name)
      }
    }
  })

  it('runs the steps', { timeout: 90_000 }, async () => {
    expect(existsSync(join(repoDir, 'packages/vike-photon/dist/config.js')), 'run scripts/setup.sh first').toBe(true)
    const markdown = read(join(docsDir, 'getting-started.md'))
    rmSync(scratch, { recursive: true, force: true })
    mkdirSync(scratch, { recursive: true })
    const env = userEnv({ PATH: `${binDir}:${process.env.PATH}` })
    let cwd = scratch
    let serverStarted = false
    const port = await freePort()

    for (const block of codeBlocks(markdown)) {
      if (block.attrs.file) {
        const path = join(cwd, block.attrs.file)
        mkdirSync(dirname(path), { recursive: true })
        writeFileSync(path, block.code)
      } else if (block.lang === 'sh' && block.tags.includes('run')) {
        const lines = block.code.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'))
        const serve = lines.find((l) => /^node\s+dist\/server\/index\.mjs\b/.test(l.trim()))
        const script = lines
          .filter((l) => l !== serve)
          .map((l) => l.replace(/^npx\s+/, ''))
          .join('\n')
        const cwdFile = join(scratch, '.cwd')
        execFileSync('bash', ['-euo', 'pipefail', '-c', `${script}\npwd > "${cwdFile}"`], {
          cwd,
          env,
          stdio: 'pipe',
        })
        cwd = read(cwdFile).trim()
        if (serve) {
          server = spawn('node', ['dist/server/index.mjs'], {
            cwd,
            env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
          })
          await waitForOutput(server, /Server running at/)
          serverStarted = true
        }
      }
    }
    expect(relative(scratch, cwd), 'the steps create the app in its own folder').not.toBe('')
    expect(serverStarted, 'the steps start `node dist/server/index.mjs`').toBe(true)

    const checks = [...markdown.matchAll(/<!-- docs-test: (\w+) (\S+) (\d+)(?: "([^"]*)")? -->/g)]
    expect(checks.length).toBeGreaterThan(0)
    for (const [, method, path, status, text] of checks) {
      const response = await fetch(`http://127.0.0.1:${port}${path}`, { method })
      const body = await response.text()
      expect(response.status, `${method} ${path}`).toBe(Number(status))
      if (text) expect(body, `${method} ${path}`).toContain(text)
      if (method === 'HEAD') expect(body).toBe('')
    }
  })
})

describe('code that users copy', () => {
  const configBlocks = pages.flatMap((page) =>
    codeBlocks(read(join(docsDir, page)))
      .filter((b) => /\/\/ pages\/\+config\.ts/.test(b.code) && /extends:\s*\[[^\]]*vikePhoton/.test(b.code))
      .map((b) => ({ page, code: b.code })),
  )

  it('has +config.ts blocks', () => {
    expect(configBlocks.length).toBeGreaterThan(0)
  })

  // Without its UI framework's extension, an app copied from the docs answers every page with 500.
  it.each(configBlocks.map((b) => [`${b.page}: ${b.code.split('\n')[0]}`, b] as const))(
    '%s keeps the UI framework extension',
    (_, { code }) => {
      expect(code).toMatch(/extends:\s*\[[^\]]*vike(React|Vue|Solid)/)
    },
  )

  // A block tagged `example=PATH` is that file of the repository, as the e2e suites run it (e.g. each framework's
  // server entry in docs/servers.md is examples/frameworks/server/<name>.ts, run by e2e/frameworks).
  const exampleBlocks = pages.flatMap((page) =>
    codeBlocks(read(join(docsDir, page)))
      .filter((b) => b.attrs.example)
      .map((b) => ({ page, path: b.attrs.example!, code: b.code })),
  )
  it.each(exampleBlocks.map((b) => [`${b.page}: ${b.path}`, b] as const))('%s is the tested file', (_, block) => {
    expect(block.code).toBe(read(join(repoDir, block.path)))
  })

  it('names the Node 20 versions of wrangler and @cloudflare/vite-plugin that the package pins', async () => {
    const facts = await import('../packages/vike-photon/src/facts.js')
    const wrangler = facts.KNOWN_GOOD_VERSIONS.wrangler
    const plugin = facts.PINNED_TRANSITIVE_VERSIONS['@cloudflare/vite-plugin']
    for (const page of ['cloudflare.md', 'getting-started.md']) {
      const text = read(join(docsDir, page))
      expect(text, page).toContain(`\`wrangler\` ${wrangler}`)
      expect(text, page).toContain(`\`@cloudflare/vite-plugin\` ${plugin}`)
      expect(text, page).toContain('Node 22')
    }
  })
})

describe('links between docs pages resolve', () => {
  const files = [...pages.map((p) => join(docsDir, p)), join(repoDir, 'README.md')]
  const links = files.flatMap((file) =>
    [...withoutCode(read(file)).matchAll(/\]\(([^)\s]+)\)/g)]
      .map((m) => m[1]!)
      .filter((target) => !/^[a-z]+:/.test(target))
      .map((target) => ({ file, target })),
  )

  it('has links', () => {
    expect(links.length).toBeGreaterThan(30)
  })

  it.each(links.map((l) => [`${relative(repoDir, l.file)} → ${l.target}`, l] as const))('%s', (_, { file, target }) => {
    const [path, anchor] = target.split('#') as [string, string | undefined]
    const targetFile = path ? resolve(dirname(file), path) : file
    expect(existsSync(targetFile), `${path} exists`).toBe(true)
    if (anchor && targetFile.endsWith('.md')) expect(headingSlugs(read(targetFile))).toContain(anchor)
  })

  it('every docs page the code links to exists', () => {
    const source = sourceText(join(repoDir, 'packages/vike-photon/src'))
    const linked = [...source.matchAll(/(?:\/docs|\$\{DOCS\})\/([\w-]+\.md)/g)].map((m) => m[1]!)
    expect(linked.length).toBeGreaterThan(0)
    for (const name of new Set(linked)) expect(pages, `docs/${name}`).toContain(name)
  })
})

// Biome parses the code and JSON, so a merge conflict left there fails the lint; Markdown has no such check (a
// conflict once reached main in e2e/corpus/README.md).
describe('Markdown files carry no merge conflict markers', () => {
  const markdown = execFileSync('git', ['ls-files', '*.md'], { cwd: repoDir, encoding: 'utf8' })
    .split('\n')
    .filter((file) => file && existsSync(join(repoDir, file)))
  const marker = new RegExp(`^(${'<'.repeat(7)}|${'>'.repeat(7)})( |$)`, 'm')

  it('finds the Markdown files', () => {
    expect(markdown.length).toBeGreaterThan(10)
  })

  it.each(markdown)('%s', (file) => {
    const line = read(join(repoDir, file))
      .split('\n')
      .findIndex((text) => marker.test(text))
    expect(line === -1 ? 'none' : `line ${line + 1}`, `${file}: merge conflict marker`).toBe('none')
  })
})

/** Markdown without its fenced code blocks and inline code (links there are not links). */
function withoutCode(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```$/gm, '').replace(/`[^`\n]*`/g, '')
}

/** GitHub's anchors for the headings of a page (github-slugger's rules). */
function headingSlugs(markdown: string): string[] {
  const seen = new Map<string, number>()
  return [...withoutFences(markdown).matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => {
    const base = m[1]!
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-')
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    return count === 0 ? base : `${base}-${count}`
  })
}

function withoutFences(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```$/gm, '')
}

/** The environment of a user's terminal: without what vitest sets (NODE_ENV=test changes how Vite builds). */
function userEnv(overrides: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = { ...process.env }
  for (const key of Object.keys(env)) if (key === 'NODE_ENV' || key.startsWith('VITEST')) delete env[key]
  return { ...env, ...overrides }
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer()
    probe.on('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs = 30_000): Promise<void> {
  return new Promise((resolveWait, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${output}`)), timeoutMs)
    const onData = (chunk: Buffer) => {
      output += chunk
      if (pattern.test(output)) {
        clearTimeout(timer)
        resolveWait()
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the server exited (code ${code}):\n${output}`))
    })
  })
}
