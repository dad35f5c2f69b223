import { resolveServerConfig } from 'vike-server/api'

export const serverConfig = resolveServerConfig()
