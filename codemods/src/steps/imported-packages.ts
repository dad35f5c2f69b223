import type { FileWrite, MigrationInput } from '../registry.js'

/** Rule 7 needs to know whether a removed plugin's package is still imported anywhere, after every code step. */
export function recordImportedPackages({ project, ctx }: MigrationInput): FileWrite[] {
  const imported = new Set<string>()
  const candidates = ctx.removedPlugins
  if (candidates.size > 0) {
    for (const file of project.files) {
      if (!/\.[cm]?[jt]sx?$/.test(file)) continue
      const text = project.read(file) ?? ''
      for (const name of candidates) if (text.includes(`'${name}`) || text.includes(`"${name}`)) imported.add(name)
    }
  }
  ctx.importedPackages = imported
  return []
}
