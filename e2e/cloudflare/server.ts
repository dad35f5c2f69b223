import { fileURLToPath } from 'node:url'
import { type RunningServer, run, startServer as startProcess } from '@vike-photon/test-kit/process'

// The commands the Cloudflare specs drive (vike dev, vike preview, wrangler dev, vike build) in examples/cloudflare-react.

export const exampleDir = fileURLToPath(new URL('../../examples/cloudflare-react/', import.meta.url))
const bin = (name: string) => `${exampleDir}node_modules/.bin/${name}`
const CI_ENV = { CI: '1' }

export type { RunningServer }

/** Runs a command of the example to completion (e.g. `vike build`); throws with its output if it fails. */
export async function runInExample(name: string, args: string[]): Promise<string> {
  return (await run(bin(name), args, { cwd: exampleDir, env: CI_ENV, timeoutMs: 180_000 })).output
}

/** Spawns a server of the example (listening on `port`, given in `args`) and resolves once `readyPath` answers 200. */
export function startServer(
  name: string,
  args: string[],
  { port, readyPath = '/', timeoutMs = 90_000 }: { port: number; readyPath?: string; timeoutMs?: number },
): Promise<RunningServer> {
  return startProcess(bin(name), args, {
    cwd: exampleDir,
    env: CI_ENV,
    url: `http://127.0.0.1:${port}`,
    readyPath,
    okOnly: true,
    timeoutMs,
  })
}
