// SSR throughput in pairs with the floor: each variant's server and a warm copy of the floor's take turns under the
// same load, a few seconds each, so that both see the machine of the same half minute.
//
// Measured one after the other, 30 s or more apart, the floor and a variant saw different machines: on this shared
// 2-core machine the floor alone moved by ±30% between 5 s windows, and in one run its CPU per request for the same
// work by 2x between rounds, so a variant's ratio to the floor said as much about the floor's luck as about the
// variant. The ratio within one pair cancels what the machine does over its three windows; the median over pairs is
// the figure. The floor's own round is paired the same way with the copy: its ratio, which should be 1, says what
// pairing leaves of the noise.
import { execFile } from 'node:child_process'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { workDir } from './apps'
import { BROWSER_ACCEPT_ENCODING, measureLoad, warmUp } from './load'
import type { Measured, Settings } from './measure'
import { paths } from './paths'
import { pinServer, type RunningServer, startServer } from './server'
import type { Variant } from './variants'

export interface WindowPair {
  floor: Measured
  variant: Measured
}

/** Where the floor's copy lives: its own folder, as the floor's is rebuilt by every variant's build pairs. */
export const referenceDir = join(paths.cache, 'floor-reference')

/**
 * Copies the floor's built app (node_modules included: Vike finds its build through a path that
 * @brillout/vite-plugin-server-entry writes into node_modules at build time, so a copy with a linked node_modules
 * would serve the floor's own dist/, which the build pairs rebuild), starts it next to the variants' port and warms
 * it up as the variants are warmed up, with and without a browser's Accept-Encoding.
 */
export async function startReferenceFloor(floor: Variant, settings: Settings): Promise<RunningServer> {
  await rm(referenceDir, { recursive: true, force: true })
  await promisify(execFile)('cp', ['-a', workDir(floor), referenceDir])
  const server = await startServer({ cwd: referenceDir, entry: floor.entry, port: settings.port + 1 })
  if (settings.serverCpu !== undefined) pinServer(server, settings.serverCpu)
  if (settings.ssrWarmupSec > 0) {
    await warmUp(`${server.origin}/`, settings)
    await warmUp(
      `${server.origin}/`,
      { ...settings, ssrWarmupRequests: 0 },
      {
        'accept-encoding': BROWSER_ACCEPT_ENCODING,
      },
    )
  }
  return server
}

/**
 * `settings.ssrPairs` windows of the variant at full load on `/`, each between two windows of the floor's copy:
 * floor, variant, floor, variant, …, floor, after one untimed window of each. Each pair is a variant's window with
 * the floor's two around it, whose geometric mean cancels a drift of the machine over the three.
 *
 * Strictly in turns, so that every window comes after a window of the other server: vike 0.4.266's
 * `catchInfiniteLoop()` walks one key per request of the last 5 s on every request, so a server that has just been
 * under load serves some 20% slower than one that rested (two copies of the floor in pairs ordered floor-variant,
 * variant-floor: the second window of every pair 12 to 24% ahead of the first). With windows of 5 s or more, each
 * window starts from a rested server.
 */
export async function measurePairs(
  variant: RunningServer,
  reference: RunningServer,
  settings: Settings,
  headers?: Record<string, string>,
): Promise<WindowPair[]> {
  const window = (server: RunningServer) =>
    measureLoad(server, `${server.origin}/`, {
      connections: settings.connections,
      durationSec: settings.pairWindowSec,
      headers,
      cpu: settings.loadCpu,
    })
  // One untimed window each first: the copy has rested while the variant was built, started and warmed up, and
  // what a server did in the seconds before a window moves it by 10% or more (see above). In the run of 2026-12-05
  // 02:33, which counted these first windows, the first pair came out above the others in 22 of 24 rounds (by 11% at
  // the median).
  await window(reference)
  await window(variant)
  const floors = [await window(reference)]
  const variants: Measured[] = []
  for (let i = 0; i < settings.ssrPairs; i++) {
    variants.push(await window(variant))
    floors.push(await window(reference))
  }
  return variants.map((measured, i) => ({ variant: measured, floor: between(floors[i]!, floors[i + 1]!) }))
}

/** The floor's side of a pair: the geometric mean of its windows before and after the variant's. */
function between(before: Measured, after: Measured): Measured {
  const mean = (a: number, b: number) => Math.sqrt(a * b)
  return {
    ...mergeWindows([before, after]),
    rps: mean(before.rps, after.rps),
    cpuUsPerRequest:
      before.cpuUsPerRequest === undefined || after.cpuUsPerRequest === undefined
        ? undefined
        : mean(before.cpuUsPerRequest, after.cpuUsPerRequest),
  }
}

/** A variant's windows as one measurement: requests over their time, the median window's p50 and p99. */
export function mergeWindows(windows: readonly Measured[]): Measured {
  const sum = (of: (m: Measured) => number) => windows.reduce((total, m) => total + of(m), 0)
  const requests = sum((m) => m.requests)
  const seconds = sum((m) => (m.rps > 0 ? m.requests / m.rps : 0))
  const cpu = windows.every((m) => m.cpuUsPerRequest !== undefined)
    ? sum((m) => m.cpuUsPerRequest! * m.requests)
    : undefined
  const middle = (of: (m: Measured) => number) => {
    const sorted = windows.map(of).sort((a, b) => a - b)
    return sorted[Math.floor(sorted.length / 2)] ?? 0
  }
  return {
    rps: seconds > 0 ? requests / seconds : 0,
    requests,
    p50: middle((m) => m.p50),
    p99: middle((m) => m.p99),
    non2xx: sum((m) => m.non2xx),
    errors: sum((m) => m.errors),
    timeouts: sum((m) => m.timeouts),
    cpuUsPerRequest: cpu === undefined || requests === 0 ? undefined : cpu / requests,
  }
}
