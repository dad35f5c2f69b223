import vikePhoton from 'vike-photon/config'

export default {
  extends: [vikePhoton],
  photon: {
    server: 'server/index.ts',
    compress: true,
    // TODO(vike-photon migrate): `static` was the string "public" in apply(): check that `{ root: "public" }` serves the same folder
    static: {
      root: "public",
    },
  },
}
