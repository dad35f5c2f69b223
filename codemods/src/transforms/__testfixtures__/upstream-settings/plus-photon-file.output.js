// https://vike.dev/vike-photon
export default {
  // TODO(vike-photon migrate): vike-photon takes `photon.server` as a path and finds the framework from the entry's imports; `server` had no equivalent
  // server: { id: './server/entry.js', server: 'express' },
  server: './server/entry.js',
  // TODO(vike-photon migrate): `photon.devServer` is an option of Photon that vike-photon does not take (it sets up Photon itself): it was commented out; see docs/settings.md for what vike-photon offers
  // devServer: { env: 'ssr' },
}
