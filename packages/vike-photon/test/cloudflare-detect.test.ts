import { afterEach, describe, expect, it } from 'vitest'
import { PluginContext } from '../src/plugin/context.js'
import { targetPlugins } from '../src/plugin/target-plugin.js'
import { cloudflareTarget } from '../src/targets/cloudflare/index.js'
import { detectTarget, nodeTarget } from '../src/targets/index.js'
import { readProject } from '../src/targets/project.js'
import type { Project, TargetDefinition } from '../src/targets/types.js'
import { GOOD_WRANGLER_TOML, makeProject, PACKAGE_JSON_WITH_CLOUDFLARE } from './cloudflare-fixtures.js'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})
function project(...args: Parameters<typeof makeProject>) {
  const made = makeProject(...args)
  cleanups.push(made.cleanup)
  return made.root
}

describe('detectTarget', () => {
  it('picks Cloudflare when @photonjs/cloudflare is a dependency and installed', () => {
    const root = project({ 'package.json': PACKAGE_JSON_WITH_CLOUDFLARE }, { withCloudflare: true })
    expect(detectTarget(readProject(root)).name).toBe('cloudflare')
  })

  it('stays on Node when @photonjs/cloudflare is installed (e.g. hoisted) but not a dependency of the project', () => {
    const root = project(
      { 'package.json': JSON.stringify({ dependencies: { vike: '0.4.266' } }) },
      { withCloudflare: true },
    )
    expect(detectTarget(readProject(root)).name).toBe('node')
  })

  it('stays on Node in a folder without package.json', () => {
    const root = project({})
    expect(detectTarget(readProject(root))).toBe(nodeTarget)
  })

  it('refuses two deploy targets at once, naming both packages', () => {
    const otherTarget: TargetDefinition = {
      ...cloudflareTarget,
      name: 'other',
      title: 'Other Cloud',
      package: '@photonjs/other',
      detect: () => true,
    }
    const anyProject = { dependencies: new Set() } as unknown as Project
    const table = [{ ...cloudflareTarget, detect: () => true }, otherTarget, nodeTarget]
    expect(() => detectTarget(anyProject, table)).toThrowErrorMatchingInlineSnapshot(
      `[VikePhotonError: [vike-photon] Both @photonjs/cloudflare (Cloudflare Workers) and @photonjs/other (Other Cloud) are installed, so vike-photon cannot tell where to deploy. Remove the ones you do not deploy to from package.json.]`,
    )
  })
})

describe('targetPlugins', () => {
  it("adds the target's plugins from the project's own installation", async () => {
    const root = project(
      { 'package.json': PACKAGE_JSON_WITH_CLOUDFLARE, 'wrangler.toml': GOOD_WRANGLER_TOML },
      { withCloudflare: true },
    )
    const ctx = new PluginContext()
    ctx.root = root
    const plugins = await targetPlugins(ctx)
    expect(ctx.target.name).toBe('cloudflare')
    expect(plugins.map((p) => p.name)).toEqual([
      'vike-photon:target-check',
      'vike-photon:cloudflare-trace',
      'stand-in:cloudflare',
      'vike-photon:cloudflare-vike-entry',
      'vike-photon:cloudflare-assets-ignore',
      'vike-photon:cloudflare-headers',
      'vike-photon:cloudflare-address',
    ])
  })

  it('says to install @photonjs/cloudflare when it is listed but not installed', async () => {
    const ctx = new PluginContext()
    ctx.root = project({ 'package.json': PACKAGE_JSON_WITH_CLOUDFLARE })
    await expect(targetPlugins(ctx)).rejects.toThrow(
      `[vike-photon] @photonjs/cloudflare is listed in package.json but is not installed in ${ctx.root}. Run your package manager's install (e.g. \`pnpm install\`).`,
    )
  })

  it('adds nothing but the check on Node', async () => {
    const ctx = new PluginContext()
    ctx.root = project({ 'package.json': '{}' })
    const plugins = await targetPlugins(ctx)
    expect(ctx.target.name).toBe('node')
    expect(plugins.map((p) => p.name)).toEqual(['vike-photon:target-check'])
  })
})
