// A built bench app as `ab` and `instructions` use it: its production entry, and one request for its page.
import type { ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { Agent, get } from 'node:http'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { HOST } from './server'

/** The entry that starts a built app: dist/server/index.mjs (index.js for vike-server), or server/index.mjs for the floors. */
export function entryOf(dir: string): string {
  const entries = ['dist/server/index.mjs', 'dist/server/index.js', 'server/index.mjs']
  for (const entry of entries) if (existsSync(join(dir, entry))) return entry
  throw new Error(`${dir}: none of ${entries.join(', ')} (build the app first)`)
}

const agent = new Agent({ keepAlive: true, maxSockets: 16 })

/** GET / on the app, over a kept-alive connection; rejects unless it answers 200. */
export function requestPage(port: number, headers: Record<string, string>): Promise<void> {
  return new Promise((done, fail) => {
    get({ host: HOST, port, path: '/', headers, agent }, (res) => {
      res.resume()
      res.on('end', () => (res.statusCode === 200 ? done() : fail(new Error(`GET / answered ${res.statusCode}`))))
    }).on('error', fail)
  })
}

/**
 * Resolves once the started app answers GET / with 200 (that request counts as its first); rejects with what the
 * server printed when it exits or does not answer within `attempts` tries, `intervalMs` apart.
 */
export async function waitForPage(
  server: ChildProcess,
  port: number,
  headers: Record<string, string>,
  output: () => string,
  { attempts, intervalMs }: { attempts: number; intervalMs: number },
): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (server.exitCode !== null) break
    try {
      await requestPage(port, headers)
      return
    } catch {
      await sleep(intervalMs)
    }
  }
  throw new Error(`the server on port ${port} did not answer\n${output()}`)
}
