import type { API, FileInfo } from 'jscodeshift'
import type { TransformOptions } from '../context.js'
import { addTodo, parserFor, statementOf } from '../lib/ast.js'
import { print } from '../lib/print.js'

/** Rule 38: `pageContext.env` / `pageContext.ctx` came from vike-cloudflare's PageContext augmentation. */
export default function cloudflareEnv(file: FileInfo, api: API, _options: TransformOptions): string {
  const j = api.jscodeshift.withParser(parserFor(file.path))
  const root = j(file.source)
  root.find(j.MemberExpression).forEach((path) => {
    const { object, property, computed } = path.node
    const isPageContext =
      (object.type === 'Identifier' && object.name === 'pageContext') ||
      (object.type === 'MemberExpression' &&
        object.property.type === 'Identifier' &&
        object.property.name === 'pageContext')
    if (!isPageContext || computed || property.type !== 'Identifier') return
    if (property.name !== 'env' && property.name !== 'ctx') return
    addTodo(
      j,
      statementOf(path).node,
      `\`pageContext.${property.name}\` came from vike-cloudflare: use \`import { env } from 'cloudflare:workers'\` or \`pageContext.runtime.${property.name}\``,
    )
  })
  return print(root, file.source)
}
