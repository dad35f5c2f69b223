import { CLOUDFLARE_MINIMUM_DATES } from '../../../packages/vike-photon/src/facts.js'
import type { MigrateContext } from '../context.js'

/**
 * The oldest `compatibility_date` a migrated Worker can run with: `nodejs_compat` (always on after migrate) needs
 * its v2 mode, and a React app (React 19 once vike-react 0.6 is in) needs the global `MessageChannel`.
 */
export function minimumCompatibilityDate(packageJson: string | null): string {
  let deps: Record<string, unknown> = {}
  try {
    const pkg = JSON.parse(packageJson ?? '{}') as Record<string, Record<string, unknown> | undefined>
    deps = { ...pkg.devDependencies, ...pkg.dependencies }
  } catch {}
  const react = typeof deps['react-dom'] === 'string' && /(^|[^\d.])(19|[2-9]\d)\./.test(deps['react-dom'])
  return react || deps['vike-react'] !== undefined
    ? CLOUDFLARE_MINIMUM_DATES.react19
    : CLOUDFLARE_MINIMUM_DATES.nodejsCompat
}

/** The date to write instead of `current`, or null when `current` is recent enough (or not a date). */
export function raisedCompatibilityDate(current: string, minimum: string): string | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(current) && current < minimum ? minimum : null
}

/** Tells the user, in the migrate summary, that a wrangler config's date moved and why. */
export function reportRaisedDate(ctx: MigrateContext, file: string, line: number, from: string, to: string): void {
  const why =
    to === CLOUDFLARE_MINIMUM_DATES.react19
      ? "React 19's server renderer needs the global MessageChannel"
      : '"nodejs_compat" before that date is the v1 mode that wrangler 4 refuses'
  ctx.reportedTodos.push({
    file,
    line,
    message: `compatibility_date was raised from ${from} to ${to} (${why}): check the runtime changes between them at https://developers.cloudflare.com/workers/configuration/compatibility-flags/`,
  })
}
