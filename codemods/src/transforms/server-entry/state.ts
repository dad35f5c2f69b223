import type {
  ASTPath,
  AwaitExpression,
  CallExpression,
  Collection,
  ImportDeclaration,
  JSCodeshift,
  ObjectExpression,
  ObjectProperty,
  Program,
} from 'jscodeshift'
import type { MigrateContext } from '../../context.js'
import { asyncApplyFrameworks, type Framework } from '../../frameworks.js'
import { addTodo, statementOf } from '../../lib/ast.js'

/** An argument of a call (an expression or a spread). */
export type Arg = CallExpression['arguments'][number]
/** A member of an object literal (property, method, spread). */
export type Member = ObjectExpression['properties'][number]
export type Statement = Program['body'][number]
export type ImportSpec = NonNullable<ImportDeclaration['specifiers']>[number]

/** The parent path of a path (ast-types types it `any`). */
export function parentOf(path: ASTPath | null | undefined): ASTPath | null {
  return (path?.parent as ASTPath | undefined) ?? null
}

export function isFunctionNode(n: { type: string } | null | undefined): boolean {
  return n?.type === 'ArrowFunctionExpression' || n?.type === 'FunctionExpression'
}

/** What the server-entry steps share while they rewrite one file. */
export class EntryState {
  applyLocal = 'apply'
  serveLocal = 'serve'
  /** Local name of vike-node's `vike()` middleware. */
  vikeMiddleware: string | null = null
  /** vike-node's import of it, as written (put back when a `vike()` call cannot be rewritten). */
  vikeImport: ImportDeclaration | null = null
  /** The `@photonjs/<fw>` import that replaced the first legacy import. */
  target: ASTPath<ImportDeclaration> | null = null
  /** Imports whose unused specifiers are pruned at the end (node:http, h3 after a listen() rewrite). */
  touched: ASTPath<ImportDeclaration>[] = []
  usesGetMiddlewares = false
  /** The entry used vike-node 0.1's `vike-node/connect` (Connect-style middleware, mapped to @photonjs/express). */
  connect = false

  constructor(
    readonly j: JSCodeshift,
    readonly root: Collection,
    readonly ctx: MigrateContext,
    readonly fw: Framework,
    readonly ts: boolean,
  ) {}

  get program(): Program {
    return this.root.find(this.j.Program).nodes()[0]!
  }

  todo(path: ASTPath, message: string): void {
    addTodo(this.j, statementOf(path).node, message)
  }

  applyCall(app: Arg, middlewares?: Arg): CallExpression | AwaitExpression {
    const j = this.j
    const call = j.callExpression(j.identifier(this.applyLocal), middlewares ? [app, middlewares] : [app])
    return asyncApplyFrameworks.has(this.fw) ? j.awaitExpression(call) : call
  }

  serveCall(app: Arg, props: Member[]): CallExpression {
    const j = this.j
    const args = props.length > 0 ? [app, j.objectExpression(props)] : [app]
    return j.callExpression(j.identifier(this.serveLocal), args)
  }

  prop(name: string, value: ObjectProperty['value']): ObjectProperty {
    const j = this.j
    const p = j.objectProperty(j.identifier(name), value)
    if (value?.type === 'Identifier' && value.name === name) p.shorthand = true
    return p
  }
}
