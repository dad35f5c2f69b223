import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { getVikeConfig } from 'vike/plugin'
import { createPlugin } from '../../plugin/create-plugin.js'
import { NETLIFY_CONFIG_FILE } from './functions.js'
import { netlifyHeaders, type PageHeadersSource } from './headers.js'

interface ConfigSourceLike {
  value?: unknown
}

/** Writes `.netlify/v1/config.json` once the client build is written (headers.ts says which rules and why). */
export const netlifyConfigPlugin = createPlugin('netlify:config', (ctx) => ({
  apply: 'build',
  applyToEnvironment: (environment) => environment.name === 'client',
  async writeBundle() {
    const root = this.environment.getTopLevelConfig().root
    const headers = netlifyHeaders(this.environment.config.build.assetsDir, readPages(ctx.pages))
    const file = join(root, NETLIFY_CONFIG_FILE)
    await mkdir(dirname(file), { recursive: true })
    await writeFile(file, `${JSON.stringify({ headers }, null, 2)}\n`)
  },
}))

function readPages(pages: { pageId: string; route: string | null }[]): PageHeadersSource[] {
  const vikeConfig = getVikeConfig()
  const internals = vikeConfig.dangerouslyUseInternals as unknown as {
    _pageConfigs: { pageId: string; configValueSources: Record<string, ConfigSourceLike[] | undefined> }[]
  }
  return pages.map((page) => {
    const config = (vikeConfig.pages[page.pageId]?.config ?? {}) as Record<string, unknown>
    const sources = internals._pageConfigs.find((p) => p.pageId === page.pageId)?.configValueSources ?? {}
    // `headersResponse` is a server-side setting: its value is in `config` only when Vike loaded it at config time;
    // otherwise it is read from the sources (set in a +config file).
    const fromSources = (sources.headersResponse ?? []).flatMap((source) => ('value' in source ? [source.value] : []))
    const own = config.headersResponse
    return {
      route: page.route,
      prerender: config.prerender,
      headersResponse: own === undefined ? fromSources : isListOfValues(own) ? own : [own],
    }
  })
}

/** A cumulative list of values, not one HeadersInit written as pairs (`[['X-A', '1']]`). */
function isListOfValues(value: unknown): value is unknown[] {
  const isPair = (item: unknown) => Array.isArray(item) && item.length === 2 && item.every((s) => typeof s === 'string')
  return Array.isArray(value) && !value.every(isPair)
}
