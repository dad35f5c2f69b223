// Runs on the server: in workerd, `navigator.userAgent` is 'Cloudflare-Workers'.
export function data() {
  return { runtime: typeof navigator === 'undefined' ? 'unknown' : navigator.userAgent }
}

export type Data = ReturnType<typeof data>
