// Server logic without a server file: a universal middleware (https://vike.dev/middleware) that answers
// one API route and leaves every other request to the pages.
export default async function helloApi(request: Request): Promise<Response | undefined> {
  if (new URL(request.url).pathname !== '/api/hello') return undefined
  return Response.json({ hello: 'from +middleware', server: 'built-in' })
}
