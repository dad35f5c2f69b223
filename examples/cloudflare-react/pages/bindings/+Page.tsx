import { useData } from 'vike-react/useData'
import type { Data } from './+data'

export default function Page() {
  const { greeting, visits, runtimeGreeting } = useData<Data>()
  return (
    <>
      <h1>Bindings</h1>
      <p>
        <code>GREETING</code> (a var): <span id="greeting">{greeting}</span>
      </p>
      <p>
        The same var through <code>pageContext.runtime.env</code>: <span id="runtime-greeting">{runtimeGreeting}</span>
      </p>
      <p>
        <code>KV</code> (a KV namespace): this page was rendered <span id="visits">{visits}</span> times.
      </p>
    </>
  )
}
