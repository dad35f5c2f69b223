import type { Context } from 'hono'

/** Turns a Web handler into a Hono route handler. */
export function handlerAdapter(handler: (request: Request) => Promise<Response>) {
  return (c: Context) => handler(c.req.raw)
}
