import { useData } from 'vike-react/useData'
import type { Data } from './+data'

export default function Page() {
  const { runtime, search } = useData<Data>()
  return (
    <>
      <h1>Edge</h1>
      <p>
        Rendered by <span id="runtime">{runtime}</span>
        {search.name ? (
          <>
            {' '}
            for <span id="name">{search.name}</span>
          </>
        ) : null}
        .
      </p>
    </>
  )
}
