// The per-page settings that matter on Vercel, as users write them in a page's `+config.ts`, and their validation.
// Pure functions: unit-tested in test/vercel-settings.test.ts.

import { VikePhotonError } from '../../errors.js'
import type { IsrSetting, PageSettingsSource, ResolvedPageSettings } from '../../settings.js'

export type { IsrSetting, PageSettingsSource } from '../../settings.js'
/** What a page's own settings ask of Vercel. */
export type VercelPagePlan = ResolvedPageSettings

/** The per-page settings the Vercel target reads (its row's `pageSettings`). */
export const vercelPageSettings = { heading: 'Invalid Vercel settings:', check: checkVercelPages }

/**
 * Validates the Vercel settings of every page, collecting every problem first so that a user fixes them all in
 * one go. Throws them as one error (`checkVercelPages()` returns them, for the settings plugin's one error).
 */
export function planVercelPages(pages: PageSettingsSource[]): VercelPagePlan[] {
  const { plans, problems } = checkVercelPages(pages)
  if (problems.length > 0) {
    throw new VikePhotonError(`${vercelPageSettings.heading}\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  }
  return plans
}

/**
 * Every page's Vercel settings, every problem with them (invalid values: errors) and every warning (settings that
 * contradict each other, where one of them wins: the page's plan keeps only the winner).
 */
export function checkVercelPages(pages: PageSettingsSource[]): {
  plans: VercelPagePlan[]
  problems: string[]
  warnings: string[]
} {
  const problems: string[] = []
  const warnings: string[] = []
  const plans = pages.map((page) => {
    const isr = validateIsr(page, problems)
    const edge = validateEdge(page, problems)
    if (isr && edge) {
      problems.push(
        `Page ${page.pageId} sets both \`isr\` and \`edge: true\`: Vercel caches (ISR) only Node functions. Remove one of them.`,
      )
    }
    const prerendered = isPrerendered(page.prerender)
    // `isr` or `edge` asks for a function of the page's own; a route function or pre-rendering rules that out. The
    // upstream vike-photon demo sets `prerender: true` for every page and `isr` on some: one setting wins, with a warning.
    const overruled = isr || edge ? overruledBy(page, isr ? 'isr' : 'edge', prerendered) : null
    if (overruled) warnings.push(overruled)
    return {
      pageId: page.pageId,
      route: page.route,
      isr: overruled ? null : isr,
      edge: overruled ? false : edge,
      prerendered,
      headers: staticHeaders(page.headersResponse),
    }
  })
  return { plans, problems, warnings }
}

/**
 * Why a page's `isr` or `edge` has no effect, or `null` when it has. A route function first: Vike pre-renders such a
 * page only at the URLs a hook lists (`onBeforePrerenderStart`), the others reach the main server function.
 */
function overruledBy(page: PageSettingsSource, setting: 'isr' | 'edge', prerendered: boolean): string | null {
  const pageConfig = `${page.pageId}/+config.ts`
  const configFile = page[setting].definedAt ?? pageConfig
  const written = setting === 'isr' ? '`isr`' : '`edge: true`'
  if (page.route === null) {
    return (
      `Page ${page.pageId} sets ${written} (${configFile}) but its route is a route function, which only Vike can match at request time: ` +
      `the page is served by the main server function (${setting === 'isr' ? 'not cached by ISR' : 'not on the edge'})` +
      `${prerendered ? ', apart from the URLs it pre-renders (static files)' : ''}. ` +
      'To deploy it as its own function, give it a route string (or filesystem routing).'
    )
  }
  if (prerendered) {
    return (
      `Page ${page.pageId} is pre-rendered (\`prerender: true\`), so it is served as static files: its ${written} (${configFile}) is ignored. ` +
      `To ${setting === 'isr' ? 'cache it with ISR' : 'run it on the edge'} instead, set \`prerender: false\` in ${pageConfig}.`
    )
  }
  return null
}

function validateIsr(page: PageSettingsSource, problems: string[]): IsrSetting | null {
  const { value, definedAt } = page.isr
  if (value === undefined || value === null) return null
  const where = `\`isr\` of page ${page.pageId}${definedAt ? ` (${definedAt})` : ''}`
  const fix = 'Use `isr: { expiration: 60 }` (seconds during which Vercel serves the cached page).'
  if (typeof value === 'boolean') {
    problems.push(`${where} is ${value}: ISR needs to know how long a render stays fresh. ${fix}`)
    return null
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`${where} must be an object, got ${describe(value)}. ${fix}`)
    return null
  }
  const { expiration } = value as { expiration?: unknown }
  if (typeof expiration !== 'number' || !Number.isFinite(expiration) || expiration <= 0) {
    problems.push(
      `${where} has \`expiration: ${describe(expiration)}\`, but it must be a positive number of seconds. ${fix}`,
    )
    return null
  }
  return { expiration }
}

function validateEdge(page: PageSettingsSource, problems: string[]): boolean {
  const { value, definedAt } = page.edge
  if (value === undefined || value === null || value === false) return false
  if (value === true) return true
  problems.push(
    `\`edge\` of page ${page.pageId}${definedAt ? ` (${definedAt})` : ''} must be true or false, got ${describe(value)}.`,
  )
  return false
}

function staticHeaders(headersResponse: unknown): Record<string, string> | null {
  if (headersResponse === undefined || headersResponse === null || typeof headersResponse === 'function') return null
  // Vike's `headersResponse` is cumulative: a list of values, one per config file that sets it.
  const values = Array.isArray(headersResponse) && !isTuple(headersResponse) ? headersResponse : [headersResponse]
  const out: Record<string, string> = {}
  for (const value of values) {
    if (typeof value === 'function') continue
    try {
      new Headers(value as HeadersInit).forEach((v, k) => {
        out[k] = v
      })
    } catch {
      // Not a HeadersInit: Vike reports it at render time.
    }
  }
  return Object.keys(out).length > 0 ? out : null
}

/** `[['X-A', '1']]` is one HeadersInit, not a list of them. */
function isTuple(value: unknown[]): boolean {
  return value.every((item) => Array.isArray(item) && item.length === 2 && item.every((s) => typeof s === 'string'))
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return `'${value}'`
  if (typeof value === 'object') return 'an object'
  return String(value)
}

/**
 * Whether Vike pre-renders a page, from its `prerender` values (cumulative: a list, the page's own first), read the
 * way Vike 0.4.266 does (node/prerender/resolvePrerenderConfig.js): the first boolean decides; without one, the first
 * value that is not `{ enable: null }` (an object turns pre-rendering on unless `enable: false`). vike-photon's own
 * `prerender: { enable: null, keepDistServer: true }` (config.ts) is in every page's list and turns nothing on.
 */
export function isPrerendered(prerender: unknown): boolean {
  const values = Array.isArray(prerender) ? prerender : prerender === undefined ? [] : [prerender]
  const isObject = (v: unknown): v is { enable?: unknown } => typeof v === 'object' && v !== null
  const local = values.find((v) => typeof v === 'boolean')
  if (local !== undefined) return local as boolean
  const first = values.find((v) => !(isObject(v) && v.enable === null))
  return isObject(first) && Boolean(first.enable ?? true)
}
