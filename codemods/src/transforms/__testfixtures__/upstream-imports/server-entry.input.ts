/// <reference types="vike-photon/photon-types" />
import { apply, serve } from '@photonjs/hono'
import { Hono } from 'hono'
import { pageNamePrefix } from 'vike-photon/api'
import vikeMiddlewares, { getMiddlewares } from 'vike-photon/universal-middlewares'

function startServer() {
  const app = new Hono()
  apply(
    app,
    getMiddlewares<'hono'>({
      pageContext: (runtime) => ({ user: runtime.hono.get('user') }),
      compress: false,
      static: true,
    }),
  )
  return serve(app, { port: 3000 })
}

console.log(pageNamePrefix, vikeMiddlewares.length)

export default startServer()
