import vike from 'vike/plugin'
import type { PluginOption, UserConfig } from 'vite'
import vercel from 'vite-plugin-vercel'

const plugins: PluginOption[] = [vike()]
if (process.env.VERCEL) plugins.push(vercel())

export default { plugins } satisfies UserConfig
