import { usePageContext } from 'vike-react/usePageContext'

export default function Page() {
  const { is404, abortReason } = usePageContext()
  if (is404) {
    return (
      <>
        <h1>Page not found</h1>
        <p>{typeof abortReason === 'string' ? abortReason : 'This page does not exist.'}</p>
      </>
    )
  }
  return (
    <>
      <h1>Something went wrong</h1>
      <p>The server could not render this page.</p>
    </>
  )
}
