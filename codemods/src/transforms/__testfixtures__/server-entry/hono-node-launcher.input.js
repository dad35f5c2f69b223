import { serve } from '@hono/node-server'
import app from './app.js'

launch()

function launch() {
  const port = process.env.PORT || 3000
  serve(
    {
      fetch: app.fetch,
      port: +port,
      // keeps Node's own Request/Response
      overrideGlobalObjects: false
    },
    () => console.log(`Listening on http://localhost:${port}`)
  )
}
