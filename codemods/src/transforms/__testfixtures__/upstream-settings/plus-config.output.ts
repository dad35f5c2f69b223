import type { Config } from 'vike/types'
import vikePhoton from 'vike-photon/config'
import vikeReact from 'vike-react/config'

export default {
  title: 'Garden planner',
  extends: [vikeReact, vikePhoton],
  photon: {
    server: 'server/entry.ts',
    hmr: 'prefer-restart',
    // only the client build is compressed
    // TODO(vike-photon migrate): `compress: 'static'` (static files only) has no vike-photon equivalent: `true` compresses pages on the fly and static files at build time, `false` neither
    // compress: 'static',
    compress: true,
    // TODO(vike-photon migrate): vike-photon serves dist/client itself (hashed files under /assets/ are cached as immutable) and takes only `{ cacheControl }` for the other files; these sirv options have no equivalent: maxAge, immutable
    // static: { maxAge: 600, immutable: true },
    static: { cacheControl: 'public, max-age=600, immutable' },
    // TODO(vike-photon migrate): `photon.codeSplitting` is an option of Photon that vike-photon does not take (it sets up Photon itself): it was commented out; see docs/settings.md for what vike-photon offers
    // codeSplitting: {
    //   framework: false,
    // },
    standalone: { minify: true,
      // TODO(vike-photon migrate): `photon.standalone.verbose` is not an option of vike-photon (it takes bundle, minify, trace and external): it was commented out
      // verbose: true
    },
  },
} satisfies Config
