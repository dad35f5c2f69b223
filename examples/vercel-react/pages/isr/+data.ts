export type Data = { renderedAt: string }

export function data(): Data {
  return { renderedAt: new Date().toISOString() }
}
