import { afterAll, beforeAll, test } from 'vitest'

let close: () => void

beforeAll(async () => {
  const { default: server } = await import('../../dist/server/index.js')
  close = () => server.close()
})

afterAll(() => close())

test('home page', async () => {})
