import { readdirSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { endpointEntryName } from './entry-ids.js'

// API endpoints (`photon.endpoints`): one universal handler per file, routed by its path.

export interface EndpointEntry {
  /** Photon entry name, e.g. `vike-photon:endpoint:/api/hello`. */
  name: string
  /** Absolute path of the handler module. */
  id: string
  /** rou3 pattern, e.g. `/api/users/:id`. */
  route: string
  /** The file's path from the folder's parent, without extension, e.g. `api/users/[id]`. */
  path: string
}

const HANDLER_FILE = /\.(?:[cm]?[jt]s)$/
const NOT_AN_ENDPOINT = /(?:\.d\.[cm]?ts|\.(?:test|spec)\.[cm]?[jt]s)$/

/**
 * Lists the endpoints of a folder. URLs start with the folder's name: with the folder `server/api`, the file
 * `server/api/users/[id].ts` answers `/api/users/:id`.
 */
export function listEndpoints(folder: string): EndpointEntry[] {
  const files = readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && HANDLER_FILE.test(entry.name) && !NOT_AN_ENDPOINT.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter(
      (file) =>
        !relative(folder, file)
          .split(sep)
          .some((part) => part.startsWith('_') || part.startsWith('.')),
    )
  return files
    .map((file) => {
      const path = relative(dirname(folder), file).split(sep).join('/').replace(HANDLER_FILE, '')
      const route = endpointRoute(path)
      return { name: endpointEntryName(route), id: file, route, path }
    })
    .sort((a, b) => a.route.localeCompare(b.route))
}

/** `api/users/[id]` → `/api/users/:id`, `api/files/[...path]` → `/api/files/**:path`, `api/index` → `/api`. */
export function endpointRoute(path: string): string {
  const segments = path.split('/')
  if (segments.at(-1) === 'index') segments.pop()
  const out = segments.map((segment) => {
    const rest = /^\[\.\.\.(\w+)\]$/.exec(segment)
    if (rest) return `**:${rest[1]}`
    const param = /^\[(\w+)\]$/.exec(segment)
    if (param) return `:${param[1]}`
    return segment
  })
  return `/${out.join('/')}`
}
