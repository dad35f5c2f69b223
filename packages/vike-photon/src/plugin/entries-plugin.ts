import type { Photon } from '@photonjs/core'
import { createPlugin } from './create-plugin.js'
import { planEntries } from './plan-entries.js'

/**
 * Registers Photon's entry table once, as planned by plan-entries.ts from what the plugins before it read: the pages
 * (settings plugin, with `photonUnit`), the endpoints (endpoints plugin) and the target's per-page plans
 * (Vercel: ISR, edge). After the target's plugins, so that their `config` hooks have run. Nothing edits the entries
 * afterwards, except the Vercel target's workaround for @photonjs/vercel 0.1.23 (targets/vercel/index.ts, server-only).
 */
export const entriesPlugin = createPlugin('entries', (ctx) => ({
  config: {
    order: 'post',
    handler() {
      const plan = planEntries({
        units: ctx.target.capabilities.units,
        pages: ctx.pages,
        endpoints: ctx.endpoints,
        userEntries: ctx.settings.entries,
        photonUnits: ctx.photonUnits,
        deployPlans: ctx.pageSettings,
      })
      ctx.units = plan.units
      ctx.serverOnly = new Set(plan.serverOnly)
      // The planner's entry type is the subset vike-photon writes (plus `vercel`, which @photonjs/vercel 0.1.23 reads).
      return { photon: { entries: plan.entries as Record<string, string | Photon.EntryPartial> } }
    },
  },
}))
