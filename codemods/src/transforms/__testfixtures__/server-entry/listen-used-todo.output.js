import express from 'express'
import { apply } from '@photonjs/express'

const app = express()
apply(app)
// TODO(vike-photon migrate): the server is used after start-up: vike-photon starts it itself; export default `serve(app)` and move this logic to `onCreate`
const server = app.listen(3000)
server.on('close', () => console.log('bye'))
