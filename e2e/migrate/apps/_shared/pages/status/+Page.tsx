import { usePageContext } from 'vike-react/usePageContext'

// `shopStatus` is added to pageContext by the server entry (not every deployment has one).
export default function Page() {
  const { shopStatus } = usePageContext() as { shopStatus?: string }
  return (
    <>
      <h1>Status</h1>
      <p>The shop is {shopStatus ?? 'in an unknown state'}.</p>
    </>
  )
}
