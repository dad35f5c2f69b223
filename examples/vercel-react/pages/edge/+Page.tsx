import { useData } from 'vike-react/useData'
import type { Data } from './+data'

export default function Page() {
  const { runtime } = useData<Data>()
  return (
    <>
      <h1>Edge</h1>
      <p>
        Rendered by <span id="runtime">{runtime}</span>.
      </p>
    </>
  )
}
