import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Transform } from 'jscodeshift'
import { applyTransform } from 'jscodeshift/src/testUtils.js'
import { describe, expect, it } from 'vitest'
import type { TransformOptions } from '../src/context.js'
import { transforms } from '../src/transforms/index.js'

// One table-driven test for every fixture pair:
// src/transforms/__testfixtures__/<transform>/<case>.input.<ext> → <case>.output.<ext>.
// An optional <case>.options.json holds the transform options: `path` (the file name the transform sees,
// default `<case>.<ext>`), `context` (facts other transforms would have recorded), `rootConfig`.
const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), '../src/transforms/__testfixtures__')

interface FixtureOptions extends TransformOptions {
  path?: string
}

const cases = readdirSync(fixturesDir).flatMap((transformName) =>
  readdirSync(join(fixturesDir, transformName))
    .filter((f) => f.includes('.input.'))
    .map((inputName) => {
      const [caseName, ext] = inputName.split('.input.') as [string, string]
      return { transformName, caseName, ext, dir: join(fixturesDir, transformName) }
    }),
)

function run(transformName: string, source: string, path: string, options: FixtureOptions): string {
  const transform = transforms[transformName as keyof typeof transforms] as Transform | undefined
  if (!transform) throw new Error(`No transform named ${transformName} (fixture folder ${transformName}/)`)
  const { path: _path, ...rest } = options
  return applyTransform(transform, structuredClone(rest), { source, path })
}

describe.each(cases)('$transformName', ({ transformName, caseName, ext, dir }) => {
  const input = readFileSync(join(dir, `${caseName}.input.${ext}`), 'utf8')
  const expected = readFileSync(join(dir, `${caseName}.output.${ext}`), 'utf8')
  const optionsFile = join(dir, `${caseName}.options.json`)
  const options: FixtureOptions = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {}
  const path = options.path ?? `${caseName}.${ext}`

  it(`${caseName}: input becomes output`, () => {
    expect(run(transformName, input, path, options)).toBe(expected.trim())
  })

  it(`${caseName}: output is left untouched (idempotent)`, () => {
    expect(run(transformName, expected, path, options)).toBe(expected.trim())
  })
})

it('every transform has fixtures', () => {
  const withFixtures = new Set(cases.map((c) => c.transformName))
  expect(Object.keys(transforms).filter((name) => !withFixtures.has(name))).toEqual([])
})
