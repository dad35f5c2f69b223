import { createRouter } from '@hattip/router'
import { apply, serve } from '@photonjs/hattip'
import { addPageContext } from 'vike-photon/universal-middlewares'

const app = createRouter()
app.get('/api/hello', () => Response.json({ hello: 'from Hattip' }))

apply(app, [addPageContext(() => ({ servedBy: 'Hattip' }))])
export default serve(app)
