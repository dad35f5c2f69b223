import { relative, sep } from 'node:path'
import { warnOnce } from '../errors.js'
import { createPlugin } from './create-plugin.js'
import { listEndpoints } from './endpoints.js'

/**
 * Lists the files of `photon.endpoints`; entries-plugin.ts gives each one a Photon entry, so that each endpoint is
 * routed like a page (in development, on Node and on Vercel, where it becomes its own function).
 */
export const endpointsPlugin = createPlugin('endpoints', (ctx) => ({
  config: {
    order: 'post',
    handler() {
      const folder = ctx.settings.endpoints
      ctx.endpoints = folder ? listEndpoints(folder) : []
      if (folder && !relative(ctx.root, folder).includes(sep)) {
        warnOnce(
          `\`photon.endpoints\` is a folder at the project root: in development Vite serves its files' source code at ` +
            'the very URLs of the endpoints. Move it one level down (e.g. `server/api`, which still answers `/api/...`).',
        )
      }
    },
  },
}))
