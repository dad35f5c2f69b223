// Preloaded (`node --import`) into the servers the corpus starts. Node's fetch() rejects with a bare
// `TypeError: fetch failed` and keeps why in `error.cause`, which Vike's error log leaves out; a page whose +data
// fetches a public API then looks broken when this machine merely has no network. This prints the cause's message
// (e.g. `getaddrinfo ENOTFOUND brillout.github.io`) so the runner can tell the two apart (linked-pages.ts). The
// app's own code and the error it gets are unchanged.
const fetchOfNode = globalThis.fetch
if (fetchOfNode) {
  globalThis.fetch = async function fetch(...args) {
    try {
      return await fetchOfNode.apply(this, args)
    } catch (error) {
      const cause = error?.cause
      if (cause?.code) console.error(`[corpus] fetch() failed: ${cause.message ?? cause.code}`)
      throw error
    }
  }
}
