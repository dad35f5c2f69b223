import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/**
 * A throwaway project on disk: `files` maps paths to contents. `withCloudflare` installs a stand-in for
 * @photonjs/cloudflare whose `cloudflare()` returns one recognisable plugin.
 */
export function makeProject(files: Record<string, string>, { withCloudflare = false } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'vike-photon-cloudflare-'))
  const all: Record<string, string> = { ...files }
  if (withCloudflare) {
    all['node_modules/@photonjs/cloudflare/package.json'] = JSON.stringify({
      name: '@photonjs/cloudflare',
      type: 'module',
      exports: { '.': './dist/index.js', './vite': './dist/vite.js' },
    })
    all['node_modules/@photonjs/cloudflare/dist/vite.js'] =
      "export function cloudflare() { return [{ name: 'stand-in:cloudflare' }] }\n"
  }
  for (const [path, content] of Object.entries(all)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), content)
  }
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) }
}

export const PACKAGE_JSON_WITH_CLOUDFLARE = JSON.stringify({
  dependencies: { '@photonjs/cloudflare': '0.1.13', vike: '0.4.266' },
})

export const GOOD_WRANGLER_TOML = `name = "app"
main = "virtual:photon:cloudflare:server-entry" # Photon's Worker entry
compatibility_date = "2026-04-20"
compatibility_flags = [
  "nodejs_compat",
]

[vars]
main = "not the top-level main"
`
