import { createServer } from 'node:http'
import { createApp, toNodeListener } from 'h3'
import vike from 'vike-node/h3'

const app = createApp()
app.use(vike())

createServer(toNodeListener(app)).listen(3000)
