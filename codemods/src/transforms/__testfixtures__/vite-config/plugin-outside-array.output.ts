import vike from 'vike/plugin'
import type { PluginOption, UserConfig } from 'vite'
import vercel from 'vite-plugin-vercel'

const plugins: PluginOption[] = [vike()]
// TODO(vike-photon migrate): remove this `vercel(...)` call: vike-photon replaces it
if (process.env.VERCEL) plugins.push(vercel())

export default { plugins } satisfies UserConfig
