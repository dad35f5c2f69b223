import { join, relative } from 'node:path'
import type { Plugin } from 'vite'
import { DOCS, VikePhotonError } from '../../../errors.js'
import { VercelOutputError } from './output.js'
import { createVercelOutputHandler } from './server.js'

/** Where `@photonjs/vercel` writes the Build Output API, relative to the root (vike-photon keeps its default). */
export const VERCEL_OUTPUT_DIR = '.vercel/output'

/**
 * `vike preview` with the Vercel target: Vite's preview server answers every request from `.vercel/output`, routed
 * the way Vercel routes it (server.ts), instead of rendering from `dist/` as on Node. Listens on `HOST` and `PORT`
 * when set (`--host` and `--port` win), on 127.0.0.1 by default.
 */
export function vercelPreviewPlugin(): Plugin {
  return {
    name: 'vike-photon:vercel:preview',
    apply: (_config, env) => env.isPreview === true,
    config(userConfig) {
      const preview = userConfig.preview ?? {}
      return { preview: previewAddress(preview, process.env) }
    },
    configurePreviewServer(server) {
      const root = server.config.root
      const outputDir = join(root, VERCEL_OUTPUT_DIR)
      let handler: ReturnType<typeof createVercelOutputHandler>
      try {
        handler = createVercelOutputHandler(outputDir)
      } catch (error) {
        if (!(error instanceof VercelOutputError)) throw error
        throw new VikePhotonError(`\`vike preview\` serves ${VERCEL_OUTPUT_DIR}: ${error.message}`)
      }
      // Added here rather than in the returned function: before Vite's and Vike's middlewares, it answers everything.
      server.middlewares.use(handler)
      server.httpServer.once('close', () => void handler.close())
      const shown = relative(process.cwd(), outputDir) || outputDir
      server.config.logger.info(
        `[vike-photon] Serving ${shown} as Vercel routes it (functions, ISR, edge run locally; ` +
          `what differs from Vercel: ${DOCS}/vercel.md#preview-the-build-locally)`,
      )
    },
  }
}

/** Vite's `preview.host`/`preview.port`: the user's (or `--host`/`--port`), else `HOST`/`PORT`, else 127.0.0.1. */
export function previewAddress(
  preview: { host?: string | boolean; port?: number },
  env: Record<string, string | undefined>,
): { host: string | boolean; port?: number } {
  const port = preview.port ?? (env.PORT ? Number(env.PORT) : undefined)
  return {
    host: preview.host ?? (env.HOST || '127.0.0.1'),
    ...(port !== undefined && Number.isInteger(port) ? { port } : {}),
  }
}
