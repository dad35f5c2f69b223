import {
  applyEdits,
  type EditResult,
  type FormattingOptions,
  findNodeAtLocation,
  type JSONPath,
  type Node as JsonNode,
  modify,
  type ParseError,
  parseTree,
  printParseErrorCode,
} from 'jsonc-parser'

/** A JSON/JSONC parse failure, with the position the CLI reports. */
export class JsonParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message)
    this.name = 'JsonParseError'
  }
}

export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n')
  return { line: before.length, column: before[before.length - 1]!.length + 1 }
}

/**
 * A JSON(C) document edited in place: every change is a minimal text edit (jsonc-parser's modify), so
 * indentation, key order, comments and trailing newline stay as the user wrote them.
 */
export class JsonDocument {
  text: string
  private readonly formatting: FormattingOptions

  constructor(text: string, allowComments = true) {
    const errors: ParseError[] = []
    parseTree(text, errors, { allowTrailingComma: allowComments, disallowComments: !allowComments })
    const first = errors[0]
    if (first) {
      const { line, column } = lineColumnAt(text, first.offset)
      throw new JsonParseError(`${printParseErrorCode(first.error)}`, line, column)
    }
    this.text = text
    this.formatting = detectFormatting(text)
  }

  get root(): JsonNode | undefined {
    return parseTree(this.text, [], { allowTrailingComma: true })
  }

  node(path: JSONPath): JsonNode | undefined {
    const root = this.root
    return root ? findNodeAtLocation(root, path) : undefined
  }

  get(path: JSONPath): unknown {
    const node = this.node(path)
    return node ? nodeValue(node) : undefined
  }

  keys(path: JSONPath): string[] {
    const node = this.node(path)
    if (node?.type !== 'object') return []
    return (node.children ?? []).map((p) => p.children![0]!.value as string)
  }

  /** Sets a value; a new key goes where `insertAt` says (default: sorted position if the keys are sorted, else last). */
  set(path: JSONPath, value: unknown, insertAt?: number): void {
    if (path.length > 1 && this.node(path.slice(0, -1)) === undefined) {
      // A missing parent object (e.g. no devDependencies yet) is created last in its own parent.
      const key = path[path.length - 1] as string
      this.set(path.slice(0, -1), { [key]: value }, this.keys(path.slice(0, -2)).length)
      return
    }
    const parentKeys = this.keys(path.slice(0, -1))
    const key = path[path.length - 1]
    const getInsertionIndex =
      insertAt !== undefined
        ? () => insertAt
        : typeof key === 'string' && isSorted(parentKeys)
          ? () => parentKeys.filter((k) => k.localeCompare(key) < 0).length
          : undefined
    this.apply(modify(this.text, path, value, { formattingOptions: this.formatting, getInsertionIndex }))
    // A new list of strings or numbers is written on one line: `"compatibility_flags": ["nodejs_compat"]`.
    const node = this.node(path)
    if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object') && node?.type === 'array') {
      const content = `[${value.map((v) => JSON.stringify(v)).join(', ')}]`
      this.text = applyEdits(this.text, [{ offset: node.offset, length: node.length, content }])
    }
  }

  remove(path: JSONPath): void {
    const node = this.node(path)
    if (node === undefined) return
    if (typeof path[path.length - 1] === 'number') {
      // Array elements: cut the element and one neighbouring comma, leaving the rest of the line as it was.
      const siblings = node.parent?.children ?? []
      const i = siblings.indexOf(node)
      const prev = siblings[i - 1]
      const next = siblings[i + 1]
      const [start, end] = prev
        ? [prev.offset + prev.length, node.offset + node.length]
        : next
          ? [node.offset, next.offset]
          : [node.offset, node.offset + node.length]
      this.apply([{ offset: start, length: end - start, content: '' }])
      return
    }
    this.apply(modify(this.text, path, undefined, { formattingOptions: this.formatting }))
  }

  /** True when the keys of the object at `path` are in alphabetical order. */
  isSorted(path: JSONPath): boolean {
    return isSorted(this.keys(path))
  }

  /** Renames an object key in place (same position), optionally replacing its value. */
  rename(path: JSONPath, newKey: string, newValue?: unknown): void {
    const node = this.node(path)
    const prop = node?.parent
    if (!node || !prop || prop.type !== 'property') return
    const keyNode = prop.children![0]!
    const edits: EditResult = [{ offset: keyNode.offset, length: keyNode.length, content: JSON.stringify(newKey) }]
    if (newValue !== undefined) {
      edits.push({ offset: node.offset, length: node.length, content: JSON.stringify(newValue) })
    }
    this.apply(edits)
  }

  /** Index of a key among its siblings. */
  indexOf(path: JSONPath): number {
    return this.keys(path.slice(0, -1)).indexOf(path[path.length - 1] as string)
  }

  /** 1-based line of the value at `path` (for report-only TODOs). */
  lineOf(path: JSONPath): number {
    const node = this.node(path)
    const at = node?.parent?.type === 'property' ? node.parent.offset : (node?.offset ?? 0)
    return lineColumnAt(this.text, at).line
  }

  /** Inserts a `// comment` line above the property at `path` (JSONC only), once. */
  commentAbove(path: JSONPath, comment: string): void {
    const node = this.node(path)
    const at = node?.parent?.type === 'property' ? node.parent.offset : node?.offset
    if (at === undefined) return
    const lineStart = this.text.lastIndexOf('\n', at - 1) + 1
    const indent = /^[ \t]*/.exec(this.text.slice(lineStart))![0]
    const prevLineStart = this.text.lastIndexOf('\n', lineStart - 2) + 1
    if (lineStart > 0 && this.text.slice(prevLineStart, lineStart).includes(comment)) return
    this.apply([{ offset: lineStart, length: 0, content: `${indent}// ${comment}\n` }])
  }

  /**
   * Applies edits, then gives back their one-line form to the arrays and objects that were on one line
   * (jsonc-parser's formatting reflows the neighbours of an edit: `"flags": ["nodejs_compat"]` above a new key
   * became three lines). An array that only gained elements at its end keeps its text, with them appended.
   */
  private apply(edits: EditResult): void {
    const oneLine = this.oneLineContainers()
    this.text = applyEdits(this.text, edits)
    for (const [path, was] of oneLine) {
      const node = this.node(path)
      if (!node || node.type !== was.node.type) continue
      const now = this.text.slice(node.offset, node.offset + node.length)
      if (!now.includes('\n')) continue
      const before = nodeValue(was.node)
      const after = nodeValue(node)
      let content: string | null = null
      if (JSON.stringify(before) === JSON.stringify(after)) content = was.text
      else if (Array.isArray(before) && Array.isArray(after) && appendedScalars(before, after)) {
        const added = after.slice(before.length).map((v) => JSON.stringify(v))
        const close = was.text.lastIndexOf(']')
        const head = was.text.slice(0, close).trimEnd()
        const sep = before.length === 0 ? '' : head.endsWith(',') ? ' ' : ', '
        content = `${head}${sep}${added.join(', ')}${was.text.slice(close)}`
      }
      if (content !== null) this.text = applyEdits(this.text, [{ offset: node.offset, length: node.length, content }])
    }
  }

  /** Arrays and objects written on one line, by path, outermost first. */
  private oneLineContainers(): [JSONPath, { node: JsonNode; text: string }][] {
    const found: [JSONPath, { node: JsonNode; text: string }][] = []
    const walk = (node: JsonNode, path: JSONPath): void => {
      if (node.type !== 'array' && node.type !== 'object') return
      const text = this.text.slice(node.offset, node.offset + node.length)
      if (!text.includes('\n')) {
        found.push([path, { node, text }])
        return // what is inside goes with it
      }
      ;(node.children ?? []).forEach((child, i) => {
        if (node.type === 'array') walk(child, [...path, i])
        else if (child.children?.[1]) walk(child.children[1], [...path, child.children[0]!.value as string])
      })
    }
    const root = this.root
    if (root) walk(root, [])
    return found
  }
}

function appendedScalars(before: unknown[], after: unknown[]): boolean {
  return (
    after.length > before.length &&
    before.every((v, i) => JSON.stringify(v) === JSON.stringify(after[i])) &&
    after.slice(before.length).every((v) => v === null || typeof v !== 'object')
  )
}

function nodeValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries((node.children ?? []).map((p) => [p.children![0]!.value, nodeValue(p.children![1]!)]))
    case 'array':
      return (node.children ?? []).map(nodeValue)
    default:
      return node.value
  }
}

function isSorted(keys: string[]): boolean {
  return keys.every((k, i) => i === 0 || keys[i - 1]!.localeCompare(k) <= 0)
}

function detectFormatting(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n'
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  '
  return indent.startsWith('\t')
    ? { insertSpaces: false, tabSize: 1, eol }
    : { insertSpaces: true, tabSize: indent.length, eol }
}
