import { apply, serve } from '@photonjs/elysia'
import { Elysia } from 'elysia'
import { addPageContext } from 'vike-photon/universal-middlewares'

const app = new Elysia().get('/api/hello', () => ({ hello: 'from Elysia' }))

apply(app, [addPageContext(() => ({ servedBy: 'Elysia' }))])
export default serve(app)
