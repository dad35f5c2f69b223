export default function Page() {
  return (
    <>
      <h1>Static</h1>
      <p>Pre-rendered at build time and served as a file, no function involved.</p>
    </>
  )
}
