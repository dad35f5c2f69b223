import { Hono } from 'hono'
import { handlerAdapter } from './server/hono-adapter'
import { vikeHandler } from './server/vike-handler'

const app = new Hono()

app.get('/api/ping', (c) => c.text('pong from hono'))

// Every other request renders a page
app.all('*', handlerAdapter(vikeHandler))

export default app
