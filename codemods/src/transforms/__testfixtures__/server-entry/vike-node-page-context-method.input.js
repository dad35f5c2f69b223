import express from 'express'
import vike from 'vike-node/express'
import { currentUser } from './auth.js'

const publicDir = process.env.PUBLIC_DIR

const app = express()
app.use(
  vike({
    async pageContext(runtime) {
      const user = await currentUser(runtime.req)
      return { user }
    },
    static: { root: publicDir },
  }),
)
app.listen(3000)
