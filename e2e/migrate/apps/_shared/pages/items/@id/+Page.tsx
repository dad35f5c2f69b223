import { useData } from 'vike-react/useData'
import type { Data } from './+data'

export default function Page() {
  const item = useData<Data>()
  return (
    <>
      <h1>{item.name}</h1>
      <p>
        Item {item.id} costs {item.price} cents.
      </p>
    </>
  )
}
