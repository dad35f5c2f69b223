// Types of the Worker's bindings, as declared in wrangler.toml. `wrangler types` can generate this for you; it is
// written by hand here to keep the Workers runtime types (which redefine `Request`, `Response`...) out of the DOM
// types that the pages use.
declare namespace Cloudflare {
  interface Env {
    /** `[[kv_namespaces]]` binding. */
    KV: import('@cloudflare/workers-types').KVNamespace
    /** `[vars]` value. */
    GREETING: string
  }
}

declare module 'cloudflare:workers' {
  /** The Worker's bindings, importable from any server module (https://developers.cloudflare.com/workers/runtime-apis/bindings/#importing-env-as-a-global). */
  export const env: Cloudflare.Env
}
