export default function Page() {
  return (
    <>
      <h1>About</h1>
      <p>A second server-rendered page, with its own response headers.</p>
    </>
  )
}
