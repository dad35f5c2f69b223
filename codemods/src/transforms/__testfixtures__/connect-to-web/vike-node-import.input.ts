import { connectToWeb, createServerResponse } from 'vike-node'

export const handler = connectToWeb(createServerResponse)
