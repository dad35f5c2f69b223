import { render } from 'vike/abort'
import type { PageContextServer } from 'vike/types'

const items: Record<string, { name: string; price: number }> = {
  '1': { name: 'Bolt', price: 12 },
  '2': { name: 'Nut', price: 7 },
  '3': { name: 'Washer', price: 3 },
}

export type Data = { id: string; name: string; price: number }

export function data(pageContext: PageContextServer): Data {
  const id = pageContext.routeParams.id!
  const item = items[id]
  if (!item) throw render(404, `No item with id ${id}`)
  return { id, ...item }
}
