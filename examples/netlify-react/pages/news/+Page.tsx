import { useData } from 'vike-react/useData'
import { Counter } from '../../components/Counter'
import type { Data } from './+data'

export default function Page() {
  const { topic } = useData<Data>()
  return (
    <>
      <h1>News</h1>
      <p>
        News about <span id="topic">{topic}</span>, from this page's own function.
      </p>
      <Counter />
    </>
  )
}
