// The `vike-photon` bin. One command for now: `vike-photon migrate [dir]`.
import { readFileSync } from 'node:fs'
import { migrateCommand } from './migrate.js'

const usage = `Usage: vike-photon <command>

Commands:
  migrate [dir]   Move an app from vike-server, vike-node, vike-cloudflare or vite-plugin-vercel to vike-photon
                  (run \`vike-photon migrate --help\` for its options)
`

/** vike-photon's own version: written into migrated apps' package.json. */
function ownVersion(): string {
  // src/cli/index.ts and dist/cli/index.js are both two folders below package.json.
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
  return pkg.version
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (command === 'migrate') return migrateCommand(rest, { version: ownVersion() })
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${ownVersion()}\n`)
    return 0
  }
  if (!command || command === '--help' || command === '-h') {
    process.stdout.write(usage)
    return command ? 0 : 1
  }
  process.stderr.write(`Unknown command "${command}".\n\n${usage}`)
  return 1
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (err: unknown) => {
    process.stderr.write(`vike-photon: ${(err as Error).stack ?? String(err)}\n`)
    process.exitCode = 1
  },
)
