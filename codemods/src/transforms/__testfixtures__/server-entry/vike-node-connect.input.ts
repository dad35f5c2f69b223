import express from 'express'
import compression from 'compression'
import vike from 'vike-node/connect'

const app = express()
app.use(compression())
app.use(vike())

const port = Number(process.env.PORT) || 3000
app.listen(port, () => console.log(`Shop running on port ${port}`))
