import vike from 'vike/plugin'
import vikeNode from 'vike-node/plugin'

const workerEntry = 'server/worker.js'

export default {
  plugins: [
    vike(),
    vikeNode({
      entry: {
        index: 'server/index.js',
        worker: { entry: workerEntry, runtime: 'node' },
      },
    }),
  ],
}
