import ssr from 'vike/plugin'

export default {
  // TODO(vike-photon migrate): the server kind was `hattip`, but @photonjs/cloudflare supports hono/h3/srvx only: port the server entry to Hono
  plugins: [ssr()],
}
