import type { ASTPath, Collection, ImportDeclaration, ImportSpecifier, JSCodeshift } from 'jscodeshift'
import { adapterPackage, type Framework, legacyFrameworkModule } from '../../frameworks.js'
import {
  addTodo,
  countReferences,
  defaultLocal,
  importsFrom,
  namedLocal,
  pruneUnusedImports,
  removeStatementKeepComments,
} from '../../lib/ast.js'
import type { EntryState, ImportSpec } from './state.js'

/** Rule 31: vike-server/api has no equivalent. */
export function markServerApi(j: JSCodeshift, root: Collection): void {
  for (const decl of importsFrom(j, root, (s) => s === 'vike-server/api')) {
    addTodo(j, decl.node, 'vike-server/api (resolveServerConfig) has no vike-photon equivalent: remove this usage')
  }
}

/** The legacy framework imports of the file (`vike-server/hono`, `vike-node/express`, ...), and their framework. */
export function detectLegacy(
  j: JSCodeshift,
  root: Collection,
): { legacy: ASTPath<ImportDeclaration>[]; fw: Framework } | null {
  const legacy = importsFrom(j, root, (s) => legacyFrameworkModule(s) !== null)
  if (legacy.length === 0) return null
  const fw = legacyFrameworkModule(legacy[0]!.node.source.value as string)!.fw
  return { legacy, fw }
}

const isTypeImport = (decl: ASTPath<ImportDeclaration>) => decl.node.importKind === 'type'

/** Rule 25: one `import { apply, serve } from '@photonjs/<fw>'`; `Hono` from vike-cloudflare/hono moves to `hono`. */
export function rewriteImports(s: EntryState, legacy: ASTPath<ImportDeclaration>[]): void {
  const j = s.j
  const valueSpecifiers: ImportSpec[] = []
  const typeDecls: ASTPath<ImportDeclaration>[] = []
  let honoMoved = false
  for (const decl of legacy) {
    const info = legacyFrameworkModule(decl.node.source.value as string)!
    s.ctx.frameworks.add(info.fw)
    if (info.pkg === 'vike-node') s.ctx.sources.add('vike-node')
    if (isTypeImport(decl)) {
      typeDecls.push(decl)
      continue
    }
    if (info.pkg === 'vike-node') {
      s.vikeMiddleware = defaultLocal(decl.node) ?? namedLocal(decl.node, 'vike')
      s.vikeImport = s.j.importDeclaration(
        (decl.node.specifiers ?? []).filter(
          (sp) =>
            sp.type === 'ImportDefaultSpecifier' || (sp.type === 'ImportSpecifier' && sp.imported.name === 'vike'),
        ),
        s.j.stringLiteral(decl.node.source.value as string),
      )
    }
    if (info.connect) s.connect = true
    for (const spec of decl.node.specifiers ?? []) {
      const imported = spec.type === 'ImportSpecifier' ? spec.imported.name : null
      if (info.pkg === 'vike-node' && (spec.type === 'ImportDefaultSpecifier' || imported === 'vike')) continue
      if (spec.type === 'ImportSpecifier' && imported === 'Hono') {
        honoMoved = true
        addNamedImport(s, 'hono', spec)
        continue
      }
      if (imported === 'apply') s.applyLocal = (spec.local?.name as string) ?? 'apply'
      if (imported === 'serve') s.serveLocal = (spec.local?.name as string) ?? 'serve'
      if (!valueSpecifiers.some((v) => v.local?.name === spec.local?.name)) valueSpecifiers.push(spec)
    }
  }
  if (honoMoved) s.ctx.needs.add('hono')
  const adapter = adapterPackage(s.fw)
  const first = legacy.find((d) => !isTypeImport(d))
  if (first) {
    const decl = j.importDeclaration(valueSpecifiers, j.stringLiteral(adapter))
    decl.comments = first.node.comments
    first.replace(decl)
    s.target = first
  }
  for (const decl of legacy) if (decl !== first && !typeDecls.includes(decl)) removeStatementKeepComments(decl)
  const firstType = typeDecls[0]
  if (firstType) {
    firstType.node.source = j.stringLiteral(adapter)
    for (const other of typeDecls.slice(1)) {
      firstType.node.specifiers = [...(firstType.node.specifiers ?? []), ...(other.node.specifiers ?? [])]
      removeStatementKeepComments(other)
    }
  }
}

function addNamedImport(s: EntryState, source: string, spec: ImportSpecifier): void {
  const j = s.j
  const existing = importsFrom(j, s.root, (src) => src === source).find((d) => !isTypeImport(d))
  if (existing) {
    if (!namedLocal(existing.node, spec.imported.name as string))
      existing.node.specifiers = [...(existing.node.specifiers ?? []), spec]
    return
  }
  const decl = j.importDeclaration([spec], j.stringLiteral(source))
  const firstImport = s.root.find(j.ImportDeclaration).at(0)
  firstImport.insertBefore(decl)
}

/** Adds the specifiers the rewritten code uses (apply, serve, getMiddlewares) and prunes the unused ones. */
export function finishImports(s: EntryState): void {
  const j = s.j
  if (s.vikeMiddleware && s.vikeImport && countReferences(j, s.root, s.vikeMiddleware) > 0) {
    // A `vike()` call left as it was (with its TODO) keeps its import, so the code still names what it uses.
    addTodo(
      j,
      s.vikeImport,
      `vike-node is removed by this migration: replace the remaining \`${s.vikeMiddleware}()\` calls with \`apply(app)\` from ${adapterPackage(s.fw)}, then delete this import`,
    )
    if (s.target) s.target.insertAfter(s.vikeImport)
    else s.root.find(j.ImportDeclaration).at(-1).insertAfter(s.vikeImport)
  }
  if (
    s.usesGetMiddlewares &&
    importsFrom(j, s.root, (src) => src === 'vike-photon/universal-middlewares').length === 0
  ) {
    const decl = j.importDeclaration(
      [j.importSpecifier(j.identifier('getMiddlewares'))],
      j.stringLiteral('vike-photon/universal-middlewares'),
    )
    if (s.target) s.target.insertAfter(decl)
    else s.root.find(j.ImportDeclaration).at(0).insertAfter(decl)
  }
  const target = s.target
  if (target) {
    const have = new Set((target.node.specifiers ?? []).map((sp) => sp.local?.name as string))
    for (const [imported, local] of [
      ['apply', s.applyLocal],
      ['serve', s.serveLocal],
    ] as const) {
      if (!have.has(local) && countReferences(j, s.root, local) > 0) {
        const spec = j.importSpecifier(j.identifier(imported), imported === local ? null : j.identifier(local))
        target.node.specifiers = [...(target.node.specifiers ?? []), spec]
      }
    }
    if ((target.node.specifiers ?? []).length === 0) removeStatementKeepComments(target)
  }
  pruneUnusedImports(j, s.root, s.touched)
  // An emptied target import hands its comments to the next statement: a re-inserted vike import may get its
  // own TODO twice on a second run.
  const kept = s.vikeImport
  if (kept?.comments)
    kept.comments = kept.comments.filter((c, i, all) => all.findIndex((o) => o.value === c.value) === i)
}
