import { Counter } from '../../components/Counter'

export default function Page() {
  return (
    <>
      <h1>Home</h1>
      <p>The same small Vike app, served by each variant of the benchmark.</p>
      <ul>
        <li>Rendered on the server by Vike</li>
        <li>Hydrated in the browser by React</li>
      </ul>
      <Counter />
    </>
  )
}
