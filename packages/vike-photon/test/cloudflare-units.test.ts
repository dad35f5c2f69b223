import { describe, expect, it, vi } from 'vitest'
import { CLOUDFLARE_COMPATIBILITY_DATE } from '../src/facts.js'
import { checkPhotonUnits, unitsForTarget } from '../src/plugin/resolve-settings.js'
import type { PageSettingsSource } from '../src/settings.js'
import { cloudflareTarget } from '../src/targets/cloudflare/index.js'
import { readWranglerConfig } from '../src/targets/cloudflare/wrangler-config.js'
import { nodeTarget } from '../src/targets/node/index.js'
import { detectServerFramework } from '../src/targets/server-framework.js'
import type { Project } from '../src/targets/types.js'
import { vercelTarget } from '../src/targets/vercel/index.js'
import { GOOD_WRANGLER_TOML } from './cloudflare-fixtures.js'

describe('detectServerFramework', () => {
  it.each([
    ["import { Hono } from 'hono'", 'hono'],
    ["import { cors } from 'hono/cors'", 'hono'],
    ["import { apply } from '@photonjs/h3'", 'h3'],
    ["import express from 'express'", 'express'],
    ['const express = require("express")', 'express'],
    ["const { apply } = await import('@photonjs/fastify')", 'fastify'],
    ["import { createRouter } from '@hattip/router'", 'hattip'],
    ["import { serve } from 'srvx'", 'srvx'],
  ])('%s → %s', (source, framework) => {
    expect(detectServerFramework(source)).toBe(framework)
  })

  it('ignores imports that are commented out, and unknown packages', () => {
    expect(detectServerFramework("// import express from 'express'\nimport { x } from 'express-like'")).toBeNull()
  })
})

describe('readWranglerConfig', () => {
  const projectWith = (text: string) => ({ root: '/app', readFile: () => text }) as unknown as Project

  it('reads top-level main and flags of TOML, not the ones inside tables', () => {
    expect(readWranglerConfig(projectWith(GOOD_WRANGLER_TOML), 'wrangler.toml')).toEqual({
      file: 'wrangler.toml',
      main: 'virtual:photon:cloudflare:server-entry',
      compatibilityDate: CLOUDFLARE_COMPATIBILITY_DATE,
      compatibilityFlags: ['nodejs_compat'],
    })
  })

  it('keeps a # inside a TOML string', () => {
    expect(readWranglerConfig(projectWith('main = "a#b" # comment\n'), 'wrangler.toml').main).toBe('a#b')
  })
})

describe('unitsForTarget (photonUnit per deploy target)', () => {
  const pages = [
    { pageId: '/pages/index', name: 'vike-photon:page:/pages/index', route: '/', id: 'a' },
    { pageId: '/pages/about', name: 'vike-photon:page:/pages/about', route: '/about', id: 'b' },
  ]

  it('keeps every unit on Node and Vercel', () => {
    expect(unitsForTarget(pages, nodeTarget)).toBe(pages)
    expect(unitsForTarget(pages, vercelTarget)).toBe(pages)
  })

  it('drops them on Cloudflare, and says why', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    try {
      expect(unitsForTarget(pages, cloudflareTarget)).toEqual([])
      expect(warn.mock.calls.flat().join('\n')).toContain(
        '`photonUnit` is ignored on Cloudflare Workers: the app is deployed as one Worker, which holds every page (2 pages asked for a unit of their own).',
      )
    } finally {
      warn.mockRestore()
    }
  })
})

describe('checkPhotonUnits (photonUnit, resolved with the other settings)', () => {
  const source = (pageId: string, route: string | null, value: unknown): PageSettingsSource => ({
    pageId,
    route,
    isr: { value: undefined, definedAt: null },
    edge: { value: undefined, definedAt: null },
    photonUnit: { value, definedAt: `${pageId}/+config.ts` },
    prerender: undefined,
    headersResponse: undefined,
  })

  it('keeps the pages with `photonUnit: true` and reports every value that is not a boolean, with file and fix', () => {
    const { units, problems } = checkPhotonUnits(
      [
        source('/pages/a', '/a', true),
        source('/pages/b', '/b', false),
        source('/pages/c', '/c', 'yes'),
        source('/pages/d', '/d', 1),
      ],
      nodeTarget,
    )
    expect([...units]).toEqual(['/pages/a'])
    expect(problems).toEqual([
      "`photonUnit` of page /pages/c (/pages/c/+config.ts) must be true or false, got 'yes'. Set `photonUnit: true` to deploy the page as a bundle of its own, or remove the setting.",
      '`photonUnit` of page /pages/d (/pages/d/+config.ts) must be true or false, got 1. Set `photonUnit: true` to deploy the page as a bundle of its own, or remove the setting.',
    ])
  })

  it('leaves a page only Vike can route in the server bundle, and says why', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    try {
      expect([...checkPhotonUnits([source('/pages/fn', null, true)], nodeTarget).units]).toEqual([])
      expect(warn.mock.calls.flat().join('\n')).toContain(
        '/pages/fn has `photonUnit: true` but its route is a route function',
      )
    } finally {
      warn.mockRestore()
    }
  })
})
