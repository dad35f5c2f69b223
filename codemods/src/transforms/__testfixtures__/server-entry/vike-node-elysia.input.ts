import { Elysia } from 'elysia'
import vike from 'vike-node/elysia'

const app = new Elysia()
app.get('/*', vike())
app.listen(3000)
