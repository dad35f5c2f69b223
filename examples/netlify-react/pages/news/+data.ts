import type { PageContextServer } from 'vike/types'

export type Data = { topic: string }

export function data(pageContext: PageContextServer): Data {
  // The query string reaches the page's own function: `/news?topic=vike`.
  return { topic: pageContext.urlParsed.search.topic ?? 'everything' }
}
