// Types `pageContext.runtime` as Hono's (vike-photon 0.1's way to name the server).
declare global {
  namespace Vike {
    interface Photon {
      server: 'hono'
    }
  }
}

export {}
