import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import { NodeRequest, sendNodeResponse } from 'srvx/node'
import { sendOneChunk } from './one-chunk-response.js'

/** A fetch handler as the Node launcher calls it: a web Request in, a Response (or nothing) out. */
export type FetchHandler = (request: Request) => Response | undefined | Promise<Response | undefined>

/**
 * A fetch handler (Hono's, the built-in server's) on Node: srvx 0.12.8's `toNodeHandler`, except for how a page
 * rendered to a string goes out. srvx wrote it with `write(body)`, then `end()` awaited through a promise of its own;
 * `sendOneChunk` (one-chunk-response.ts, already what Express pages go through) writes it in one `end(body)`. That
 * spared an SSR request of the built-in server about 1% of its machine instructions and four promises (bench/README.md,
 * twenty-first session). Every other response (streams, responses whose body was read, a handler that answered
 * nothing) goes through srvx's `sendNodeResponse`, as before. The promise returned rejects when the handler or sending failed.
 */
export function fetchToNodeHandler(fetch: FetchHandler): (req: IncomingMessage, res: ServerResponse) => unknown {
  const handler: RequestListener = (req, res) => {
    const response = fetch(new NodeRequest({ req, res }))
    return response instanceof Promise ? response.then((sent) => send(sent, res)) : send(response, res)
  }
  return handler
}

function send(response: Response | undefined, res: ServerResponse): void | Promise<void> {
  // srvx answers a handler that returned nothing with a 500.
  if (!response) return sendNodeResponse(res, response as unknown as Response)
  const sent = sendOneChunk(response, res)
  if (sent === true) return
  return sendNodeResponse(res, sent === false ? response : sent)
}
