import type {
  ArrayExpression,
  ASTNode,
  ASTPath,
  Collection,
  Identifier,
  ImportDeclaration,
  JSCodeshift,
  Node,
  ObjectExpression,
  ObjectProperty,
  Property,
} from 'jscodeshift'
import { TODO_MARKER, todoText } from './todo.js'

type AnyNode = Node & { comments?: { type: string; value: string; leading?: boolean; trailing?: boolean }[] | null }

/** jscodeshift parser for a file name: `ts` for TypeScript (so `<T>x` casts parse), `tsx` otherwise. */
export function parserFor(path: string): 'ts' | 'tsx' {
  return /\.[cm]?ts$/.test(path) ? 'ts' : 'tsx'
}

export function isTypeScript(path: string): boolean {
  return /\.[cm]?tsx?$/.test(path)
}

/** Adds `// TODO(vike-photon migrate): <message>` on the line before `node`, once. */
export function addTodo(j: JSCodeshift, node: ASTNode | Node, message: string): void {
  const n = node as AnyNode
  const text = ` ${todoText(message)}` // one line, whatever the message
  n.comments ??= []
  if (n.comments.some((c) => c.value.includes(TODO_MARKER) && c.value.trim() === text.trim())) return
  n.comments.push(j.commentLine(text, true, false) as never)
}

/** True when the node already carries a TODO whose text starts with `prefix`. */
export function hasTodo(node: ASTNode | Node, prefix = ''): boolean {
  const n = node as AnyNode
  return Boolean(n.comments?.some((c) => c.value.includes(`${TODO_MARKER} ${prefix}`)))
}

/** The closest ancestor that is a statement directly in a block or program body (where a comment line fits). */
export function statementOf(path: ASTPath): ASTPath {
  let p: ASTPath | null = path
  while (p?.parent) {
    const parentNode = p.parent.node as Node
    if (parentNode.type === 'Program' || parentNode.type === 'BlockStatement' || parentNode.type === 'StaticBlock') {
      return p
    }
    if (parentNode.type === 'ObjectExpression' && (p.node.type === 'ObjectProperty' || p.node.type === 'Property')) {
      return p
    }
    p = p.parent
  }
  return path
}

export type Prop = ObjectProperty | Property

export function propName(prop: Node): string | null {
  if (prop.type !== 'ObjectProperty' && prop.type !== 'Property') return null
  const p = prop as Prop
  if (p.computed) return p.key.type === 'StringLiteral' ? p.key.value : null
  if (p.key.type === 'Identifier') return p.key.name
  if (p.key.type === 'StringLiteral') return p.key.value
  if (p.key.type === 'Literal' && typeof p.key.value === 'string') return p.key.value
  return null
}

export function getProp(obj: ObjectExpression, name: string): Prop | undefined {
  return obj.properties.find((p) => propName(p) === name) as Prop | undefined
}

/**
 * Stands in for a removed array element or object property. Replacing a child (rather than splicing it
 * out) lets recast reprint only that child and keep the rest of the array or object as the user wrote it
 * (line breaks, trailing comments); print() then cuts the placeholder out together with its comma.
 */
export const REMOVED = '__vikePhotonMigrateRemoved__'

const removedIdentifier = (): Node => ({ type: 'Identifier', name: REMOVED }) as Node

export function isRemoved(node: Node | null | undefined): boolean {
  if (!node) return false
  if (node.type === 'Identifier') return (node as Identifier).name === REMOVED
  return (node.type === 'ObjectProperty' || node.type === 'Property') && isRemoved((node as Prop).key as Node)
}

/** Removes a property from an object literal, keeping the layout of the others. */
export function removeProp(obj: ObjectExpression, prop: Node): void {
  const i = obj.properties.indexOf(prop as never)
  if (i === -1) return
  const key = removedIdentifier()
  obj.properties[i] = { type: 'ObjectProperty', key, value: key, shorthand: true, computed: false } as never
}

/** Removes an element from an array literal, keeping the layout of the others. */
export function removeElement(arr: ArrayExpression, element: Node): void {
  const i = arr.elements.indexOf(element as never)
  if (i !== -1) arr.elements[i] = removedIdentifier() as never
}

/** The properties of an object literal that were not removed. */
export function liveProps(obj: ObjectExpression): ObjectExpression['properties'] {
  return obj.properties.filter((p) => !isRemoved(p as Node))
}

/** The elements of an array literal that were not removed. */
export function liveElements(arr: ArrayExpression): ArrayExpression['elements'] {
  return arr.elements.filter((e) => !isRemoved(e as Node))
}

/** Unwraps `x as T`, `x satisfies T`, `x!`, `(x)` and `<T>x`. */
export function unwrap(node: Node): Node {
  let n = node
  for (;;) {
    if (
      n.type === 'TSAsExpression' ||
      n.type === 'TSSatisfiesExpression' ||
      n.type === 'TSNonNullExpression' ||
      n.type === 'TSTypeAssertion' ||
      n.type === 'ParenthesizedExpression'
    ) {
      n = (n as unknown as { expression: Node }).expression
    } else return n
  }
}

/**
 * The object literals a config module exports, whatever its shape: `export default {}`,
 * `export default defineConfig({})`, `defineConfig(() => ({}))`, a function body returning the object,
 * `export const config = {}`, `const config = {}; export { config }` or `export default config`,
 * with `satisfies`/`as`/type annotations.
 */
export function findConfigObjects(j: JSCodeshift, root: Collection): ObjectExpression[] {
  const found: ObjectExpression[] = []
  const seen = new Set<Node>()
  const program = root.find(j.Program).nodes()[0]
  if (!program) return found

  const topLevelBinding = (name: string): Node | null => {
    for (const stmt of program.body) {
      const decl = stmt.type === 'ExportNamedDeclaration' ? stmt.declaration : stmt
      if (!decl) continue
      if (decl.type === 'VariableDeclaration') {
        for (const d of decl.declarations) {
          if (d.type === 'VariableDeclarator' && d.id.type === 'Identifier' && d.id.name === name && d.init) {
            return d.init
          }
        }
      }
      if (decl.type === 'FunctionDeclaration' && decl.id?.name === name) return decl
    }
    return null
  }

  const visit = (input: Node | null | undefined, depth: number): void => {
    if (!input || depth > 8) return
    const node = unwrap(input)
    if (seen.has(node)) return
    seen.add(node)
    const next = (n: Node | null | undefined) => visit(n, depth + 1)
    switch (node.type) {
      case 'ObjectExpression':
        found.push(node as ObjectExpression)
        break
      case 'Identifier':
        next(topLevelBinding((node as unknown as { name: string }).name))
        break
      case 'CallExpression': {
        // defineConfig({...}) / defineConfig(() => ...), or a local factory: makeConfig()
        const { arguments: args, callee } = node as unknown as { arguments: Node[]; callee: Node }
        if (args[0]) next(args[0])
        else if (callee.type === 'Identifier') next(callee)
        break
      }
      case 'AwaitExpression':
        next((node as unknown as { argument: Node }).argument)
        break
      case 'ArrowFunctionExpression':
      case 'FunctionExpression':
      case 'FunctionDeclaration': {
        const body = (node as unknown as { body: Node }).body
        if (body.type !== 'BlockStatement') next(body)
        else {
          j(body as never)
            .find(j.ReturnStatement)
            .filter((r) => enclosingFunction(r) === null) // returns of this function, not of nested ones
            .forEach((r) => {
              next(r.node.argument)
            })
        }
        break
      }
    }
  }

  for (const stmt of program.body) {
    if (stmt.type === 'ExportDefaultDeclaration') visit(stmt.declaration as Node, 0)
    if (stmt.type === 'ExportNamedDeclaration') {
      if (stmt.declaration?.type === 'VariableDeclaration') {
        for (const d of stmt.declaration.declarations) {
          if (d.type === 'VariableDeclarator' && d.id.type === 'Identifier' && d.id.name === 'config') {
            visit(d.init, 0)
          }
        }
      }
      for (const s of stmt.specifiers ?? []) {
        if (s.type !== 'ExportSpecifier') continue
        const exported = s.exported.name
        if ((exported === 'config' || exported === 'default') && s.local) visit(s.local as Node, 0)
      }
    }
  }
  return found
}

export function enclosingFunction(path: ASTPath): Node | null {
  let p = path.parent as ASTPath | null
  while (p) {
    const t = p.node.type
    if (t === 'FunctionDeclaration' || t === 'FunctionExpression' || t === 'ArrowFunctionExpression') return p.node
    if (t === 'ObjectMethod' || t === 'ClassMethod') return p.node
    p = p.parent
  }
  return null
}

/** Import declarations whose source matches. */
export function importsFrom(
  j: JSCodeshift,
  root: Collection,
  match: (source: string) => boolean,
): ASTPath<ImportDeclaration>[] {
  return root
    .find(j.ImportDeclaration)
    .filter((p) => typeof p.node.source.value === 'string' && match(p.node.source.value))
    .paths()
}

/** Local name of the default import (`import x from`, `import { default as x } from`). */
export function defaultLocal(decl: ImportDeclaration): string | null {
  for (const s of decl.specifiers ?? []) {
    if (s.type === 'ImportDefaultSpecifier' && s.local) return s.local.name as string
    if (s.type === 'ImportSpecifier' && s.imported.name === 'default' && s.local) return s.local.name as string
  }
  return null
}

/** Local name of a named import (`import { name }` or `import { name as x }`). */
export function namedLocal(decl: ImportDeclaration, name: string): string | null {
  for (const s of decl.specifiers ?? []) {
    if (s.type === 'ImportSpecifier' && s.imported.name === name) return (s.local?.name ?? name) as string
  }
  return null
}

/** References to an identifier outside import declarations (a property key or `.name` member only when it is one). */
export function references(j: JSCodeshift, root: Collection, name: string): ASTPath<Identifier>[] {
  return root
    .find(j.Identifier, { name })
    .filter((p) => {
      const parent = p.parent?.node as Node | undefined
      if (!parent) return true
      if (
        parent.type === 'ImportSpecifier' ||
        parent.type === 'ImportDefaultSpecifier' ||
        parent.type === 'ImportNamespaceSpecifier'
      )
        return false
      if ((parent.type === 'ObjectProperty' || parent.type === 'Property') && (parent as Prop).key === p.node) {
        return (parent as Prop).shorthand === true
      }
      if (parent.type === 'MemberExpression' && (parent as unknown as { property: Node }).property === p.node) {
        return (parent as unknown as { computed: boolean }).computed
      }
      return true
    })
    .paths()
}

/** How many times an identifier is referenced, outside import declarations. */
export function countReferences(j: JSCodeshift, root: Collection, name: string): number {
  return references(j, root, name).length
}

/** Code quoted in a one-line message (a TODO): its line breaks and their indentation become single spaces. */
export function oneLine(code: string): string {
  return code.replace(/\s*\n\s*/g, ' ')
}

/** A string literal (Babel's or ESTree's) with this value. */
export function isStringValue(node: Node, value: string): boolean {
  return (node.type === 'StringLiteral' || node.type === 'Literal') && (node as { value?: unknown }).value === value
}

/** An expression parsed from source text (e.g. a setting's value recorded by another transform). */
export function parseExpression(j: JSCodeshift, source: string): Node {
  const program = j(`(${source})`).find(j.ExpressionStatement).nodes()[0]
  const node = unwrap(program!.expression as Node) as Node & { extra?: unknown }
  node.extra = undefined
  return node
}

/** Removes the import specifiers whose local name is no longer referenced; drops emptied declarations. */
export function pruneUnusedImports(j: JSCodeshift, root: Collection, decls: ASTPath<ImportDeclaration>[]): void {
  for (const decl of decls) {
    const specs = decl.node.specifiers ?? []
    if (specs.length === 0) continue
    decl.node.specifiers = specs.filter((s) => {
      const local = s.local?.name as string | undefined
      return local ? countReferences(j, root, local) > 0 : true
    })
    if (decl.node.specifiers.length === 0) removeStatementKeepComments(decl)
  }
}

/** Removes a statement; its leading comments move to the next statement so none is lost. */
export function removeStatementKeepComments(path: ASTPath): void {
  const node = path.node as AnyNode
  const comments = (node.comments ?? []).filter((c) => c.leading !== false)
  if (comments.length > 0) {
    const body = (path.parent?.node as { body?: Node[] } | undefined)?.body
    if (Array.isArray(body)) {
      const i = body.indexOf(node)
      const next = body[i + 1] as AnyNode | undefined
      if (next) next.comments = [...comments, ...(next.comments ?? [])]
    }
  }
  path.prune()
}

/** Source text of a node (recast keeps the original formatting of unmodified nodes). */
export function text(j: JSCodeshift, node: Node | ASTNode): string {
  return j(node as never).toSource()
}

/** The quote style the file already uses, so inserted strings match it. */
export function detectQuote(source: string): 'single' | 'double' {
  const single = source.match(/'/g)?.length ?? 0
  const double = source.match(/"/g)?.length ?? 0
  return double > single ? 'double' : 'single'
}

/**
 * The text the parser saw, which `start`/`end` offsets of nodes index: recast parses the source with
 * line breaks as `\n` and indentation tabs expanded (tab width 4), so offsets into the file's own
 * text are off in CRLF or tab-indented files.
 */
export function parsedText(root: Collection, fallback: string): string {
  const file = root.nodes()[0] as { loc?: { lines?: { toString(o: object): string } } | null } | undefined
  return file?.loc?.lines?.toString({ tabWidth: 4, reuseWhitespace: false, useTabs: false }) ?? fallback
}
