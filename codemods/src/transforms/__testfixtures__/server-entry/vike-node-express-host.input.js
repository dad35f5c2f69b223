import express from 'express'
import vike from 'vike-node/express'

const port = Number(process.env.PORT ?? 3000)
const host = process.env.HOST ?? '127.0.0.1'

const app = express()
app.use(vike())
app.listen(port, host, () => {
  console.log(`Listening on http://${host}:${port}`)
})
