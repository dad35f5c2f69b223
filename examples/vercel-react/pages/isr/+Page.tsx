import { useData } from 'vike-react/useData'
import type { Data } from './+data'

export default function Page() {
  const { renderedAt } = useData<Data>()
  return (
    <>
      <h1>ISR</h1>
      <p>
        Rendered at <time id="rendered-at">{renderedAt}</time>, then cached by Vercel for a minute.
      </p>
    </>
  )
}
