import type { JSX } from 'solid-js'
import { usePageContext } from 'vike-solid/usePageContext'

export default function LayoutDefault(props: { children?: JSX.Element }) {
  const pageCtx = usePageContext() as unknown as { urlPathname: string }
  const title = JSON.stringify(pageCtx.urlPathname)
  // TODO(vike-photon migrate): `JSON.stringify(pageCtx)` serializes the whole pageContext, Vike's internals included: from Vike 0.4.260 (migrate raised it for vike-photon) they hold a circular Vite config while pre-rendering, and JSON.stringify throws "Converting circular structure to JSON". Serialize only the fields you need, or list them in passToClient (https://vike.dev/passToClient)
  return (
    <div title={title}>
      <script innerHTML={`window.__PAGE_CTX__ = ${JSON.stringify(pageCtx)};`} />
      {props.children}
    </div>
  )
}

export function onRenderHtml(pageContext: { urlPathname: string }) {
  // TODO(vike-photon migrate): `JSON.stringify(pageContext)` serializes the whole pageContext, Vike's internals included: from Vike 0.4.260 (migrate raised it for vike-photon) they hold a circular Vite config while pre-rendering, and JSON.stringify throws "Converting circular structure to JSON". Serialize only the fields you need, or list them in passToClient (https://vike.dev/passToClient)
  const json = JSON.stringify(pageContext, null, 2)
  const other = { a: 1 }
  // In a template literal's \${}: a line above this return would be text of the string, so the summary lists it.
  const inline = `<script>${(() => {
    return JSON.stringify(pageContext)
  })()}</script>`
  return json + JSON.stringify(other) + inline
}
