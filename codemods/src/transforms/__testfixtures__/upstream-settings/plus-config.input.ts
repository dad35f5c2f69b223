import type { Config } from 'vike/types'
import vikePhoton from 'vike-photon/config'
import vikeReact from 'vike-react/config'

export default {
  title: 'Garden planner',
  extends: [vikeReact, vikePhoton],
  photon: {
    server: { id: 'server/entry.ts' },
    hmr: 'prefer-restart',
    // only the client build is compressed
    compress: 'static',
    static: { maxAge: 600, immutable: true },
    codeSplitting: {
      framework: false,
    },
    standalone: { minify: true, verbose: true },
  },
} satisfies Config
