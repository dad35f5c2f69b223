// TODO(vike-photon migrate): @photonjs/vercel does not scan /api: add `photon: { entries: { ...(await getEntriesFromFs('api', { destination: 'api' })) } }` to +config (getEntriesFromFs from @photonjs/vercel/utils), or move this file out of /api
export const edge = true

export default function handler(request: Request) {
  return new Response(`Hello from ${new URL(request.url).pathname}`)
}
