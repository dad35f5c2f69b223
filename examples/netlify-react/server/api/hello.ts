// An API endpoint: a universal handler, answered at /api/hello by the server function.
export default function hello(request: Request): Response {
  const name = new URL(request.url).searchParams.get('name') ?? 'world'
  return Response.json({ hello: name }, { headers: { 'Cache-Control': 'no-store' } })
}
