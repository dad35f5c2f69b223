// https://vike.dev/vike-photon
export default {
  server: { id: './server/entry.js', server: 'express' },
  devServer: { env: 'ssr' },
}
