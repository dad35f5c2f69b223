import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { Project } from './types.js'

/** Reads what target detection needs from the project at `root`: its package.json and what resolves from there. */
export function readProject(root: string): Project {
  const packageJsonPath = join(root, 'package.json')
  let dependencies = new Set<string>()
  if (existsSync(packageJsonPath)) {
    const pkg = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as Record<string, Record<string, string> | undefined>
    dependencies = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})])
  }
  const require = createRequire(packageJsonPath)
  return {
    root,
    dependencies,
    resolve(specifier) {
      try {
        return require.resolve(specifier)
      } catch {
        return null
      }
    },
    fileExists: existsSync,
    readFile: (path) => readFileSync(path, 'utf8'),
  }
}
