import type { RuntimeAdapterTarget } from '@universal-middleware/core'
import type { Config } from 'vike/types'
import { PEER_MINIMUMS } from './facts.js'
import { vikePhotonPlugins } from './plugin/index.js'
import type { PhotonSettings } from './settings.js'
import type { IsrSetting } from './targets/vercel/settings.js'

export type { PhotonSettings, StaticSettings } from './settings.js'
export type { IsrSetting } from './targets/vercel/settings.js'

/**
 * The vike-photon extension: `extends: [vikePhoton]` in `pages/+config.ts`.
 * node_modules/vike-photon/docs/getting-started.md
 */
const config = {
  // Vike recognizes this name: it switches its own `+server` machinery off while vike-photon serves the app.
  name: 'vike-photon',
  require: {
    vike: `>=${PEER_MINIMUMS.vike}`,
  },
  vite: {
    plugins: vikePhotonPlugins(),
  },
  // When every page is pre-rendered, Vike removes dist/server after pre-rendering: the Cloudflare Worker and its
  // wrangler.json (`vike preview`, `wrangler deploy`) and the routes of the app's own server went with it.
  // `enable: null` leaves pre-rendering off unless the app turns it on. The build says what it deploys
  // (plugin/prerender-report-plugin.ts); an app may still set `prerender: { keepDistServer: false }`.
  prerender: { enable: null, keepDistServer: true },
  // Turns an error thrown by a `+middleware` into the app's error page (runtime/middleware-error.ts).
  onCreatePageContext: 'import:vike-photon/__internal/middleware-error-hook.ssr:onCreatePageContext',
  meta: {
    photon: {
      env: { config: true },
      global: true,
    },
    // Per-page deploy settings, read at build time (see targets/vercel/settings.ts).
    isr: {
      env: { config: true },
    },
    edge: {
      env: { config: true },
    },
    // Per-page units, read at build time (see plugin/per-page-plugin.ts).
    photonUnit: {
      env: { config: true },
    },
  },
} satisfies Config

export default config

/** `pageContext.runtime` for a `Vike.Photon` declaration: the named framework's context, or any adapter's. */
export type PhotonRuntime<P> = RuntimeAdapterTarget<
  P extends { server: infer Server extends string } ? Server : unknown
>

declare global {
  namespace Vike {
    interface Config {
      /** vike-photon's settings. node_modules/vike-photon/docs/settings.md */
      photon?: PhotonSettings
      /**
       * Incremental Static Regeneration on Vercel: the page's function is a prerender function whose responses
       * Vercel caches for `expiration` seconds, re-rendering in the background after that.
       *
       * @example { expiration: 60 }
       */
      isr?: IsrSetting
      /**
       * Render the page on Vercel's edge runtime (its own edge function) instead of Node.
       *
       * @default false
       */
      edge?: boolean
      /**
       * Deploy the page as its own unit: a server bundle that holds this page, the error page and the shared runtime
       * (Vike, your server, the middleware chain), and nothing of any other page. On Vercel the page is its own
       * function; on Node, `vike build` also writes `dist/server/units/<page>.mjs` (`export default { fetch }`) and
       * `dist/server/units/manifest.json`. Set it in `pages/+config.ts` for every page, or in a page's `+config.ts`.
       * The page needs a route string (not a route function). On Vercel, a page with `isr` or `edge: true` is a unit
       * without it. node_modules/vike-photon/docs/per-page-bundles.md
       *
       * @default false
       */
      photonUnit?: boolean
    }
    /**
     * Name your server framework here to type `pageContext.runtime` (the framework's request context):
     * `declare global { namespace Vike { interface Photon { server: 'hono' } } }`. Vike's own `Vike.Server` works too.
     */
    interface Photon {}
    interface PageContextServer {
      /** Hono's `c` as `runtime.hono`, Express' `runtime.req`/`runtime.res`, Cloudflare's `runtime.env`... */
      runtime: PhotonRuntime<Photon>
    }
  }
}
