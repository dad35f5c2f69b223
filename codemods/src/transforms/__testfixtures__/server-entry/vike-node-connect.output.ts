import express from 'express'
import compression from 'compression'
import { apply, serve } from '@photonjs/express'

const app = express()
app.use(compression())
apply(app)

const port = Number(process.env.PORT) || 3000
export default serve(app, {
  port,
  onReady: () => console.log(`Shop running on port ${port}`)
})
