export const edge = true

export default function handler(request: Request) {
  return new Response(`Hello from ${new URL(request.url).pathname}`)
}
