import type { Collection } from 'jscodeshift'
import { detectQuote } from './ast.js'

/**
 * Prints a transformed file and undoes recast's habits where they differ from the user's file:
 * semicolons on new statements of a semicolon-free file, and blank lines recast puts around new
 * multi-line properties. Only lines that recast added or reprinted are touched.
 */
export function print(root: Collection, original: string): string {
  const output = root.toSource({
    quote: detectQuote(original),
    lineTerminator: original.includes('\r\n') ? '\r\n' : '\n',
    trailingComma: /,\r?\n\s*[}\]]/.test(original),
  })
  if (output === original) return output
  return tidy(original, output)
}

export function tidy(original: string, output: string): string {
  const eol = original.includes('\r\n') ? '\r\n' : '\n'
  const before = original.split(/\r?\n/)
  const known = new Set(before.map((l) => l.trim()))
  const semicolonFree = !before.some((l) => /;\s*$/.test(l) && !/^\s*for\s*\(/.test(l))
  const lines = output
    .split(/\r?\n/)
    .map((line) =>
      semicolonFree && !known.has(line.trim()) && /;$/.test(line) && !/^\s*for\s*\(/.test(line)
        ? line.slice(0, -1)
        : line,
    )

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
