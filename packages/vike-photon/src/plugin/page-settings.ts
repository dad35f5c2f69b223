import { getVikeConfig } from 'vike/plugin'
import type { PageSettingsSource } from '../settings.js'
import type { PageEntry } from './context.js'

interface ConfigSourceLike {
  definedAt?: { filePathToShowToUser?: string }
  value?: unknown
}

/**
 * Every page's deploy settings (`isr`, `edge`, `photonUnit`, `prerender`, `headersResponse`) as Vike read them, for
 * the settings plugin to check once: `photonUnit` itself (resolve-settings.ts), the others by the target (its row's
 * `pageSettings`).
 */
export function readPageSettings(pages: PageEntry[]): PageSettingsSource[] {
  const vikeConfig = getVikeConfig()
  const internals = vikeConfig.dangerouslyUseInternals as unknown as {
    _pageConfigs: { pageId: string; configValueSources: Record<string, ConfigSourceLike[] | undefined> }[]
  }
  return pages.map((page) => {
    const config = (vikeConfig.pages[page.pageId]?.config ?? {}) as Record<string, unknown>
    const sources = internals._pageConfigs.find((p) => p.pageId === page.pageId)?.configValueSources ?? {}
    const definedAt = (name: string) => sources[name]?.[0]?.definedAt?.filePathToShowToUser ?? null
    // Vike's own `vercel: { isr, edge }` setting is read as well, so apps that use it keep working.
    const vikeVercel = (config.vercel ?? {}) as { isr?: unknown; edge?: unknown }
    return {
      pageId: page.pageId,
      route: page.route,
      isr: { value: config.isr ?? vikeVercel.isr, definedAt: definedAt(config.isr !== undefined ? 'isr' : 'vercel') },
      edge: {
        value: config.edge ?? vikeVercel.edge,
        definedAt: definedAt(config.edge !== undefined ? 'edge' : 'vercel'),
      },
      photonUnit: { value: config.photonUnit, definedAt: definedAt('photonUnit') },
      prerender: config.prerender,
      // A server-side setting: read from its source when Vike loaded it at config time (set in a +config file).
      headersResponse:
        config.headersResponse ??
        sources.headersResponse?.flatMap((source) => ('value' in source ? [source.value] : [])),
    }
  })
}
