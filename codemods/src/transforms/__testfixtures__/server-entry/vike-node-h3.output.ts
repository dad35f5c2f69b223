import { createApp } from 'h3'
import { apply, serve } from '@photonjs/h3'

const app = createApp()
apply(app)

export default serve(app, {
  port: 3000
})
