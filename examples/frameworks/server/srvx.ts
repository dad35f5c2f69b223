import { apply, serve } from '@photonjs/srvx'
import { enhance } from '@universal-middleware/core'
import { addPageContext } from 'vike-photon/universal-middlewares'

// srvx has no router: the app is the chain of universal middlewares that `apply()` returns, yours included.
const hello = enhance(() => Response.json({ hello: 'from srvx' }), { name: 'hello', path: '/api/hello', method: 'GET' })

export default serve(apply([hello, addPageContext(() => ({ servedBy: 'srvx' }))]))
