// The `vike-photon` bin. One command for now: `vike-photon migrate [dir]`.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { didYouMean } from '../did-you-mean.js'
import { isDebug } from '../errors.js'
import { migrateCommand } from './migrate.js'

/** The docs shipped in this package (src/cli and dist/cli are both two folders below the package's root). */
const docsDir = fileURLToPath(new URL('../../docs/', import.meta.url))

const usage = `Usage: vike-photon <command>

Commands:
  migrate [dir]   Move an app from vike-server, vike-node, vike-cloudflare or vite-plugin-vercel to vike-photon
                  (run \`vike-photon migrate --help\` for its options)

Options:
  -v, --version   Print vike-photon's version
  -h, --help      Show this help

Docs: ${docsDir}
`

/** vike-photon's own version: written into migrated apps' package.json. */
function ownVersion(): string {
  // src/cli/index.ts and dist/cli/index.js are both two folders below package.json.
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
  return pkg.version
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (command === 'migrate') return migrateCommand(rest, { version: ownVersion(), docsDir })
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${ownVersion()}\n`)
    return 0
  }
  if (!command || command === '--help' || command === '-h') {
    process.stdout.write(usage)
    return command ? 0 : 1
  }
  const known = ['migrate', '--version', '--help']
  process.stderr.write(
    `vike-photon: unknown ${command.startsWith('-') ? 'option' : 'command'} "${command}".${didYouMean(command, known, (c) => `"${c}"`)}\n\n${usage}`,
  )
  return 1
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (err: unknown) => {
    // An unexpected failure: the message, and the stack only when asked for (DEBUG=vike-photon).
    const error = err as Error
    const detail = isDebug()
      ? (error.stack ?? String(err))
      : `${error.message ?? String(err)}\n(DEBUG=vike-photon shows the stack trace)`
    process.stderr.write(`vike-photon: ${detail}\n`)
    process.exitCode = 1
  },
)
