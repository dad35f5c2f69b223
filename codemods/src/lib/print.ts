import type { Collection, Node } from 'jscodeshift'
import { detectQuote, REMOVED } from './ast.js'

/** How the user writes code, read from the file before the transform changed it. */
export interface CodeStyle {
  quote: 'single' | 'double'
  semicolons: boolean
  trailingComma: boolean
  eol: '\n' | '\r\n'
}

/**
 * Prints a transformed file in the file's own style. Recast reprints only the nodes a transform changed
 * (transforms mutate in place and remove children with removeProp/removeElement, so arrays and objects
 * keep their line breaks and trailing comments); the rest is undone here: placeholders of removed
 * children are cut out with their comma, semicolons recast put on new statements of a semicolon-free
 * file are dropped, and so are blank lines recast put around new multi-line properties.
 *
 * `original` must be the text `root` was parsed from.
 */
export function print(root: Collection, original: string): string {
  const style = detectStyle(root, original)
  const printed = root.toSource({
    quote: style.quote,
    lineTerminator: style.eol,
    trailingComma: style.trailingComma,
  })
  const output = cutRemoved(printed)
  if (output === original) return output
  return tidy(original, output, style)
}

const asiStatements = new Set([
  'ExpressionStatement',
  'VariableDeclaration',
  'ImportDeclaration',
  'ExportNamedDeclaration',
  'ExportDefaultDeclaration',
  'ExportAllDeclaration',
  'ReturnStatement',
  'ThrowStatement',
  'BreakStatement',
  'ContinueStatement',
  'TSTypeAliasDeclaration',
])

/**
 * The file's quotes (string literals, JSX attributes aside) and semicolons (statements where ASI
 * applies), by majority, from the nodes that still hold their original positions.
 */
export function detectStyle(root: Collection, original: string): CodeStyle {
  let single = 0
  let double = 0
  let semi = 0
  let noSemi = 0
  const seen = new Set<object>()
  const visit = (node: Node, parent: Node | null): void => {
    if (seen.has(node)) return
    seen.add(node)
    const n = node as Node & { start?: number; end?: number; extra?: { raw?: string }; declaration?: Node | null }
    // Nodes a transform built have no position (and ast-types gives them double-quoted `raw`s).
    if (n.type === 'StringLiteral' && typeof n.start === 'number' && parent?.type !== 'JSXAttribute') {
      const raw = n.extra?.raw
      if (raw?.startsWith("'")) single++
      else if (raw?.startsWith('"')) double++
    }
    if (asiStatements.has(n.type) && typeof n.start === 'number' && typeof n.end === 'number') {
      const skip =
        (n.type === 'VariableDeclaration' &&
          parent !== null &&
          !/^(Program|BlockStatement|StaticBlock)$/.test(parent.type)) ||
        ((n.type === 'ExportNamedDeclaration' || n.type === 'ExportDefaultDeclaration') &&
          n.declaration != null &&
          /Function|Class|TSInterface|TSModule|TSEnum|TSTypeAlias/.test(n.declaration.type))
      if (!skip) {
        if (original.slice(n.start, n.end).trimEnd().endsWith(';')) semi++
        else noSemi++
      }
    }
    for (const key of Object.keys(n)) {
      if (key === 'loc' || key === 'tokens' || key === 'original' || key === 'comments' || key === 'extra') continue
      const value = (n as unknown as Record<string, unknown>)[key]
      if (Array.isArray(value)) {
        for (const v of value) if (v && typeof v === 'object' && typeof (v as Node).type === 'string') visit(v, n)
      } else if (value && typeof value === 'object' && typeof (value as Node).type === 'string') {
        visit(value as Node, n)
      }
    }
  }
  for (const node of root.nodes()) visit(node as Node, null)
  return {
    quote: single === double ? detectQuote(original) : double > single ? 'double' : 'single',
    semicolons: semi === noSemi ? /;\r?\n/.test(original) : semi > noSemi,
    trailingComma: /,\r?\n\s*[}\]]/.test(original),
    eol: original.includes('\r\n') ? '\r\n' : '\n',
  }
}

/**
 * Cuts out the placeholders removeProp/removeElement left: a placeholder alone on its line goes with
 * the line; otherwise it goes with the comma after it, or else with the comma before it.
 */
export function cutRemoved(text: string): string {
  let out = text
  for (let at = out.lastIndexOf(REMOVED); at !== -1; at = at > 0 ? out.lastIndexOf(REMOVED, at - 1) : -1) {
    let end = at + REMOVED.length
    while (out[end] === ' ' || out[end] === '\t') end++
    const hadComma = out[end] === ','
    if (hadComma) end++
    let lineStart = at
    while (lineStart > 0 && (out[lineStart - 1] === ' ' || out[lineStart - 1] === '\t')) lineStart--
    let lineEnd = end
    while (out[lineEnd] === ' ' || out[lineEnd] === '\t') lineEnd++
    const ownLine = (lineStart === 0 || out[lineStart - 1] === '\n') && (out[lineEnd] === '\n' || out[lineEnd] === '\r')
    if (ownLine) {
      if (out[lineEnd] === '\r') lineEnd++
      out = out.slice(0, lineStart) + out.slice(lineEnd + 1)
      if (!hadComma) {
        // It was the last entry, written without a trailing comma: the entry before it is last now.
        const prevLineEnd = out.lastIndexOf('\n', lineStart - 1)
        const prevLineStart = out.lastIndexOf('\n', prevLineEnd - 1) + 1
        const prevLine = out.slice(prevLineStart, prevLineEnd).replace(/\r$/, '')
        const m = /,([ \t]*\/\/.*)?$/.exec(prevLine)
        if (m && prevLineEnd > 0) {
          const at = prevLineStart + m.index
          out = out.slice(0, at) + out.slice(at + 1)
          lineStart--
        }
      }
      let prev = lineStart - 1
      while (prev >= 0 && /\s/.test(out[prev]!)) prev--
      // An emptied multi-line array or object: `[\n]` → `[]`.
      let next = prev + 1
      while (next < out.length && /\s/.test(out[next]!)) next++
      if ((out[prev] === '[' && out[next] === ']') || (out[prev] === '{' && out[next] === '}')) {
        out = out.slice(0, prev + 1) + out.slice(next)
      }
    } else if (hadComma) {
      out = out.slice(0, at) + out.slice(lineEnd)
    } else {
      let prev = at - 1
      while (prev >= 0 && /\s/.test(out[prev]!)) prev--
      out = out[prev] === ',' ? out.slice(0, prev) + out.slice(end) : out.slice(0, at) + out.slice(end)
    }
  }
  return out
}

/** Comments saying the entry needs no default export are stale once the migration adds one. */
const staleExportComment =
  /^\s*(?:\/\/|\/\*|\*).*(?:\bno need to (?:\w+ )?export\b|\bno (?:default )?export\b|\b(?:don'?t|do not|doesn'?t|does not) (?:need (?:to )?)?(?:\w+ )?export\b)/i

export function tidy(original: string, output: string, style?: Pick<CodeStyle, 'semicolons' | 'eol'>): string {
  const eol = style?.eol ?? (original.includes('\r\n') ? '\r\n' : '\n')
  const before = original.split(/\r?\n/)
  const known = new Set(before.map((l) => l.trim()))
  const semicolonFree =
    style !== undefined ? !style.semicolons : !before.some((l) => /;\s*$/.test(l) && !/^\s*for\s*\(/.test(l))
  let lines = output
    .split(/\r?\n/)
    .map((line) =>
      semicolonFree && !known.has(line.trim()) && /;$/.test(line) && !/^\s*for\s*\(/.test(line)
        ? line.slice(0, -1)
        : line,
    )

  // A comment like "no need to export default" right above an `export default` the migration wrote.
  lines = lines.filter((line, i) => {
    if (!staleExportComment.test(line)) return true
    let k = i + 1
    while (k < lines.length && /^\s*(?:\/\/|\/\*|\*)/.test(lines[k]!)) k++
    const next = lines[k]
    return !(next !== undefined && /^\s*export default\b/.test(next) && !known.has(next.trim()))
  })

  // Blank lines: between two lines that exist once in both texts (anchors), the output may not have more
  // blank lines than the original had; extra ones are recast's, next to the code it printed.
  const count = (arr: string[]) => {
    const m = new Map<string, number>()
    for (const l of arr) if (l.trim()) m.set(l.trim(), (m.get(l.trim()) ?? 0) + 1)
    return m
  }
  const inBefore = count(before)
  const inAfter = count(lines)
  const isAnchor = (l: string) => inBefore.get(l.trim()) === 1 && inAfter.get(l.trim()) === 1
  const beforeIndex = new Map(before.map((l, i) => [l.trim(), i]))
  const drop = new Set<number>()
  let lastAnchor = -1
  for (let i = 0; i <= lines.length; i++) {
    if (i < lines.length && !isAnchor(lines[i]!)) continue
    const from = lastAnchor === -1 ? -1 : beforeIndex.get(lines[lastAnchor]!.trim())!
    const to = i === lines.length ? before.length : beforeIndex.get(lines[i]!.trim())!
    if (from < to) {
      const allowed = before.slice(from + 1, to).filter((l) => l.trim() === '').length
      const blanks: number[] = []
      for (let k = lastAnchor + 1; k < i; k++) if (lines[k]!.trim() === '') blanks.push(k)
      const extra = blanks.length - allowed
      if (extra > 0) {
        const nextToNew = (k: number) =>
          [lines[k - 1], lines[k + 1]].some((l) => l !== undefined && l.trim() !== '' && !known.has(l.trim()))
        blanks.sort((a, b) => Number(nextToNew(b)) - Number(nextToNew(a)))
        for (const k of blanks.slice(0, extra)) drop.add(k)
      }
    }
    lastAnchor = i
  }
  return lines.filter((_, i) => !drop.has(i)).join(eol)
}
