// The `photon` setting as users write it in `+config.ts` (or a `+photon.ts` file), and the per-page deploy settings.
// Resolved once, at config time, by `plugin/settings-plugin.ts`: `photon` into `ResolvedSettings`
// (`plugin/resolve-settings.ts`), the per-page ones into `ResolvedPageSettings` by the target's `pageSettings`.

export interface PhotonSettings {
  /**
   * Your server entry: a file whose default export is the result of `serve(app)` from `@photonjs/hono`,
   * `@photonjs/express`, ... Resolved from the project root, or relative to the `+config` file that sets it.
   * Leave it out to use the built-in server (no server file needed).
   *
   * @default undefined (built-in server)
   * @example 'server/index.ts'
   */
  server?: string

  /**
   * What happens in development when a server file changes: `true` re-imports the server in place (server HMR),
   * `'prefer-restart'` restarts the whole process, `false` does nothing.
   *
   * @default true
   */
  hmr?: boolean | 'prefer-restart'

  /**
   * Compress responses with gzip or brotli (by the request's `Accept-Encoding`): pages and data on the fly, static
   * files ahead of time at build (`.gz` and `.br` files next to each asset). Only on Node; Cloudflare and Vercel
   * compress at the edge.
   *
   * @default true
   */
  compress?: boolean

  /**
   * Serve the client build (`dist/client`): hashed files under `/assets/` with long-lived immutable caching,
   * everything else revalidated (ETag). `false` leaves static files to you, your server or your platform.
   *
   * @default true
   */
  static?: boolean | StaticSettings

  /**
   * A folder of API endpoints, relative to the project root. Each file's default export is a universal handler,
   * `(request: Request) => Response | Promise<Response>`, and answers a URL made of the folder's name and the file's
   * path inside it: with `'server/api'`, `server/api/hello.ts` answers `/api/hello`, `server/api/users/[id].ts`
   * answers `/api/users/:id`, `server/api/index.ts` answers `/api`. Files whose name starts with `_` are helpers, not
   * endpoints. Keep the folder below the root (not `api/` itself): in development Vite serves source files at their
   * path. On Vercel each endpoint is its own function.
   *
   * @default undefined (no endpoints)
   * @example 'server/api'
   */
  endpoints?: string

  /**
   * More Photon entries, passed to Photon as they are (https://photonjs.dev): a map of entry names to a module id,
   * or to `{ id, route, ... }`. For handlers that are not Vike pages, e.g. from `getEntriesFromFs()` of
   * `@photonjs/vercel/utils`.
   *
   * @default {}
   */
  entries?: Record<string, string | { id: string; route?: string; [key: string]: unknown }>

  /**
   * Node only: make `dist/` runnable without the project's `node_modules`, for Docker images and hosts that get
   * only the build. The server build bundles its dependencies, and what cannot be bundled (native modules,
   * packages that read their own files) is copied into `dist/server/node_modules` (traced with @vercel/nft, by
   * standaloner). `true` for the defaults, or an object:
   * - `bundle`: bundle the server output once more into one file per entry (default `false`);
   * - `minify`: minify the server output (default `false`);
   * - `trace`: copy the files the output still imports into `dist/server/node_modules` (default `true`);
   * - `external`: packages never bundled (copied by the trace instead), e.g. `['sharp', /^@prisma\//]`.
   *
   * Ignored with a warning on Vercel and Cloudflare, whose functions and Workers are bundled already.
   *
   * @default false
   */
  standalone?: boolean | StandaloneSettings
}

export interface StandaloneSettings {
  bundle?: boolean
  minify?: boolean
  trace?: boolean
  external?: (string | RegExp)[]
}

export interface StaticSettings {
  /**
   * `Cache-Control` of files outside `/assets/` (those without a content hash in their name).
   *
   * @default 'public, max-age=0, must-revalidate'
   */
  cacheControl?: string
}

/** The `photon` setting with every default applied and the server path made absolute. */
export interface ResolvedSettings {
  /** Absolute path of the user's server entry, or `null` for the built-in server. */
  server: string | null
  hmr: boolean | 'prefer-restart'
  compress: boolean
  static: false | Required<StaticSettings>
  /** Absolute path of the endpoints folder, or `null`. */
  endpoints: string | null
  /** Extra Photon entries, as the user wrote them. */
  entries: NonNullable<PhotonSettings['entries']>
  /** The standalone build's options, or `false` for a build that imports `node_modules`. */
  standalone: false | Required<StandaloneSettings>
  /** Where `photon` was set, as Vike shows it (e.g. `/pages/+config.ts`), for error messages. */
  definedAt: string | null
}

export interface IsrSetting {
  /**
   * Seconds for which Vercel serves the cached page before rendering it again in the background
   * (Incremental Static Regeneration).
   *
   * @example 60
   */
  expiration: number
}

/** A page's deploy settings as Vike read them (plugin/page-settings.ts), before the target checks them. */
export interface PageSettingsSource {
  pageId: string
  route: string | null
  isr: { value: unknown; definedAt: string | null }
  edge: { value: unknown; definedAt: string | null }
  /** `photonUnit`: checked on every target (plugin/resolve-settings.ts), not by the target's `pageSettings`. */
  photonUnit: { value: unknown; definedAt: string | null }
  prerender: unknown
  headersResponse: unknown
}

/** A page's deploy settings, checked by the target (`pageSettings` of its row). */
export interface ResolvedPageSettings {
  pageId: string
  /** rou3 pattern of the page, `null` when only Vike's router can match it (route function). */
  route: string | null
  isr: IsrSetting | null
  edge: boolean
  /** Pre-rendered pages are files in `static/`, never functions. */
  prerendered: boolean
  /** Headers from a static `headersResponse` (a function is only known at request time). */
  headers: Record<string, string> | null
}
