import { Hono } from 'hono'
import { apply, serve } from '@photonjs/hono'

export function start() {
  const app = new Hono()
  apply(app)
  // TODO(vike-photon migrate): serve() is called inside a function without returning its result: vike-photon imports the entry's default export, which must be the object serve() returns (`export default serve(app)`)
  serve(app, { port: 3000 })
}
