import { connect } from 'node:net'

/**
 * Sends bytes exactly as given (fetch and browsers normalize URLs like `/../` or `%2e%2e` before sending, which
 * would hide what a server does with them) and returns the status code, headers (lower-cased names) and body.
 */
export async function rawRequest(port: number, path: string, headers: Record<string, string> = {}, method = 'GET') {
  const head = [`${method} ${path} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close']
  for (const [name, value] of Object.entries(headers)) head.push(`${name}: ${value}`)
  const response = await new Promise<string>((resolve, reject) => {
    let data = ''
    const socket = connect(port, '127.0.0.1', () => socket.write(`${head.join('\r\n')}\r\n\r\n`))
    socket.setEncoding('latin1')
    socket.on('data', (chunk) => {
      data += chunk
    })
    socket.on('end', () => resolve(data))
    socket.on('error', reject)
    socket.setTimeout(10_000, () => socket.destroy(new Error(`timeout on ${path}`)))
  })
  const status = Number(response.slice(9, 12))
  const end = response.indexOf('\r\n\r\n')
  const body = response.slice(end + 4)
  const responseHeaders: Record<string, string> = {}
  for (const line of response.slice(0, end).split('\r\n').slice(1)) {
    const colon = line.indexOf(':')
    responseHeaders[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  return { status, headers: responseHeaders, body }
}
