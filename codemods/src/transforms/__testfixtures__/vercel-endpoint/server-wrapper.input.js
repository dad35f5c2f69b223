import handler from '../dist/server/index.mjs'

export default handler
