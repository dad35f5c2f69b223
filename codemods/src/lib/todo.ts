/** The marker every manual step carries, in code and in the report. */
export const TODO_MARKER = 'TODO(vike-photon migrate):'

/**
 * A TODO line. Line breaks in the message (e.g. source code quoted in it) collapse to one space: a `//` or `#`
 * comment ends at the first line break, so the rest would be live code.
 */
export function todoText(message: string): string {
  return `${TODO_MARKER} ${message.replace(/\s*[\r\n]+\s*/g, ' ')}`
}

/** Every TODO line of a text (1-based line numbers), whatever the comment syntax. */
export function findTodos(text: string): { line: number; message: string }[] {
  const found: { line: number; message: string }[] = []
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const at = lines[i]!.indexOf(TODO_MARKER)
    if (at !== -1) found.push({ line: i + 1, message: lines[i]!.slice(at + TODO_MARKER.length).trim() })
  }
  return found
}
