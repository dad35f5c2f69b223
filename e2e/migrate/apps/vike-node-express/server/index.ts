import express from 'express'
import vike from 'vike-node/express'

const app = express()
app.get('/api/ping', (_req, res) => {
  res.type('text/plain').send('pong from express')
})
app.use(vike({ pageContext: () => ({ shopStatus: 'open' }) }))

const port = Number(process.env.PORT) || 3000
const host = process.env.HOST || '127.0.0.1'
app.listen(port, host, () => {
  console.log(`Server running at http://${host}:${port}`)
})
