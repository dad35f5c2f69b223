import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from '@playwright/test'

const here = dirname(fileURLToPath(import.meta.url))
const notSuites = new Set(['node_modules', 'test-results', 'playwright-report'])

// One Playwright project per folder of e2e/ (`node/`, `migrate/`, ...), so each suite can be run alone:
// `pnpm --filter e2e exec playwright test --project migrate`.
const suites = readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith('.') && !notSuites.has(d.name))
  .map((d) => d.name)
  .sort()

export default defineConfig({
  testMatch: '**/*.spec.ts',
  // Test fixtures (apps copied and built by the specs) are never test folders themselves.
  testIgnore: ['**/apps/**', '**/node_modules/**'],
  outputDir: join(here, 'test-results'),
  fullyParallel: true,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  reporter: 'list',
  use: {
    browserName: 'chromium',
    // Playwright cannot download its browser on this machine: drive Debian's chromium (scripts/ensure-chromium.sh).
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
  },
  projects: suites.map((name) => ({ name, testDir: join(here, name) })),
})
