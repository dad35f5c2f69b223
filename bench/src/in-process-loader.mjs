// Module hooks for `in-process` (registered by in-process-hook.mjs): vike 0.4.266's `catchInfiniteLoop()` walks every
// key of the last 5 seconds on each request, so in a tight loop its cost grows with the loop's own speed and swamps
// what is compared. In the measuring process only, it is replaced by a function that does nothing.
export async function load(url, context, nextLoad) {
  if (url.endsWith('/vike/dist/utils/catchInfiniteLoop.js')) {
    return { format: 'module', shortCircuit: true, source: 'export function catchInfiniteLoop() {}' }
  }
  return nextLoad(url, context)
}
