import { telefuncHandler } from './server/telefunc-handler'
import { Hono } from 'hono'
import { createHandler } from '@universal-middleware/hono'
import { apply, serve } from '@photonjs/hono'

const app = new Hono()

app.post('/_telefunc', createHandler(telefuncHandler)())

/**
 * Vike route
 *
 * @link {@see https://vike.dev}
 **/
// TODO(vike-photon migrate): apply(app) renders the pages now, in place of `createHandler(vikeHandler)()`: `./server/vike-handler` is no longer imported here, delete it if nothing else uses it
apply(app)

// TODO(vike-photon migrate): the hono/vercel exports (GET, POST) were removed: @photonjs/vercel deploys this default export as the Vercel function
export default serve(app)
