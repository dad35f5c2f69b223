import { apply, serve } from '@photonjs/fastify'
import fastify from 'fastify'
import { addPageContext } from 'vike-photon/universal-middlewares'

// Lets a dev server reload (server HMR, `r + enter`) close Fastify's keep-alive connections.
const app = fastify({ forceCloseConnections: true })
app.get('/api/hello', async () => ({ hello: 'from Fastify' }))

// Fastify registers plugins asynchronously: await `apply()` before `serve()`.
await apply(app, [addPageContext(() => ({ servedBy: 'Fastify' }))])
export default serve(app)
