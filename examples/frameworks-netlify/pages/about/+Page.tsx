export default function Page() {
  return (
    <>
      <h1>About</h1>
      <p>A second page, reached by client-side navigation.</p>
    </>
  )
}
