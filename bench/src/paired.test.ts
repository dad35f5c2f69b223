import type { ChildProcess } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Settings } from './measure'
import { measurePairs } from './paired'
import type { RunningServer } from './server'

// Two small HTTP servers in this process stand for the floor's copy and a variant: each notes when it answered.
const answered: { server: 'reference' | 'variant'; at: number }[] = []
const servers: Server[] = []

async function listen(name: 'reference' | 'variant'): Promise<RunningServer> {
  const server = createServer((_req, res) => {
    answered.push({ server: name, at: performance.now() })
    res.end('ok')
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    process: { pid: process.pid } as ChildProcess,
    port,
    origin: `http://127.0.0.1:${port}`,
    coldStartMs: 0,
    output: () => '',
    stop: async () => {},
  }
}

/** Who answered, one entry per run of requests in a row to the same server. */
function turns(): string[] {
  const sorted = [...answered].sort((a, b) => a.at - b.at)
  return sorted.filter((a, i) => a.server !== sorted[i - 1]?.server).map((a) => a.server)
}

describe('measurePairs', () => {
  let reference: RunningServer
  let variant: RunningServer
  beforeAll(async () => {
    reference = await listen('reference')
    variant = await listen('variant')
  })
  afterAll(() => {
    for (const server of servers) server.close()
  })

  it('loads the two servers strictly in turns, one untimed window each first, the floor on both sides of every pair', async () => {
    const settings = { connections: 2, pairWindowSec: 1, ssrPairs: 2 } as Settings
    const pairs = await measurePairs(variant, reference, settings)

    // Untimed: reference, variant. Counted: floor, variant, floor, variant, floor.
    expect(turns()).toEqual(['reference', 'variant', 'reference', 'variant', 'reference', 'variant', 'reference'])
    expect(pairs).toHaveLength(2)
    for (const pair of pairs) {
      expect(pair.variant.requests).toBeGreaterThan(0)
      expect(pair.floor.requests).toBeGreaterThan(0)
      expect(pair.variant.cpuUsPerRequest).toBeGreaterThan(0)
    }
    // Each pair's floor side is its two windows around the variant's: the second pair shares one with the first.
    const variantRequests = answered.filter((a) => a.server === 'variant').length
    expect(pairs[0]!.variant.requests + pairs[1]!.variant.requests).toBeLessThan(variantRequests)
  }, 60_000)
})
