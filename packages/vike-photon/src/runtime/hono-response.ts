// Replacing the response of a Hono request without Hono copying it.
//
// hono 4.13.19's `c.res` setter, when a response is already set, copies the new one into
// `new Response(res.body, res)` (and merges the old one's headers into it). @universal-middleware/hono 0.4.21 assigns
// what a response middleware returns to `c.res`, so every compressed page went through that copy: reading `body` of
// srvx's FastResponse builds a whole native (undici) Response and a web stream around the compressed bytes, and srvx
// then sends that stream chunk by chunk, without Content-Length, instead of writing the bytes in one go. Profiled on
// the bench app with a browser's Accept-Encoding, the copy and the stream cost about as much as brotli itself.

interface HonoContextLike {
  res: Response | undefined
}

/** Whether `value` looks like Hono's context (`c`): it has the `res` accessor that this file relies on. */
function isHonoContext(value: unknown): value is HonoContextLike {
  return typeof value === 'object' && value !== null && 'res' in value
}

/**
 * Makes `response` the response of the Hono request `c`, as is. `response` must already carry every header of the
 * current `c.res` (a compressed copy of it does): the copy Hono would make exists only to merge those headers.
 * Returns false, leaving `c.res` alone, when `c` is not a Hono context.
 */
export function replaceHonoResponse(c: unknown, response: Response): boolean {
  if (!isHonoContext(c)) return false
  // With no response set, the setter stores the new one without copying it.
  c.res = undefined
  c.res = response
  return true
}
