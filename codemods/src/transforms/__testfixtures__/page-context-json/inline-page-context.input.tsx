import type { JSX } from 'solid-js'
import { usePageContext } from 'vike-solid/usePageContext'

export default function LayoutDefault(props: { children?: JSX.Element }) {
  const pageCtx = usePageContext() as unknown as { urlPathname: string }
  const title = JSON.stringify(pageCtx.urlPathname)
  return (
    <div title={title}>
      <script innerHTML={`window.__PAGE_CTX__ = ${JSON.stringify(pageCtx)};`} />
      {props.children}
    </div>
  )
}

export function onRenderHtml(pageContext: { urlPathname: string }) {
  const json = JSON.stringify(pageContext, null, 2)
  const other = { a: 1 }
  // In a template literal's \${}: a line above this return would be text of the string, so the summary lists it.
  const inline = `<script>${(() => {
    return JSON.stringify(pageContext)
  })()}</script>`
  return json + JSON.stringify(other) + inline
}
