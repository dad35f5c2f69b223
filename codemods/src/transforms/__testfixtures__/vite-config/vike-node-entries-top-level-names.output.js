import vike from 'vike/plugin'

const workerEntry = 'server/worker.js'

// TODO(vike-photon migrate): vikeNode() had more entries than `index` (worker), kept here as `vikeNodeEntries`: add them to `photon.entries` in +config, or drop them
const vikeNodeEntries = {
  worker: { entry: workerEntry, runtime: 'node' },
}

export default {
  plugins: [
    vike(),
  ],
}
