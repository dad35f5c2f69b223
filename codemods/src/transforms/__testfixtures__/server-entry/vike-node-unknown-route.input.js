import express from 'express'
import vike from 'vike-node/express'

const app = express()
app.get('/app/*', vike())
app.listen(3000)
