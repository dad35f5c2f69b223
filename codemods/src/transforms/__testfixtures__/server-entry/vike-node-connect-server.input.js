import connect from 'connect'
import { vike } from 'vike-node/connect'

const app = connect()
app.use(vike())
app.listen(3000)
