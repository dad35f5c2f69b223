import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { freePort } from '@vike-photon/test-kit/ports'
import { type RunningServer, startServer } from '@vike-photon/test-kit/process'
import { binPath, type Target } from './build'
import { brokenPage, describeChecks, linkedPages, needsNetwork, type PageCheck } from './linked-pages'
import { type CorpusApp, indexPath } from './list'
import { corpusDir } from './paths'
import { type AppLog, cell, firstErrorLine, StepError } from './steps'

// Step "serve": the built app served the way its target's docs say, on 127.0.0.1, then its index page (status
// below 400, HTML) and one client asset that page references (200). The server is always stopped.

/** How the app was served, shown in the table. */
export type ServeKind = 'node' | 'cloudflare' | 'vercel' | 'static'

const startTimeoutMs = 90_000
const requestTimeoutMs = 30_000

export async function serve(
  log: AppLog,
  app: CorpusApp,
  { repoDir, appDir, target }: { repoDir: string; appDir: string; target: Target },
): Promise<{ kind: ServeKind; detail: string; pages: number; printedUrl?: string }> {
  const kind = serveKind(appDir, target)
  const { server, given } = await start(kind, app, repoDir, appDir)
  try {
    const { detail, pages } = await checkIndex(server.url, indexPath(app), server)
    // The app listened where it said, not on the PORT it was given (it hard-codes its port): the runner says so.
    return { kind, detail, pages, printedUrl: server.url !== given ? server.url : undefined }
  } finally {
    log.write(`\n--- ${kind} server output\n${server.output()}`)
    await server.stop()
  }
}

/** Node apps whose build wrote no server (every page pre-rendered) are static: `vike preview` serves dist/client. */
function serveKind(appDir: string, target: Target): ServeKind {
  if (target !== 'node') return target
  const server = join(appDir, 'dist', 'server', 'index.mjs')
  if (!existsSync(server) && existsSync(join(appDir, 'dist', 'client', 'index.html'))) return 'static'
  return 'node'
}

/**
 * A loopback URL in the server's output. An app that hard-codes its port (`serve(app, { port: 3000 })`, which wins
 * over PORT in vike-server 1.0 and in vike-photon alike) listens there and says so; a user opens that URL.
 */
const announcedUrl = /(https?:\/\/(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]):\d+)/

async function start(
  kind: ServeKind,
  app: CorpusApp,
  repoDir: string,
  appDir: string,
): Promise<{ server: RunningServer; given: string }> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  // Node's fetch() failures print their cause (fetch-cause.mjs), for the linked pages that need the network.
  const preload = `--import=${pathToFileURL(join(corpusDir, 'fetch-cause.mjs')).href}`
  const env = { ...app.env, NODE_OPTIONS: [app.env?.NODE_OPTIONS, preload].filter(Boolean).join(' ') }
  const given = (server: RunningServer) => ({ server, given: url })
  try {
    switch (kind) {
      case 'node': {
        if (!existsSync(join(appDir, 'dist', 'server', 'index.mjs'))) {
          throw new StepError('the build wrote no dist/server/index.mjs (and no pre-rendered dist/client/index.html)')
        }
        const server = await startServer('node', ['dist/server/index.mjs'], {
          cwd: appDir,
          url,
          announced: announcedUrl,
          timeoutMs: startTimeoutMs,
          env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
        })
        return given(server)
      }
      case 'cloudflare':
      case 'static':
      case 'vercel':
        if (kind === 'vercel' && !existsSync(join(appDir, '.vercel', 'output', 'config.json'))) {
          throw new StepError('the build wrote no .vercel/output/config.json')
        }
        // Vercel: `vike preview` serves .vercel/output the way Vercel routes it (vike-photon's Vercel preview), each
        // function in its own process printing to the server's output, as the docs tell users to run it.
        return given(
          await startServer(
            binPath(repoDir, appDir, 'vike'),
            ['preview', '--host', '127.0.0.1', '--port', String(port)],
            { cwd: appDir, url, timeoutMs: startTimeoutMs, env: kind === 'vercel' ? { VERCEL: '1', ...env } : env },
          ),
        )
    }
  } catch (error) {
    if (error instanceof StepError) throw error
    const message = (error as Error).message
    throw new StepError(firstErrorLine(message.split('\n').slice(1).join('\n')) ?? cell(message), message)
  }
}

/**
 * GET the index page, then the first same-origin script or stylesheet it references, then the pages it links to
 * (linked-pages.ts). Returns a short detail.
 */
async function checkIndex(
  base: string,
  indexPath: string,
  server: RunningServer,
): Promise<{ detail: string; pages: number }> {
  const get = (url: string) => fetch(url, { signal: AbortSignal.timeout(requestTimeoutMs) })
  const failed = (what: string, body: string) =>
    new StepError(
      cell(`${what}: ${firstErrorLine(server.output()) ?? textOf(body)}`),
      `${what}\n${body.slice(0, 2000)}\n--- server output\n${server.output()}`,
    )
  const page = await get(base + indexPath).catch((error: Error) => {
    throw failed(`GET ${indexPath} failed (${error.cause ?? error.message})`, '')
  })
  const html = await page.text()
  if (page.status >= 400) throw failed(`GET ${indexPath} answered ${page.status}`, html)
  if (!/<html|<!doctype html/i.test(html)) throw failed(`GET ${indexPath} answered ${page.status} but no HTML`, html)
  const asset = clientAsset(html, page.url)
  let detail = `${indexPath} ${page.status}, references no script or stylesheet`
  if (asset) {
    const res = await get(asset).catch((error: Error) => {
      throw failed(`GET ${asset} failed (${error.cause ?? error.message})`, '')
    })
    await res.arrayBuffer()
    if (res.status !== 200)
      throw failed(`GET ${new URL(asset).pathname} (referenced by ${indexPath}) answered ${res.status}`, '')
    detail = `${indexPath} ${page.status}, ${new URL(asset).pathname} 200`
  }

  const checks: PageCheck[] = []
  let broken: { check: PageCheck; body: string } | undefined
  for (const path of linkedPages(html, page.url)) {
    const printedBefore = server.output().length
    const res = await get(new URL(path, page.url).href).catch((error: Error) => error)
    if (res instanceof Error) {
      checks.push({ path, status: `failed (${res.cause ?? res.message})` })
      broken ??= { check: checks.at(-1)!, body: '' }
      continue
    }
    const body = await res.text()
    const notHtml = res.status < 400 && !/<html|<!doctype html/i.test(body)
    const offline = res.status >= 500 ? needsNetwork(server.output().slice(printedBefore)) : undefined
    checks.push({ path, status: notHtml ? `${res.status} but no HTML` : res.status, offline })
    if (brokenPage([checks.at(-1)!])) broken ??= { check: checks.at(-1)!, body }
  }
  if (broken)
    throw failed(`GET ${broken.check.path} (linked from ${indexPath}) answered ${broken.check.status}`, broken.body)
  // Pages that answered as working pages: the index page and its links, those that needed the network left out.
  const pages = 1 + checks.filter((check) => !check.offline).length
  return { detail: `${detail}, ${describeChecks(checks)}`, pages }
}

/** The first script or stylesheet of the page served by the app itself (not a CDN). */
function clientAsset(html: string, pageUrl: string): string | undefined {
  const refs = [
    ...[...html.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["']/gi)].map((m) => m[1]!),
    ...[...html.matchAll(/<link\b[^>]*>/gi)]
      .map((m) => m[0])
      .filter((tag) => /\brel=["']?(stylesheet|modulepreload)/i.test(tag))
      .map((tag) => /\bhref=["']([^"']+)["']/i.exec(tag)?.[1])
      .filter((href): href is string => !!href),
  ]
  const origin = new URL(pageUrl).origin
  return refs.map((ref) => new URL(ref, pageUrl)).find((url) => url.origin === origin)?.href
}

function textOf(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200)
}
