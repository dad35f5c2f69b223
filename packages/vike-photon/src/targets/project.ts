import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { Project } from './types.js'

/** Reads what target detection needs from the project at `root`: its package.json and what resolves from there. */
export function readProject(root: string): Project {
  const packageJsonPath = join(root, 'package.json')
  let dependencies = new Set<string>()
  if (existsSync(packageJsonPath)) {
    const pkg = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as Record<string, Record<string, string> | undefined>
    dependencies = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})])
  }
  return {
    root,
    dependencies,
    resolve: (specifier) => resolveFromProject(root, specifier),
    fileExists: existsSync,
    readFile: (path) => readFileSync(path, 'utf8'),
  }
}

/**
 * Resolves `specifier` from a package installed in `root/node_modules` or a parent's, like Node does, but without
 * NODE_PATH and global folders: `pnpm exec` puts pnpm's hoisted store on NODE_PATH, where a package the project
 * does not depend on would be found.
 */
function resolveFromProject(root: string, specifier: string): string | null {
  const parts = specifier.split('/')
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!
  for (let dir = root; ; dir = dirname(dir)) {
    const packageJson = join(dir, 'node_modules', name, 'package.json')
    if (existsSync(packageJson)) {
      try {
        // A package resolves its own name through its `exports` (self-reference), before any lookup elsewhere.
        return createRequire(packageJson).resolve(specifier)
      } catch {
        return null
      }
    }
    if (dirname(dir) === dir) return null
  }
}
