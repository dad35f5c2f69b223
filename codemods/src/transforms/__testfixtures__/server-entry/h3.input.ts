import { createApp } from 'h3'
import { apply } from 'vike-server/h3'
import { serve } from 'vike-server/h3/serve'

const startServer = () => {
  const app = createApp()
  apply(app)
  return serve(app, { port: 3000 })
}

export default startServer()
