import { useData } from 'vike-react/useData'
import type { Data } from './+data'

export default function Page() {
  const { greeting, visits } = useData<Data>()
  return (
    <>
      <h1>Bindings</h1>
      <p>
        <code>GREETING</code> (a var): <span id="greeting">{greeting}</span>
      </p>
      <p>
        <code>KV</code> (a KV namespace): this page was rendered <span id="visits">{visits}</span> times.
      </p>
    </>
  )
}
