import { VikePhotonError } from '../../../packages/vike-photon/src/errors.js'
import { resolveSettings } from '../../../packages/vike-photon/src/plugin/resolve-settings.js'

/** A value that is not a plain literal (an identifier, a call, a condition): only the user's build can judge it. */
export const NOT_LITERAL = Symbol('not a literal')

interface Node {
  type: string
  [key: string]: unknown
}

/** The value of a literal expression (strings, numbers, booleans, null, arrays and objects of them), or NOT_LITERAL. */
export function literalValue(node: Node): unknown {
  switch (node.type) {
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BooleanLiteral':
      return node.value
    case 'NullLiteral':
      return null
    case 'TemplateLiteral': {
      const quasis = node.quasis as { value: { cooked: string } }[]
      return (node.expressions as unknown[]).length === 0 ? quasis[0]!.value.cooked : NOT_LITERAL
    }
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'ParenthesizedExpression':
      return literalValue(node.expression as Node)
    case 'UnaryExpression': {
      const argument = literalValue(node.argument as Node)
      return node.operator === '-' && typeof argument === 'number' ? -argument : NOT_LITERAL
    }
    case 'ArrayExpression': {
      const items = (node.elements as Node[]).map((e) => (e ? literalValue(e) : NOT_LITERAL))
      return items.includes(NOT_LITERAL) ? NOT_LITERAL : items
    }
    case 'ObjectExpression': {
      const out: Record<string, unknown> = {}
      for (const prop of node.properties as Node[]) {
        if (prop.type !== 'ObjectProperty' || prop.computed) return NOT_LITERAL
        const key = prop.key as Node
        const name =
          key.type === 'Identifier' ? (key.name as string) : key.type === 'StringLiteral' ? (key.value as string) : null
        const value = literalValue(prop.value as Node)
        if (name === null || value === NOT_LITERAL) return NOT_LITERAL
        out[name] = value
      }
      return out
    }
    default:
      return NOT_LITERAL
  }
}

/**
 * What vike-photon's own settings resolver says about a `photon` object (the same check `vike build` runs): one
 * message per problem, none when it is accepted. File paths are taken as existing: migrate writes the paths it found.
 */
export function photonSettingProblems(photon: Record<string, unknown>): string[] {
  try {
    resolveSettings({
      value: photon,
      definedAt: null,
      definedAtAbsolute: null,
      root: '/',
      fileExists: () => true,
      isDirectory: () => true,
    })
    return []
  } catch (error) {
    if (!(error instanceof VikePhotonError)) throw error
    return error.message
      .split('\n')
      .filter((line) => line.startsWith('  - '))
      .map((line) => line.slice(4))
  }
}
