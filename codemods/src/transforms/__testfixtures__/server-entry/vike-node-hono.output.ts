import { Hono } from 'hono'
import { apply, serve } from '@photonjs/hono'
import { getMiddlewares } from 'vike-photon/universal-middlewares'

const app = new Hono()
apply(app, getMiddlewares<'hono'>({
  pageContext: (runtime) => ({ env: runtime.env })
}))

export default serve(app, {
  port: 3000,
  onReady: () => console.log('ready')
})
