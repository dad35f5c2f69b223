// Loaded with `node --import` into a server by `pnpm bench --profile`. The first SIGUSR2 starts V8's CPU profiler
// (after the warmup), the second stops it and writes the profile to $BENCH_CPU_PROFILE. Nothing else changes.
import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector'

const file = process.env.BENCH_CPU_PROFILE
const session = new Session()
session.connect()

const post = (method, params) =>
  new Promise((resolve, reject) => session.post(method, params, (err, res) => (err ? reject(err) : resolve(res))))

let profiling = false
process.on('SIGUSR2', async () => {
  if (!profiling) {
    profiling = true
    await post('Profiler.enable')
    await post('Profiler.setSamplingInterval', { interval: Number(process.env.BENCH_CPU_INTERVAL_US) || 250 })
    await post('Profiler.start')
    return
  }
  const { profile } = await post('Profiler.stop')
  writeFileSync(file, JSON.stringify(profile))
})
