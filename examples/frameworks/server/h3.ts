import { apply, serve } from '@photonjs/h3'
import { createApp, createRouter, defineEventHandler } from 'h3'
import { addPageContext } from 'vike-photon/universal-middlewares'

const app = createApp()
app.use(
  createRouter().get(
    '/api/hello',
    defineEventHandler(() => ({ hello: 'from H3' })),
  ),
)

apply(app, [addPageContext(() => ({ servedBy: 'H3' }))])
export default serve(app)
