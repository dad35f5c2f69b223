import { Hono } from 'hono'
import { apply, serve } from '@photonjs/hono'

// TODO(vike-photon migrate): basePath() also prefixes the pages vike-photon mounts with apply(): keep pages at the root (apply() on an app without basePath) or set Vike's `baseServer` to the same path
const app = new Hono().basePath('/shop')
apply(app)

export default serve(app, { port: 3000 })
