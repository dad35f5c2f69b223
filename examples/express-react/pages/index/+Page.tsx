import { Counter } from '../../components/Counter'

export default function Page() {
  return (
    <>
      <h1>Welcome</h1>
      <p>This page is rendered by Vike behind an Express server.</p>
      <Counter />
    </>
  )
}
