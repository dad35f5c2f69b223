import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { getVikeConfig } from 'vike/plugin'

// The few facts vike-photon reads from Vike's resolved config, behind one function so the rest of the
// plugin does not depend on Vike's internals.

export interface VikeFacts {
  photon: { value: unknown; definedAt: string | null; definedAtAbsolute: string | null }
  pages: { pageId: string; route: unknown; isErrorPage: boolean }[]
  /** Where a `+server` file was found (Vike's own server setting, which vike-photon replaces). */
  plusServer: string | null
  /** Whether the app (or an extension) has a `+middleware`: a global, cumulative setting of Vike's. */
  hasMiddleware: boolean
}

interface ConfigValueSourceLike {
  definedAt?: { filePathToShowToUser?: string; filePathAbsoluteFilesystem?: string | null }
}

export function readVikeFacts(): VikeFacts {
  const vikeConfig = getVikeConfig()
  const internals = vikeConfig.dangerouslyUseInternals as unknown as {
    _pageConfigGlobal: { configValueSources: Record<string, ConfigValueSourceLike[] | undefined> }
    _pageConfigs: { pageId: string; configValueSources: Record<string, ConfigValueSourceLike[] | undefined> }[]
  }
  const photonSource = internals._pageConfigGlobal.configValueSources.photon?.[0]?.definedAt
  const serverSource =
    internals._pageConfigGlobal.configValueSources.server?.[0]?.definedAt ??
    internals._pageConfigs.map((p) => p.configValueSources.server?.[0]?.definedAt).find(Boolean)

  const pages = Object.entries(vikeConfig.pages).map(([pageId, page]) => ({
    pageId,
    route: page.route,
    isErrorPage: page.isErrorPage === true,
  }))

  return {
    photon: {
      value: (vikeConfig.config as Record<string, unknown>).photon,
      definedAt: photonSource?.filePathToShowToUser ?? null,
      definedAtAbsolute: photonSource?.filePathAbsoluteFilesystem ?? null,
    },
    pages,
    plusServer: serverSource?.filePathToShowToUser ?? null,
    hasMiddleware: (internals._pageConfigGlobal.configValueSources.middleware?.length ?? 0) > 0,
  }
}

/** The installed Vike's version (the one vike-photon resolves, a peer shared with the app), or null. */
export function vikeVersion(): string | null {
  let dir = dirname(createRequire(import.meta.url).resolve('vike/plugin'))
  while (dir !== dirname(dir)) {
    const file = join(dir, 'package.json')
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string }
      if (pkg.name === 'vike') return pkg.version ?? null
    }
    dir = dirname(dir)
  }
  return null
}

/**
 * Whether this Vike has its own `+server` setting (Universal Deploy, vike >= 0.4.257). Such a Vike switches that
 * machinery off only for an extension named `vike-photon` (or `vike-server`), and always warns that the extension
 * is deprecated while doing so (vike 0.4.266, dist/node/vite/plugins/pluginUniversalDeploy/detectDeprecated.js).
 */
export function vikeHasBuiltInServer(version = vikeVersion()): boolean {
  const match = /^0\.4\.(\d+)/.exec(version ?? '')
  if (!match) return version !== null && !version.startsWith('0.')
  return Number(match[1]) >= 257
}
