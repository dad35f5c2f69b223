export default function Page() {
  return (
    <>
      <h1>About</h1>
      <p>A second page, for client-side navigation.</p>
    </>
  )
}
