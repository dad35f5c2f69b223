import type { API, FileInfo, Node, ObjectExpression } from 'jscodeshift'
import { findConfigObjects, getProp, isStringValue, type Prop, parserFor, propName, unwrap } from '../lib/ast.js'
import { todoText } from '../lib/todo.js'

/** The `photon` keys vike-photon takes (plugin/resolve-settings.ts); upstream also passed Photon's own options on. */
const knownKeys = new Set(['server', 'hmr', 'compress', 'static', 'endpoints', 'entries', 'standalone'])
const standaloneKeys = new Set(['bundle', 'minify', 'trace', 'external', 'esbuild'])

interface Edit {
  start: number
  end: number
  text: string
}

type Located = Node & { start: number; end: number }

/**
 * The `photon` setting of an app on the earlier vike-photon 0.1 (in `+config` or a `+photon` file), rewritten
 * where vike-photon reads it differently: `server: { id }`, `compress: 'static'`, sirv options in `static`,
 * and Photon options vike-photon does not take. A value that changes keeps the old one as a comment under a TODO.
 * Edits are made on the text, so the rest of the file stays byte for byte.
 */
export default function upstreamSettings(file: FileInfo, api: API): string {
  const j = api.jscodeshift.withParser(parserFor(file.path))
  const root = j(file.source)
  const plusPhoton = /(^|\/)\+photon\.[cm]?[jt]s$/.test(file.path)
  const edits: Edit[] = []
  for (const config of findConfigObjects(j, root)) {
    if (plusPhoton) {
      rewrite(file.source, config, edits)
      continue
    }
    const photon = getProp(config, 'photon')
    const value = photon ? unwrap(photon.value as Node) : null
    if (value?.type === 'ObjectExpression') rewrite(file.source, value as ObjectExpression, edits)
  }
  return applyEdits(file.source, edits)
}

function rewrite(source: string, photon: ObjectExpression, edits: Edit[]): void {
  for (const prop of photon.properties) {
    const name = propName(prop)
    if (name === null) continue
    const p = prop as Prop
    const value = unwrap(p.value as Node)
    if (!knownKeys.has(name)) {
      commentOut(
        source,
        p,
        `\`photon.${name}\` is an option of Photon that vike-photon does not take (it sets up Photon itself): it was commented out; see docs/settings.md for what vike-photon offers`,
        null,
        edits,
      )
    } else if (name === 'server' && value.type === 'ObjectExpression') {
      const obj = value as ObjectExpression
      const id = getProp(obj, 'id')
      if (!id) continue
      const others = obj.properties.filter((o) => o !== id).map((o) => propName(o) ?? '...')
      const replacement = `server: ${slice(source, unwrap(id.value as Node))}`
      if (others.length === 0) edits.push({ start: start(p), end: end(p), text: replacement })
      else {
        commentOut(
          source,
          p,
          `vike-photon takes \`photon.server\` as a path and finds the framework from the entry's imports; ${others.map((o) => `\`${o}\``).join(', ')} had no equivalent`,
          replacement,
          edits,
        )
      }
    } else if (name === 'compress' && isStringValue(value, 'static')) {
      commentOut(
        source,
        p,
        "`compress: 'static'` (static files only) has no vike-photon equivalent: `true` compresses pages on the fly and static files at build time, `false` neither",
        'compress: true',
        edits,
      )
    } else if (name === 'static' && value.type === 'ObjectExpression') {
      const obj = value as ObjectExpression
      if (getProp(obj, 'cacheControl') && obj.properties.length === 1) continue
      const maxAge = getProp(obj, 'maxAge')
      const seconds = maxAge ? unwrap(maxAge.value as Node) : null
      const immutable = getProp(obj, 'immutable')
      const cacheControl =
        seconds?.type === 'NumericLiteral'
          ? `public, max-age=${(seconds as unknown as { value: number }).value}${isTrue(immutable) ? ', immutable' : ''}`
          : null
      const quote = source[start(p)] === '"' || /"/.test(slice(source, p)) ? '"' : "'"
      commentOut(
        source,
        p,
        `vike-photon serves dist/client itself (hashed files under /assets/ are cached as immutable) and takes only \`{ cacheControl }\` for the other files; these sirv options have no equivalent: ${obj.properties.map((o) => propName(o) ?? '...').join(', ')}`,
        cacheControl ? `static: { cacheControl: ${quote}${cacheControl}${quote} }` : 'static: true',
        edits,
      )
    } else if (name === 'standalone' && value.type === 'ObjectExpression') {
      for (const option of (value as ObjectExpression).properties) {
        const optionName = propName(option)
        if (optionName === null || standaloneKeys.has(optionName)) continue
        commentOut(
          source,
          option as Prop,
          `\`photon.standalone.${optionName}\` is not an option of vike-photon (it takes bundle, minify, trace and external): it was commented out`,
          null,
          edits,
        )
      }
    }
  }
}

/**
 * Replaces a property by a TODO, the property's own text commented out line by line, and (when given) the
 * replacement: the user still sees exactly what was there.
 */
function commentOut(source: string, prop: Prop, message: string, replacement: string | null, edits: Edit[]): void {
  const lineStart = source.lastIndexOf('\n', start(prop) - 1) + 1
  const indent = /^[ \t]*/.exec(source.slice(lineStart))![0]
  const ownLine = source.slice(lineStart, start(prop)).trim() === ''
  let stop = end(prop)
  const comma = /^\s*,/.exec(source.slice(stop))
  const trailingComma = comma !== null
  if (comma) stop += comma[0].length
  const old = source.slice(start(prop), stop).split('\n')
  const lines = [
    `// ${todoText(message)}`,
    ...old.map((line, i) => `// ${i === 0 ? line : line.replace(new RegExp(`^${indent}`), '')}`),
    ...(replacement ? [`${replacement}${trailingComma ? ',' : ''}`] : []),
  ]
  if (ownLine) {
    // Whatever follows on the same line (another property) must not end up inside the last comment.
    const rest = /^[^\n]*/.exec(source.slice(stop))![0].trim()
    const after = rest !== '' && !rest.startsWith('//') ? `\n${indent}` : ''
    edits.push({ start: lineStart, end: stop, text: lines.map((l) => indent + l).join('\n') + after })
  } else {
    // `{ a: 1, b: 2 }` on one line: a line comment cannot go inside it, so the property goes to its own lines.
    const from = start(prop) - /[ \t]*$/.exec(source.slice(0, start(prop)))![0].length
    const to = stop + /^[ \t]*/.exec(source.slice(stop))![0].length
    const inner = `${indent}  `
    edits.push({ start: from, end: to, text: `\n${lines.map((l) => inner + l).join('\n')}\n${indent}` })
  }
}

function start(node: Node): number {
  return (node as Located).start
}

function end(node: Node): number {
  return (node as Located).end
}

function slice(source: string, node: Node): string {
  return source.slice(start(node), end(node))
}

function isTrue(prop: Prop | undefined): boolean {
  if (!prop) return false
  const v = unwrap(prop.value as Node)
  return v.type === 'BooleanLiteral' && (v as unknown as { value: boolean }).value === true
}

function applyEdits(source: string, edits: Edit[]): string {
  let out = source
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end)
  }
  return out
}
