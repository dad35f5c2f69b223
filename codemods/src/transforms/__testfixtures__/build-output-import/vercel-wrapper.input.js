import { connectToWeb } from 'vike-server'
import app from '../dist/server/index.mjs'

const handler = connectToWeb(app)

export const GET = handler
export const POST = handler
