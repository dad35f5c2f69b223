import honoBuild from '@hono/vite-build/node'
import { vikeNode as node } from 'vike-node/plugin'
import * as cloudflare from 'vike-cloudflare'
import vike from 'vike/plugin'
import { defineConfig } from 'vite'
import deployToVercel from 'vite-plugin-vercel'

const target = process.env.TARGET

export default defineConfig({
  plugins: [
    vike(),
    target === 'node' && node('server/index.ts'),
    ...(target === 'cloudflare' ? [cloudflare.pages()] : []),
    target === 'vercel' ? deployToVercel() : undefined,
    honoBuild({ entry: 'server/index.ts' }),
  ],
})
