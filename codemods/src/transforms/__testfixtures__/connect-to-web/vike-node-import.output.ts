import { connectToWeb, createServerResponse } from '@universal-middleware/express'

export const handler = connectToWeb(createServerResponse)
