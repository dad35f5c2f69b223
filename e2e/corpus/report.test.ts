import { describe, expect, it } from 'vitest'
import { type AppResult, causeLine, summaryLine } from './report'
import { stepNames } from './steps'

function app(name: string, ok: boolean): AppResult {
  const steps = Object.fromEntries(
    stepNames.map((s, i) => [s, { status: ok || i < 3 ? 'ok' : i === 3 ? 'fail' : 'skip' }]),
  ) as AppResult['steps']
  return {
    name,
    repo: `o/${name}`,
    commit: '0',
    source: 'vike-server',
    framework: 'react',
    steps,
    todos: [],
    problems: [],
    notes: [],
    run: { date: '', main: '', head: '', node: '' },
  } as AppResult
}

describe('the summary lines', () => {
  it('count passing apps, failures by cause from triage.json, and the share of apps this machine does not block', () => {
    const results = [app('a', true), app('b', true), app('c', true), app('d', false), app('e', false), app('f', false)]
    const triage = {
      d: { class: 'app-inherent', cause: 'machine', reason: 'registry mirror' },
      e: { class: 'app-inherent', cause: 'app', reason: 'broken commit' },
    } as const
    expect(summaryLine(results)).toBe('real apps: 3/6 build and serve')
    expect(causeLine(results, triage)).toBe(
      'of the 3 that fail: 1 for this machine (registry mirror, network or database engine at build), ' +
        '1 for the app itself (broken commit, empty file, case-sensitive path), 0 migration or vike-photon bugs, ' +
        "1 not triaged or without a cause; of the 5 apps left when this machine's failures are set aside, 3 (60%) build and serve",
    )
  })
})
