import express from 'express'
import vike from 'vike-node/express'

const app = express()
app.use(vike())
const server = app.listen(3000)
server.on('close', () => console.log('bye'))
