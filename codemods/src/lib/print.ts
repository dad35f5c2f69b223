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
  })
  if (output === original) return output
  return tidy(original, output)
}

export function tidy(original: string, output: string): string {
  const eol = original.includes('\r\n') ? '\r\n' : '\n'
  const originalLines = original.split(/\r?\n/)
  const known = new Set(originalLines.map((l) => l.trim()))
  const followedByBlank = new Set<string>()
  originalLines.forEach((line, i) => {
    if (originalLines[i + 1]?.trim() === '') followedByBlank.add(line.trim())
  })
  const semicolonFree = !originalLines.some((l) => /;\s*$/.test(l) && !/^\s*for\s*\(/.test(l))

  const lines = output.split(/\r?\n/)
  const result: string[] = []
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!
    const trimmed = line.trim()
    if (semicolonFree && !known.has(trimmed) && /;$/.test(line) && !/^\s*for\s*\(/.test(line)) {
      line = line.replace(/;$/, '')
    }
    if (trimmed === '') {
      const prev = result[result.length - 1]?.trim()
      const next = lines
        .slice(i + 1)
        .find((l) => l.trim() !== '')
        ?.trim()
      const prevIsNew = prev !== undefined && !known.has(prev)
      const nextIsNew = next !== undefined && !known.has(next) && !known.has(next.replace(/;$/, ''))
      const userBlank = prev !== undefined && followedByBlank.has(prev)
      const insideLiteral = prev !== undefined && (/[,{[(]$/.test(prev) || /^[}\])]/.test(next ?? ''))
      if ((prevIsNew || nextIsNew) && !userBlank && insideLiteral) continue
    }
    result.push(line)
  }
  return result.join(eol)
}
