import express from 'express'
// TODO(vike-photon migrate): vike-node is removed by this migration: replace the remaining `vike()` calls with `apply(app)` from @photonjs/express, then delete this import
import vike from 'vike-node/express'

const app = express()
// TODO(vike-photon migrate): replace this `vike()` middleware with `apply(app)` from @photonjs/express
app.get('/app/*', vike())
app.listen(3000)
