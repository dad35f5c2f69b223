import jscodeshift, { type Collection, type Node } from 'jscodeshift'
import { detectQuote, parsedText, REMOVED } from './ast.js'
import { TODO_MARKER } from './todo.js'

/** How the user writes code, read from the file before the transform changed it. */
export interface CodeStyle {
  quote: 'single' | 'double'
  semicolons: boolean
  trailingComma: boolean
  /** Indents with tabs (recast indents with spaces unless told). */
  tabs: boolean
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
  const toSource = () =>
    cutRemoved(
      root.toSource({
        quote: style.quote,
        lineTerminator: style.eol,
        trailingComma: style.trailingComma,
        useTabs: style.tabs,
      }),
    )
  // A comment added to a node makes recast reprint that node from scratch; TODOs on nodes that are
  // otherwise unchanged are written as lines of text instead, above the node's first line.
  const appends = parsedText(root, original) === original ? deferAppends(root) : []
  const deferred = deferTodos(root)
  let output = toSource()
  if (appends.length > 0) {
    const placed = placeAppends(output, original, appends, style)
    if (placed !== null && parses(placed)) output = placed
    else {
      for (const a of appends) a.restore()
      output = toSource()
    }
  }
  if (deferred.length > 0) {
    const placed = placeTodos(output, parsedText(root, original), deferred)
    if (placed !== null) output = placed
    else {
      for (const d of deferred) d.restore()
      output = toSource()
    }
  }
  if (output === original) return output
  return tidy(original, output, style)
}

type Positioned = Node & { start?: number; end?: number; original?: Node }
interface DeferredAppend {
  container: Positioned
  /** The last child the container had in the original text. */
  last: Positioned
  items: Node[]
  restore: () => void
}

/**
 * Children a transform appended to an array or object literal of the original text (`extends`,
 * `photon`): recast would reprint the whole literal (one-line arrays, trailing comments moved), so
 * they are taken off and written as text after the last original child, in the literal's layout.
 */
function deferAppends(root: Collection): DeferredAppend[] {
  const found: DeferredAppend[] = []
  walk(root, (node) => {
    const n = node as Positioned
    const key = n.type === 'ArrayExpression' ? 'elements' : n.type === 'ObjectExpression' ? 'properties' : null
    if (!key || typeof n.start !== 'number' || !n.original) return
    const children = (n as unknown as Record<string, Positioned[]>)[key]!
    const before = ((n.original as unknown as Record<string, Positioned[]>)[key] ?? []).length
    if (before === 0 || children.length <= before) return
    const tail = children.slice(before)
    const last = children[before - 1]!
    if (tail.some((c) => !c || typeof c.start === 'number') || typeof last?.start !== 'number') return
    ;(n as unknown as Record<string, Positioned[]>)[key] = children.slice(0, before)
    found.push({
      container: n,
      last,
      items: tail,
      restore: () => {
        ;(n as unknown as Record<string, Positioned[]>)[key] = children
      },
    })
  })
  return found
}

/** Whether text still parses (TypeScript, or TSX for files with JSX). */
function parses(text: string): boolean {
  for (const parser of ['ts', 'tsx'] as const) {
    try {
      jscodeshift.withParser(parser)(text)
      return true
    } catch {}
  }
  return false
}

/** A node's current text without its comments (single-line nodes: as the output has it). */
function printBare(node: Node, style: CodeStyle): string {
  const n = node as Node & { comments?: unknown }
  const comments = n.comments
  n.comments = null
  try {
    return jscodeshift(node as never).toSource({ quote: style.quote })
  } finally {
    n.comments = comments
  }
}

/** Writes appended children after the last original child; null when that spot is not found exactly once. */
function placeAppends(output: string, original: string, appends: DeferredAppend[], style: CodeStyle): string | null {
  let out = output
  const done: { from: string; to: string; start: number; end: number }[] = []
  for (const a of [...appends].sort(
    (x, y) => x.container.end! - x.container.start! - (y.container.end! - y.container.start!),
  )) {
    const { start, end } = a.container as { start: number; end: number }
    const lastStart = a.last.start!
    const lastEnd = a.last.end!
    const lastOriginal = original.slice(lastStart, lastEnd)
    let lastNow = lastOriginal.includes('\n') ? lastOriginal : printBare(a.last, style)
    // A literal inside the last child got its appends already (innermost first).
    for (const d of done) if (d.start >= lastStart && d.end <= lastEnd) lastNow = lastNow.replace(d.from, d.to)
    const from = lastNow + original.slice(lastEnd, end)
    if (out.split(from).length !== 2) return null
    const multiLine = original.slice(start, end).includes('\n')
    const lineStart = original.lastIndexOf('\n', lastStart - 1) + 1
    const indent = /^[ \t]*/.exec(original.slice(lineStart))![0]
    const closingIndent = /^[ \t]*/.exec(original.slice(original.lastIndexOf('\n', end - 1) + 1))![0]
    const unit =
      indent.startsWith(closingIndent) && indent.length > closingIndent.length
        ? indent.slice(closingIndent.length)
        : '  '
    const printed = a.items.map((item) =>
      jscodeshift(item as never)
        .toSource({
          quote: style.quote,
          trailingComma: style.trailingComma,
          tabWidth: unit.length,
          useTabs: style.tabs,
        })
        .split(/\r?\n/)
        .join(`\n${multiLine ? indent : ''}`),
    )
    // `from` starts with the last child; what follows it up to the closing bracket stays as written.
    const afterLast = from.slice(lastNow.length)
    const comma = /^\s*,/.exec(afterLast)
    let to: string
    if (!multiLine) {
      const at = lastNow.length + (comma ? comma[0].length : 0)
      if (comma) to = `${from.slice(0, lastNow.length)}, ${printed.join(', ')}${comma[0]}${from.slice(at)}`
      else to = `${from.slice(0, lastNow.length)}${printed.map((p) => `, ${p}`).join('')}${from.slice(lastNow.length)}`
      const at0 = out.indexOf(from)
      const lineOf = out.slice(out.lastIndexOf('\n', at0) + 1, at0) + to
      if (lineOf.split('\n')[0]!.length > 100) return null // too long for one line: let recast lay it out
    } else {
      // After the last child's line (its comma and trailing comment stay on it).
      const eolAt = from.indexOf('\n', lastNow.length)
      if (eolAt === -1) return null
      const lineEnd = from[eolAt - 1] === '\r' ? eolAt - 1 : eolAt
      const eol = from.slice(lineEnd, eolAt + 1)
      const hadComma =
        comma !== null &&
        comma.index === 0 &&
        !from.slice(lastNow.length, lastNow.length + comma[0].length).includes('\n')
      const lines = printed.map((p, i) => `${indent}${p}${i < printed.length - 1 || hadComma ? ',' : ''}`)
      const head = hadComma
        ? from.slice(0, lineEnd)
        : `${from.slice(0, lastNow.length)},${from.slice(lastNow.length, lineEnd)}`
      to = `${head}${eol}${lines.join(eol)}${from.slice(lineEnd)}`
    }
    out = out.replace(from, () => to)
    done.push({ from, to, start, end })
  }
  return out
}

type Comment = { type: string; value: string; loc?: unknown; leading?: boolean; trailing?: boolean }
interface DeferredTodo {
  /** 1-based line of the node in the original text. */
  line: number
  node: Node
  comments: Comment[]
  restore: () => void
}

/**
 * Takes the new TODO comments off nodes that come from the original text (they keep their position).
 * A node parsed from another text (a property built with `j('({ … })')`) has positions in that text,
 * not in this file: its TODO stays on it and recast prints it.
 */
function deferTodos(root: Collection): DeferredTodo[] {
  const deferred: DeferredTodo[] = []
  const fileLines = (root.nodes()[0] as { loc?: { lines?: unknown } | null } | undefined)?.loc?.lines
  walk(root, (node, inCode) => {
    const n = node as Node & {
      comments?: Comment[] | null
      loc?: { start: { line: number }; lines?: unknown } | null
      start?: number
    }
    if (!inCode || !n.comments || typeof n.start !== 'number' || !n.loc || !fileLines) return
    if (n.loc.lines !== fileLines) return
    const todos = n.comments.filter((c) => !c.loc && c.value.includes(TODO_MARKER) && c.leading !== false)
    if (todos.length === 0) return
    const all = n.comments
    const others = all.filter((c) => !todos.includes(c))
    if (others.length > 0) n.comments = others
    else delete n.comments
    deferred.push({
      line: n.loc.start.line,
      node: n,
      comments: todos,
      restore: () => {
        n.comments = all
      },
    })
  })
  return deferred
}

const leadingComments = /^(?:\s*(?:\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*/

/**
 * Writes each TODO above its node's line; null when a line cannot be found exactly once where it was.
 * `parsed` is the text the nodes' lines number (parsedText(): a transform may have parsed an edited copy
 * of the file, and then the file's own lines are not theirs).
 */
function placeTodos(output: string, parsed: string, deferred: DeferredTodo[]): string | null {
  const eol = output.includes('\r\n') ? '\r\n' : '\n'
  const lines = output.split(/\r?\n/)
  const before = parsed.split(/\r?\n/)
  const inserts = new Map<number, string[]>()
  for (const d of deferred) {
    const text = before[d.line - 1]?.trim()
    if (!text) return null
    const ordinal = before.slice(0, d.line - 1).filter((l) => l.trim() === text).length
    const inOriginal = before.filter((l) => l.trim() === text).length
    const candidates = lines.flatMap((l, i) => (l.trim() === text ? [i] : []))
    let at = candidates.length === inOriginal ? candidates[ordinal] : undefined
    if (at === undefined) {
      // The node's first line changed (e.g. an identifier in it was renamed): find it as printed, if unique.
      const code = cutRemoved(jscodeshift(d.node as never).toSource()).replace(leadingComments, '')
      const printed = code.split(/\r?\n/)[0]!.trim()
      const found = printed ? lines.flatMap((l, i) => (l.trim() === printed ? [i] : [])) : []
      if (found.length !== 1) return null
      at = found[0]!
    }
    const indent = /^\s*/.exec(lines[at]!)![0]
    inserts.set(at, [...(inserts.get(at) ?? []), ...d.comments.map((c) => `${indent}//${c.value}`)])
  }
  return lines.flatMap((l, i) => [...(inserts.get(i) ?? []), l]).join(eol)
}

/** Visits every node; `inCode` is false inside JSX and template literals, where a comment line would be text. */
function walk(root: Collection, visit: (node: Node, inCode: boolean, parent: Node | null) => void): void {
  const seen = new Set<object>()
  const go = (node: Node, parent: Node | null, inCode: boolean): void => {
    if (seen.has(node)) return
    seen.add(node)
    visit(node, inCode, parent)
    const code = inCode && !/^(JSX\w+|TemplateLiteral)$/.test(node.type)
    for (const key of Object.keys(node)) {
      if (key === 'loc' || key === 'tokens' || key === 'original' || key === 'comments' || key === 'extra') continue
      const value = (node as unknown as Record<string, unknown>)[key]
      if (Array.isArray(value)) {
        for (const v of value) if (v && typeof v === 'object' && typeof (v as Node).type === 'string') go(v, node, code)
      } else if (value && typeof value === 'object' && typeof (value as Node).type === 'string') {
        go(value as Node, node, code)
      }
    }
  }
  for (const node of root.nodes()) go(node as Node, null, true)
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
  const parsed = parsedText(root, original)
  walk(root, (node, _inCode, parent) => {
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
        if (parsed.slice(n.start, n.end).trimEnd().endsWith(';')) semi++
        else noSemi++
      }
    }
  })
  return {
    quote: single === double ? detectQuote(original) : double > single ? 'double' : 'single',
    semicolons: semi === noSemi ? /;\r?\n/.test(original) : semi > noSemi,
    trailingComma: /,[ \t]*(\/\/[^\n]*)?\r?\n\s*[}\]]/.test(original),
    tabs: (original.match(/^\t/gm)?.length ?? 0) > (original.match(/^ +\S/gm)?.length ?? 0),
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
      const tokenEnd = at + REMOVED.length // the space after it stays: `{ a, X }` → `{ a }`
      out = out[prev] === ',' ? out.slice(0, prev) + out.slice(tokenEnd) : out.slice(0, at) + out.slice(tokenEnd)
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
      semicolonFree && !known.has(line.trim()) && /;$/.test(line) && !/^\s*(for\s*\(|\/\/|\*|\/\*)/.test(line)
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
