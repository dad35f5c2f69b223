import { apply, serve } from '@photonjs/hono'
import { Hono } from 'hono'
import { addPageContext } from 'vike-photon/universal-middlewares'

const app = new Hono()
app.get('/api/hello', (c) => c.json({ hello: 'from Hono' }))

apply(app, [addPageContext(() => ({ servedBy: 'Hono' }))])
export default serve(app)
