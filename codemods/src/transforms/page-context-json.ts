import type { API, ASTPath, FileInfo, JSCodeshift, Node } from 'jscodeshift'
import { contextOf, type TransformOptions } from '../context.js'
import { parserFor } from '../lib/ast.js'
import { todoText } from '../lib/todo.js'

/**
 * The first Vike whose pageContext holds a circular object while pre-rendering: Vike 0.4.260 sets
 * `viteConfigUser._viteConfigUser = viteConfigUser` (node/api/build.ts), and the pageContext reaches that config.
 */
export const VIKE_CIRCULAR_PAGE_CONTEXT = '0.4.260'

/**
 * `JSON.stringify(pageContext)` in user code, when migrate raises Vike past 0.4.260: the whole pageContext then
 * holds Vike's circular Vite config while pre-rendering and JSON.stringify throws `Converting circular structure to
 * JSON` (seen on a real Solid app that inlined `window.__PAGE_CTX__ = ${JSON.stringify(pageCtx)}`). The code stays;
 * a TODO above its statement says what to serialize instead.
 */
export default function pageContextJson(file: FileInfo, api: API, options: TransformOptions): string {
  const j = api.jscodeshift.withParser(parserFor(file.path))
  const todos = new Map<number, string>() // 0-based line of the statement → its TODO
  const lines = file.source.split(/\r?\n/)
  j(file.source)
    .find(j.CallExpression, {
      callee: { type: 'MemberExpression', object: { name: 'JSON' }, property: { name: 'stringify' } },
    })
    .forEach((path) => {
      const argument = path.node.arguments[0]
      if (argument?.type !== 'Identifier' || !holdsPageContext(j, path, argument.name)) return
      const statement = statementIn(path)
      const start = (statement.node as Node).loc?.start
      if (!start) return
      const message = `\`JSON.stringify(${argument.name})\` serializes the whole pageContext, Vike's internals included: from Vike ${VIKE_CIRCULAR_PAGE_CONTEXT} (migrate raised it for vike-photon) they hold a circular Vite config while pre-rendering, and JSON.stringify throws "Converting circular structure to JSON". Serialize only the fields you need, or list them in passToClient (https://vike.dev/passToClient)`
      // A line above the statement must land in code: not when the statement shares its line with other code or
      // sits in a template literal's `${}`. Then the summary lists it, and the file stays as it is.
      const firstLine = j(statement).toSource().split('\n')[0]!.trim()
      const startsItsLine = lines[start.line - 1]!.trimStart().startsWith(firstLine) // loc columns count a tab as 4
      if (!startsItsLine || j(statement).closest(j.TemplateLiteral).size() > 0) {
        contextOf(options).reportedTodos.push({ file: file.path, line: start.line, message })
        return
      }
      todos.set(start.line - 1, todoText(message))
    })
  if (todos.size === 0) return file.source
  // A line inserted as text: printing the statement with an AST comment would reformat it (recast wraps JSX).
  const eol = file.source.includes('\r\n') ? '\r\n' : '\n'
  for (const [at, todo] of [...todos].sort(([a], [b]) => b - a)) {
    if (lines[at - 1]?.includes(todo)) continue // migrate ran before
    lines.splice(at, 0, `${/^\s*/.exec(lines[at]!)![0]}// ${todo}`)
  }
  return lines.join(eol)
}

/** The statement around `path` that is directly in a block or the program: the line a comment can go above. */
function statementIn(path: ASTPath): ASTPath {
  let p = path
  while (p.parent && !['Program', 'BlockStatement', 'StaticBlock', 'SwitchCase'].includes(p.parent.node.type)) {
    p = p.parent
  }
  return p
}

/** `name` is the pageContext: so named, or bound to `usePageContext()` (through `as` and `!`). */
function holdsPageContext(j: JSCodeshift, path: ASTPath, name: string): boolean {
  if (name === 'pageContext') return true
  let scope = path.scope
  while (scope && !scope.declares(name)) scope = scope.parent
  if (!scope) return false
  return j(scope.path)
    .find(j.VariableDeclarator, { id: { type: 'Identifier', name } })
    .some((declarator) => {
      let init = declarator.node.init as { type: string; expression?: unknown; callee?: unknown } | null | undefined
      while (init && ['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression'].includes(init.type)) {
        init = init.expression as typeof init
      }
      const callee = init?.type === 'CallExpression' ? (init.callee as { type: string; name?: string }) : null
      return callee?.type === 'Identifier' && callee.name === 'usePageContext'
    })
}
