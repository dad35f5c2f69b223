// An API endpoint: a universal handler, deployed as its own Vercel Function at /api/hello.
export default function hello(request: Request): Response {
  const name = new URL(request.url).searchParams.get('name') ?? 'world'
  return Response.json({ hello: name }, { headers: { 'Cache-Control': 'no-store' } })
}
