import { serve } from '@photonjs/hono'
import app from './app.js'

export default launch()

function launch() {
  const port = process.env.PORT || 3000
  return serve(app, {
    port: +port,
    // keeps Node's own Request/Response
    overrideGlobalObjects: false,
    onReady: () => console.log(`Listening on http://localhost:${port}`)
  })
}
