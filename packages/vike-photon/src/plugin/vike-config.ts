import { getVikeConfig } from 'vike/plugin'

// The few facts vike-photon reads from Vike's resolved config, behind one function so the rest of the
// plugin does not depend on Vike's internals.

export interface VikeFacts {
  photon: { value: unknown; definedAt: string | null; definedAtAbsolute: string | null }
  pages: { pageId: string; route: unknown; isErrorPage: boolean }[]
  /** Where a `+server` file was found (Vike's own server setting, which vike-photon replaces). */
  plusServer: string | null
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
  }
}
