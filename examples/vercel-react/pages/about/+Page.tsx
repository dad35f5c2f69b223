import { navigate } from 'vike/client/router'

export default function Page() {
  return (
    <>
      <h1>About</h1>
      <p>A second server-rendered page, with its own response headers.</p>
      <button type="button" onClick={() => navigate('/')}>
        Back home
      </button>
    </>
  )
}
