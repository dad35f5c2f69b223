import { useData } from 'vike-react/useData'
import { Counter } from '../../components/Counter'
import type { Data } from './+data'

export default function Page() {
  const { runtime } = useData<Data>()
  return (
    <>
      <h1>Welcome</h1>
      <p>
        This page was rendered by Vike on <code id="runtime">{runtime}</code>.
      </p>
      <Counter />
      <p>
        <img src="/logo.svg" alt="logo" width={32} height={32} />
      </p>
    </>
  )
}
