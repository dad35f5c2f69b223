// TODO(vike-photon migrate): this Vercel API route wraps the old server build: delete it and its rewrite in vercel.json; @photonjs/vercel deploys the server itself
import handler from '../dist/server/index.mjs'

export default handler
