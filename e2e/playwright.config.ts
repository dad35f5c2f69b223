import { defineConfig } from '@playwright/test'

// Browser tests run Debian's chromium (Playwright cannot download its own browser here).
// Each folder is a project, by testDir (a glob like 'node/**' also matches a checkout in a folder named node).
// Each spec starts the servers it drives (see utils/server.ts).
export default defineConfig({
  testDir: '.',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: 'list',
  use: {
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'node', testDir: './node' },
    { name: 'migrate', testDir: './migrate' },
    // One retry: a first request to a freshly built Vercel function has answered 404 about once in twenty runs
    // (not reproduced in isolation; see the Vercel issue's note). A retried test is reported as flaky.
    { name: 'vercel', testDir: './vercel', retries: 1 },
    { name: 'cloudflare', testDir: './cloudflare' },
    { name: 'netlify', testDir: './netlify' },
    { name: 'per-page', testDir: './per-page' },
    { name: 'frameworks', testDir: './frameworks' },
  ],
})
