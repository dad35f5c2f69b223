import { appendFileSync, existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin } from 'vite'

/**
 * What the Worker's assets must never include, in `.assetsignore` syntax (gitignore's): every dotfile and
 * dot-folder (`public/.env`, Vite's `.vite/manifest.json`), except `/.well-known/` (security.txt, ACME
 * challenges, assetlinks) and what is in it, dotfiles there excepted. The same policy as the Node server's.
 */
export const ASSETS_IGNORE_LINES = ['.*', '!/.well-known']

/**
 * Adds the dotfile policy to the `.assetsignore` that @cloudflare/vite-plugin writes into the client build (it lists
 * only `wrangler.json` and `.dev.vars`): `wrangler deploy` then leaves such files out of the upload, and
 * `vike preview` / `wrangler dev` do not serve them (they answered `GET /.env` with 200).
 */
export function assetsIgnorePlugin(): Plugin {
  return {
    name: 'vike-photon:cloudflare-assets-ignore',
    apply: 'build',
    applyToEnvironment: (environment) => environment.name === 'client',
    writeBundle: {
      order: 'post',
      handler(options) {
        if (!options.dir) return
        const file = join(options.dir, '.assetsignore')
        const existing = existsSync(file) ? readFileSync(file, 'utf8') : ''
        const lines = new Set(existing.split('\n').map((line) => line.trim()))
        const missing = ASSETS_IGNORE_LINES.filter((line) => !lines.has(line))
        if (missing.length === 0) return
        const separator = existing === '' || existing.endsWith('\n') ? '' : '\n'
        appendFileSync(file, `${separator}# vike-photon: no dotfiles, except /.well-known/\n${missing.join('\n')}\n`)
      },
    },
  }
}
