import { fileURLToPath } from 'node:url'
import { type RunningServer, run, startServer } from '@vike-photon/test-kit/process'

// The app these specs drive: examples/netlify-react, built with `vike build` (which writes .netlify/v1 and
// dist/client), served by router.ts the way Netlify routes it.

export const exampleDir = fileURLToPath(new URL('../../examples/netlify-react/', import.meta.url))
const vikeBin = fileURLToPath(new URL('../../examples/netlify-react/node_modules/.bin/vike', import.meta.url))
const tsxBin = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url))
const router = fileURLToPath(new URL('./router.ts', import.meta.url))

/** Builds the example; resolves with what `vike build` printed. */
export async function buildExample(): Promise<string> {
  const result = await run(vikeBin, ['build'], { cwd: exampleDir, timeoutMs: 240_000 })
  return result.output
}

/** Serves the build on `port` through the local Netlify router; resolves once it answers. */
export function startRouter(port: number): Promise<RunningServer> {
  return startServer(tsxBin, [router, exampleDir, String(port)], {
    cwd: exampleDir,
    url: `http://127.0.0.1:${port}`,
    timeoutMs: 90_000,
  })
}
