import { Hono } from 'hono'
import { apply, serve } from '@photonjs/hono'

export const config = { runtime: 'nodejs' }

const app = new Hono().basePath('/')
const web = new Hono()
web.get('/ping', (c) => c.text('pong'))
// TODO(vike-photon migrate): apply(web) renders the pages now, in place of `vikeHandler`: `./vike-handler` is no longer imported here, delete it if nothing else uses it
apply(web)

export default serve(web)
