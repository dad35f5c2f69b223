import { Hono } from 'hono'
import { handle } from 'hono/vercel'
import { createHandler } from '@universal-middleware/hono'
import { vikeHandler } from './server/vike-handler'
import { authMiddleware } from './server/auth'

const app = new Hono()

app.use('/api/*', authMiddleware)
app.get('/api/me', (c) => c.json({ name: 'Ada' }))

app.all('*', createHandler(vikeHandler)())

export const GET = handle(app)
export const POST = handle(app)

// @hono/vite-dev-server serves the app in development; Vercel uses the handlers above
export default process.env.NODE_ENV === 'production' ? undefined : app
