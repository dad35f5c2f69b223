import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin } from 'vite'

/** The rule vike-photon adds to `_headers`: hashed assets never change, so browsers and Cloudflare keep them. */
export function assetsHeadersRule(assetsDir: string): string {
  return `/${assetsDir}/*\n  Cache-Control: public, max-age=31536000, immutable\n`
}

/**
 * Cloudflare's `_headers` file in the client build (the Worker's assets): hashed assets (`/assets/*`) are served
 * `public, max-age=31536000, immutable`, as vike-photon's Node server serves them. Without it the assets binding
 * answers `public, max-age=0, must-revalidate`. An app's own `public/_headers` is kept, with the rule added after
 * it unless it already has a rule for that path.
 */
export function headersPlugin(): Plugin {
  return {
    name: 'vike-photon:cloudflare-headers',
    apply: 'build',
    applyToEnvironment: (environment) => environment.name === 'client',
    writeBundle: {
      // After Vite copied public/ (and with it the app's own _headers).
      order: 'post',
      handler(options) {
        const outDir = options.dir ?? this.environment.config.build.outDir
        const assetsDir = this.environment.config.build.assetsDir
        const file = join(outDir, '_headers')
        const own = existsSync(file) ? readFileSync(file, 'utf8') : ''
        if (own.split('\n').some((line) => line.trim() === `/${assetsDir}/*`)) return
        const rule = assetsHeadersRule(assetsDir)
        writeFileSync(file, own ? `${own.trimEnd()}\n\n${rule}` : rule)
      },
    },
  }
}
