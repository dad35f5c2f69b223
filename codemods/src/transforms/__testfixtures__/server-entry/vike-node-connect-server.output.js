import connect from 'connect'
// TODO(vike-photon migrate): this entry used vike-node/connect (Connect-style middleware); @photonjs/express replaces it and its apply(app) needs an Express app: create the app with express(), or use the @photonjs/<framework> of your server
import { apply, serve } from '@photonjs/express'

const app = connect()
apply(app)
export default serve(app, {
  port: 3000
})
