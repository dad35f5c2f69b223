import { Counter } from './Counter'

export default function Page() {
  return (
    <>
      <h1>Parts shop</h1>
      <p>Bolts, nuts and washers, rendered on the server.</p>
      <Counter />
    </>
  )
}
