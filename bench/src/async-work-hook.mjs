// Loaded with `node --import` by `async-work` (async-work.ts): counts the async resources (promises, timers, ticks...)
// the process creates between two SIGUSR2 signals, and prints them as one JSON line on stderr at the second.
import { createHook } from 'node:async_hooks'
import { writeSync } from 'node:fs'

const counts = new Map()
let counting = false
createHook({
  init(_id, type) {
    if (counting) counts.set(type, (counts.get(type) ?? 0) + 1)
  },
}).enable()

process.on('SIGUSR2', () => {
  counting = !counting
  if (counting) return
  writeSync(2, `\nASYNC-WORK ${JSON.stringify(Object.fromEntries(counts))}\n`)
  counts.clear()
})
