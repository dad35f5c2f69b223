// Benchmark: `vike-photon migrate --dry-run` work on a generated app of 5,000 source files.
// Prints one result table; not a test. Usage: pnpm --filter @vike-photon/codemods bench [-- --files 5000]
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { parseArgs } from 'node:util'
import { planMigration } from '../src/index.js'

const { values } = parseArgs({
  options: { files: { type: 'string', default: '5000' }, runs: { type: 'string', default: '3' } },
})
const fileCount = Number(values.files)
const runs = Number(values.runs)
const goalMs = 2000

const dir = mkdtempSync(join(tmpdir(), 'vike-photon-migrate-bench-'))
const write = (rel: string, content: string) => {
  mkdirSync(dirname(join(dir, rel)), { recursive: true })
  writeFileSync(join(dir, rel), content)
}
write(
  'package.json',
  JSON.stringify(
    { name: 'bench', dependencies: { hono: '^4.7.0', vike: '^0.4.250', 'vike-server': '^1.0.25', vite: '^7.1.0' } },
    null,
    2,
  ),
)
write(
  'pages/+config.ts',
  "import vikeServer from 'vike-server/config'\n\nexport default { extends: [vikeServer], server: 'server/index.ts' }\n",
)
write(
  'server/index.ts',
  "import { Hono } from 'hono'\nimport { apply } from 'vike-server/hono'\nimport { serve } from 'vike-server/hono/serve'\n\nconst app = new Hono()\napply(app)\nserve(app, { port: 3000 })\n",
)
write('vite.config.ts', "import vike from 'vike/plugin'\n\nexport default { plugins: [vike()] }\n")
for (let i = 0; i < fileCount - 4; i++) {
  const page = `pages/p${Math.floor(i / 50)}/c${i}`
  write(
    `${page}.tsx`,
    `import { useState } from 'react'\n\nexport function Component${i}({ label }: { label: string }) {\n  const [n, setN] = useState(${i})\n  return <button type="button" onClick={() => setN(n + 1)}>{label} {n}</button>\n}\n`,
  )
}
// node_modules must be skipped: put a big decoy there.
for (let i = 0; i < 500; i++) write(`node_modules/decoy/f${i}.js`, "import 'vike-server/hono'\n")

const times: number[] = []
let plan: ReturnType<typeof planMigration> | undefined
for (let r = 0; r < runs; r++) {
  const t = performance.now()
  plan = planMigration(dir, { vikePhotonVersion: '0.2.0' })
  times.push(performance.now() - t)
}
rmSync(dir, { recursive: true, force: true })

const best = Math.min(...times)
const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!
console.log('| benchmark | files | changed | first run (ms) | median (ms) | best (ms) | goal (ms) | ok |')
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |')
console.log(
  `| vike-photon migrate (plan, in-process) | ${fileCount} | ${plan!.changes.length} | ${times[0]!.toFixed(0)} | ${median.toFixed(0)} | ${best.toFixed(0)} | ${goalMs} | ${median < goalMs ? 'yes' : 'no'} |`,
)
