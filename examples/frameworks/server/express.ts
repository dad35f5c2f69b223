import { apply, serve } from '@photonjs/express'
import express from 'express'
import { addPageContext } from 'vike-photon/universal-middlewares'

const app = express()
app.get('/api/hello', (_req, res) => {
  res.json({ hello: 'from Express' })
})

apply(app, [addPageContext(() => ({ servedBy: 'Express' }))])
export default serve(app)
