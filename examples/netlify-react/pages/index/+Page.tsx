import { Counter } from '../../components/Counter'

export default function Page() {
  return (
    <>
      <h1>Welcome</h1>
      <p>Rendered on demand by a Netlify Function.</p>
      <Counter />
    </>
  )
}
