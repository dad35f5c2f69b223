// Sums the JSON reports of every suite into one closing line ("N passed, N failed")
// so that CI reads one verdict for the whole run.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const dir = process.argv[2] ?? '.cache/reports'
let passed = 0
let failed = 0
let skipped = 0

const vitestFile = join(dir, 'vitest.json')
if (existsSync(vitestFile)) {
  const report = JSON.parse(readFileSync(vitestFile, 'utf8'))
  passed += report.numPassedTests
  failed += report.numFailedTests + (report.numFailedTestSuites ?? 0)
  skipped += report.numPendingTests + report.numTodoTests
} else {
  console.error(`missing ${vitestFile}: the unit tests did not run`)
  failed++
}

const playwrightFile = join(dir, 'playwright.json')
if (existsSync(playwrightFile)) {
  const { stats, errors } = JSON.parse(readFileSync(playwrightFile, 'utf8'))
  passed += stats.expected + stats.flaky
  failed += stats.unexpected + (errors?.length ?? 0)
  skipped += stats.skipped
  if (stats.flaky > 0) console.warn(`${stats.flaky} browser test(s) passed only on retry (flaky): see the list above`)
} else {
  console.error(`missing ${playwrightFile}: the browser tests did not run`)
  failed++
}

console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)
