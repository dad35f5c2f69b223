import { enhance, getUniversalProp, nameSymbol, type UniversalMiddleware } from '@universal-middleware/core'
import { describe, expect, it } from 'vitest'
import { createApply, createApplyReturnApp, createAsyncApply } from '../src/runtime/photon-apply.js'
import { PhotonConfigError, PhotonError } from '../src/runtime/photon-errors.js'

// vike-photon's copy of @photonjs/core 0.1.22's `apply(app)` factories, which server builds use instead of Photon's
// (plugin/photon-runtime-plugin.ts): the same chain, the same errors.

const named = (name: string) => enhance(async () => undefined, { name }) as UniversalMiddleware
const names = (chain: unknown[]) => chain.map((m) => getUniversalProp(m as UniversalMiddleware, nameSymbol))

describe("vike-photon's apply() factories", () => {
  const entries = () => [named('page') as never]
  const middlewares = () => [named('compress'), named('static')]

  it("chains Photon's middlewares, the app's additions (replacing one of the same name) and the entries", () => {
    let chain: unknown[] = []
    const apply = createApply(
      'hono',
      (_app: object, list) => {
        chain = list
      },
      entries,
      middlewares,
    )
    const app = apply({}, [named('static'), named('auth')])
    expect(names(chain)).toEqual(['compress', 'static', 'auth', 'page'])
    expect((app as Record<symbol, unknown>)[Symbol.for('photon:server')]).toBe('hono')
  })

  it('puts the dev server middleware first, and works for adapters that return the app or a promise', async () => {
    let chain: unknown[] = []
    const dev = () => named('dev')
    const returnApp = createApplyReturnApp(
      'elysia',
      (list) => {
        chain = list
        return {}
      },
      entries,
      middlewares,
      dev,
    )
    expect((returnApp() as Record<symbol, unknown>)[Symbol.for('photon:server')]).toBe('elysia')
    expect(names(chain)).toEqual(['dev', 'compress', 'static', 'page'])
    const asyncApply = createAsyncApply(
      'fastify',
      async (_app: object, list) => {
        chain = list
      },
      entries,
      middlewares,
    )
    await asyncApply({}, [[named('auth')]] as never)
    expect(names(chain)).toEqual(['compress', 'static', 'auth', 'page'])
  })

  it('refuses an addition that is not an enhanced universal middleware, naming its index and the fix', () => {
    const apply = createApply('hono', () => {}, entries, middlewares)
    const plain = (async () => undefined) as unknown as UniversalMiddleware
    const error = (() => {
      try {
        apply({}, [named('auth'), plain])
      } catch (error) {
        return error
      }
    })()
    expect(error).toBeInstanceOf(PhotonConfigError)
    expect(error).toBeInstanceOf(PhotonError)
    expect((error as Error).message).toMatch(/^\[photon\]\[Config Error\] Additional middleware at index 1 .*enhance/)
  })
})
