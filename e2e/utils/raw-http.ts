import { connect } from 'node:net'

/**
 * Sends bytes exactly as given (fetch and browsers normalize URLs like `/../` or `%2e%2e` before sending, which
 * would hide what a server does with them) and returns the status code and body.
 */
export async function rawRequest(port: number, path: string, headers: Record<string, string> = {}) {
  const head = [`GET ${path} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close']
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
  const body = response.slice(response.indexOf('\r\n\r\n') + 4)
  return { status, body }
}
