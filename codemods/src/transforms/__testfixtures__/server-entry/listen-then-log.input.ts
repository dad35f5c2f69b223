import express from 'express'
import vike from 'vike-node/express'

startServer()

async function startServer() {
  const app = express()
  app.get('/health', (_req, res) => {
    res.send('ok')
  })
  app.use(vike())
  const port = process.env.PORT || 3000
  // Start listening
  app.listen(port)
  console.log(`Listening on port ${port}`)
}
