import { useData } from 'vike-react/useData'
import { usePageContext } from 'vike-react/usePageContext'
import { Counter } from '../../components/Counter'

export default function Page() {
  const { adapter } = useData<{ adapter: string }>()
  const { servedBy } = usePageContext() as { servedBy?: string }
  return (
    <>
      <h1>Welcome</h1>
      <p>This page is rendered by Vike behind your server framework.</p>
      <p>
        Request adapter: <code>{adapter}</code>
        {servedBy ? <> · served by {servedBy}</> : null}
      </p>
      <Counter />
    </>
  )
}
