export default function Page() {
  return (
    <>
      <h1>About</h1>
      <p>A small shop used to check that a migrated app still serves the same pages.</p>
    </>
  )
}
