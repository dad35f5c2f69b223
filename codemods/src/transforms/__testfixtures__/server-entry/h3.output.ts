import { createApp } from 'h3'
import { apply, serve } from '@photonjs/h3'

const startServer = () => {
  const app = createApp()
  apply(app)
  return serve(app, { port: 3000 })
}

export default startServer()
