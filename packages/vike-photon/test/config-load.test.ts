import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// What Node loads when Vike reads `extends: [vikePhoton]`: every `vike build` and `vike dev` pays for it before any
// work starts. @photonjs/core 0.1.22 imports zod (95 module files, 64 of them locales) and @photonjs/runtime 0.1.17
// imports standaloner (with @vercel/nft and a second rolldown) at the top of their Vite plugins; vike-photon bundles
// those plugins without them (tsup.config.ts), which took 75 ms off each build here.
// An app on Node (Express); the Vercel target loads @photonjs/vercel, whose own imports load zod anyway.
const appDir = fileURLToPath(new URL('../../../examples/express-react', import.meta.url))

const listLoads = `
export async function load(url, context, next) {
  process.stderr.write('LOADED ' + url + '\\n')
  return next(url, context)
}`
const register = `import { register } from 'node:module'; register(${JSON.stringify(
  `data:text/javascript,${encodeURIComponent(listLoads)}`,
)})`

function filesLoadedBy(specifier: string): string[] {
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      `data:text/javascript,${encodeURIComponent(register)}`,
      '--input-type=module',
      '-e',
      `await import('${specifier}')`,
    ],
    { cwd: appDir, encoding: 'utf8' },
  )
  expect(r.status, r.stderr).toBe(0)
  return r.stderr
    .split('\n')
    .filter((line) => line.startsWith('LOADED '))
    .map((line) => line.slice('LOADED '.length))
}

describe('loading vike-photon/config', () => {
  it('loads Photon without zod or standaloner', () => {
    const files = filesLoadedBy('vike-photon/config')
    expect(files.filter((url) => url.endsWith('/vike-photon/dist/config.js'))).toHaveLength(1)
    expect(files.filter((url) => /\/node_modules\/(zod|standaloner|@vercel\/nft)\//.test(url))).toEqual([])
  })
})
