// The environment child processes of the tests run in: a user's terminal, not the test runner's.

/**
 * The environment of a child: the test runner's, minus what `pnpm --filter e2e exec` puts in it (`npm_*`,
 * `PNPM_*`, `INIT_CWD`: an app's own pnpm must not think it runs inside the workspace), `NODE_ENV` (apps and Vike
 * decide it themselves), `VITEST*`, `NODE_OPTIONS` and `PW_*` (Playwright's module loader, for its own workers); `extra` on top, `undefined` removes a key.
 */
export function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(process.env)) {
    if (
      /^(npm_|pnpm_|PW_|PLAYWRIGHT_)/i.test(k) ||
      k === 'INIT_CWD' ||
      k.startsWith('VITEST') ||
      k === 'NODE_ENV' ||
      k === 'NODE_OPTIONS'
    )
      continue
    env[k] = v
  }
  env.FORCE_COLOR = '0'
  env.NO_COLOR = '1'
  // wrangler: no telemetry, no update check (the machine is offline)
  env.WRANGLER_SEND_METRICS = 'false'
  env.WRANGLER_HIDE_BANNER = 'true'
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k]
    else env[k] = v
  }
  return env
}
