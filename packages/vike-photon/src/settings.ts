// The `photon` setting as users write it in `+config.ts` (or a `+photon.ts` file).
// Resolved into `ResolvedSettings` by `plugin/resolve-settings.ts`.

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
  /** Where `photon` was set, as Vike shows it (e.g. `/pages/+config.ts`), for error messages. */
  definedAt: string | null
}
