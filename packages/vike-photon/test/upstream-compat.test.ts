import type { RuntimeAdapter } from '@universal-middleware/core'
import type { PageContextServer } from 'vike/types'
import { describe, expect, expectTypeOf, it } from 'vitest'
import type { PhotonRuntime } from '../src/config.js'
import { getMiddlewares } from '../src/runtime/universal-middlewares.js'

// What apps written for the earlier vike-photon 0.1 (vikejs/vike-photon) use, and keep using unchanged.
describe('apps written for the earlier vike-photon 0.1', () => {
  it('call getMiddlewares() without options', () => {
    expect(getMiddlewares()).toEqual([])
  })

  it('type pageContext.runtime, by `Vike.Photon` when they name their server (checked by `pnpm typecheck`)', () => {
    expectTypeOf<PageContextServer['runtime']>().toEqualTypeOf<RuntimeAdapter>()
    expectTypeOf<PhotonRuntime<{ server: 'hono' }>['adapter']>().toEqualTypeOf<'hono'>()
    expectTypeOf<PhotonRuntime<{ server: 'express' }>['adapter']>().toEqualTypeOf<'express'>()
  })
})
