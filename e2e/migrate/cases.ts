import type { ServeKind } from './helpers/apps'
import type { PageRecord, RouteRecord } from './helpers/pages'

/** One before app: a folder in apps/ that really uses a legacy package from the registry. */
export type AppCase = {
  /** Folder name under apps/ */
  name: string
  /** The legacy stack, exactly as pinned in the app's package.json */
  legacy: string
  serveBefore: ServeKind
  /** How the migrated app is served: the way the vike-photon target is tested */
  serveAfter: ServeKind
  /** The app's own server routes, besides the Vike pages */
  routes: RouteRecord[]
  /** What /status shows: `pageContext.shopStatus`, which the server entry sets through `apply()`/`vike()` options */
  shopStatus: string
  /** The folder that holds the app's pages (apps/_shared/pages is copied there), when Vite's root is not the app */
  sourceDir?: string
  /** Why the before half cannot run here, if it cannot (its after half always runs) */
  skipBefore?: string
}

export const cases: AppCase[] = [
  {
    name: 'vike-server-hono',
    legacy: 'vike-server 1.0.25 + hono 4.13.19 (vike 0.4.266, vite 7.3.8)',
    serveBefore: 'node-prod',
    serveAfter: 'node-prod',
    routes: [{ path: '/api/ping', status: 200, body: 'pong from hono' }],
    shopStatus: 'open',
  },
  {
    name: 'vike-server-express',
    legacy: 'vike-server 1.0.25 + express 5.3.0 (vike 0.4.256, vite 6.4.6)',
    serveBefore: 'node-prod',
    serveAfter: 'node-prod',
    routes: [{ path: '/api/ping', status: 200, body: 'pong from express' }],
    shopStatus: 'open',
  },
  {
    name: 'vike-node-express',
    legacy: 'vike-node 0.3.7 + express 5.3.0 (vike 0.4.256, vite 6.4.6)',
    serveBefore: 'node-prod',
    serveAfter: 'node-prod',
    routes: [{ path: '/api/ping', status: 200, body: 'pong from express' }],
    shopStatus: 'open',
  },
  {
    name: 'vike-server-root-src',
    legacy: "vike-server 1.0.25 + hono 4.13.19 with Vite root 'src' (vike 0.4.266, vite 7.3.8)",
    serveBefore: 'node-prod',
    serveAfter: 'node-prod',
    routes: [{ path: '/api/ping', status: 200, body: 'pong from hono' }],
    shopStatus: 'open',
    sourceDir: 'src',
  },
  {
    name: 'vike-cloudflare-hono',
    legacy: 'vike-cloudflare 0.2.8 + hono 4.13.19 (vike 0.4.266, vite 7.3.8, wrangler 4.86.0)',
    serveBefore: 'wrangler-pages-dev',
    serveAfter: 'vike-preview',
    routes: [{ path: '/api/ping', status: 200, body: 'pong from hono' }],
    shopStatus: 'open',
  },
  {
    name: 'vike-cloudflare-prerendered',
    legacy: 'vike-cloudflare 0.2.8 + hono 4.13.19, every page pre-rendered (vike 0.4.266, vite 7.3.8, wrangler 4.86.0)',
    serveBefore: 'wrangler-pages-dev',
    serveAfter: 'vike-preview',
    routes: [{ path: '/api/ping', status: 200, body: 'pong from hono' }],
    // pre-rendered at build time, where no server entry adds it
    shopStatus: 'in an unknown state',
    skipBefore:
      "vike-cloudflare 0.2.8's Pages output builds, but `wrangler pages dev` (4.86.0, offline) answers an empty 404 " +
      'for every pre-rendered page (/api/ping and the Worker-rendered 404s work)',
  },
  {
    name: 'vite-plugin-vercel',
    legacy: 'vite-plugin-vercel 9.1.1 + @vite-plugin-vercel/vike 9.1.0 (vike 0.4.256, vite 6.4.6)',
    serveBefore: 'vercel-output',
    serveAfter: 'vercel-output',
    routes: [],
    // no server entry, so nothing sets it
    shopStatus: 'in an unknown state',
  },
]

/**
 * What every app serves, recorded from the before apps (they share their pages on purpose: only the server
 * side differs). The before test proves each before app still matches; the after test proves the migrated app
 * answers the same way.
 */
const sharedPages: PageRecord[] = [
  {
    path: '/',
    status: 200,
    title: 'Parts shop',
    main: 'Parts shop\nBolts, nuts and washers, rendered on the server.\nCounter 0',
  },
  {
    path: '/about',
    status: 200,
    title: 'About the parts shop',
    main: 'About\nA small shop used to check that a migrated app still serves the same pages.',
  },
  { path: '/items/2', status: 200, title: 'Item Nut', main: 'Nut\nItem 2 costs 7 cents.' },
  { path: '/items/9', status: 404, title: 'Parts shop', main: 'Page not found\nNo item with id 9' },
  { path: '/no-such-page', status: 404, title: 'Parts shop', main: 'Page not found\nThis page does not exist.' },
]

/** Every page of one app, as a visitor sees it. */
export function expectedPages(app: AppCase): PageRecord[] {
  return [
    ...sharedPages,
    { path: '/status', status: 200, title: 'Parts shop', main: `Status\nThe shop is ${app.shopStatus}.` },
  ]
}
