import express from 'express'
import { apply, serve } from '@photonjs/express'

const port = Number(process.env.PORT ?? 3000)
const host = process.env.HOST ?? '127.0.0.1'

const app = express()
apply(app)
export default serve(app, {
  port,
  hostname: host,
  onReady: () => {
    console.log(`Listening on http://${host}:${port}`)
  }
})
