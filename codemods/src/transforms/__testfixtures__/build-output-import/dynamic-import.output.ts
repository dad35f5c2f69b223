import { afterAll, beforeAll, test } from 'vitest'

let close: () => void

beforeAll(async () => {
  // TODO(vike-photon migrate): this imports the old server build as an app, but vike-photon's dist/server/index.mjs starts the server itself. On Vercel: delete this file and its rewrite in vercel.json, and add @photonjs/vercel (it deploys your server entry). Elsewhere: import your server entry instead; its default export (what serve() returns) has `fetch(request)`
  const { default: server } = await import('../../dist/server/index.js')
  close = () => server.close()
})

afterAll(() => close())

test('home page', async () => {})
