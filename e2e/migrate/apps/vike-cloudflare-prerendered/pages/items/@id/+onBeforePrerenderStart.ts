// The items to pre-render (the route has a parameter, so Vike cannot list its URLs by itself).
export function onBeforePrerenderStart() {
  return ['/items/1', '/items/2', '/items/3']
}
