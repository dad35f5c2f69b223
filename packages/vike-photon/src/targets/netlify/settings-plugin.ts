import { createPlugin } from '../../plugin/create-plugin.js'

/** vike-photon settings that differ on Netlify. */
export const netlifySettingsPlugin = createPlugin('netlify:settings', (ctx) => ({
  config: {
    order: 'post',
    handler() {
      // Netlify's CDN compresses function responses: compressing in the function would do it twice.
      ctx.settings = { ...ctx.settings, compress: false }
    },
  },
}))
