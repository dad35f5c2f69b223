// A built bench app as `ab` and `instructions` use it: its production entry, and one request for its page.
import { existsSync } from 'node:fs'
import { Agent, get } from 'node:http'
import { join } from 'node:path'
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
