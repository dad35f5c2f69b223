import { run, startServer } from '../src/process.js'

// Started by process.test.ts with a folder as its argument: starts, through the kit, one command whose shell exits at
// once while the `sleep` it started keeps running in its group (as `pnpm run build` can leave `vike build`), and one
// server whose shell waits for its `sleep`. Every pid goes to <folder>/pids; then it waits to be signalled.
const pids = `${process.argv[2]}/pids`
const cwd = process.cwd()
run('sh', ['-c', `sleep 300 & echo $! >> '${pids}'`], { cwd, timeoutMs: 300_000 }).catch(() => {})
await startServer('sh', ['-c', `sleep 300 & echo $$ $! >> '${pids}'; echo ready; wait`], {
  cwd,
  timeoutMs: 10_000,
  readyLine: /(ready)/,
})
console.log('started')
setInterval(() => {}, 1000)
