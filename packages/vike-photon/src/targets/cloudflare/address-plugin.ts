import type { Plugin } from 'vite'

/**
 * On Cloudflare, `vike dev` and `vike preview` are Vite's own servers (workerd behind them), which read neither HOST
 * nor PORT: the dev server listened on localhost:3000 whatever HOST said. The same rule as vike-photon's Node
 * servers (runtime/listen.ts): HOST and PORT first, then `--host`/`--port`.
 */
export function addressPlugin(): Plugin {
  return {
    name: 'vike-photon:cloudflare-address',
    enforce: 'post',
    config: {
      order: 'post',
      handler() {
        const host = process.env.HOST || undefined
        const port = process.env.PORT ? Number.parseInt(process.env.PORT, 10) : undefined
        if (host === undefined && port === undefined) return undefined
        const address = { ...(host !== undefined ? { host } : {}), ...(port !== undefined ? { port } : {}) }
        return { server: address, preview: address }
      },
    },
  }
}
