import type { ReactNode } from 'react'

export default function Layout({ children }: { children: ReactNode }) {
  return (
    <div>
      <nav>
        <a href="/">Home</a> | <a href="/about">About</a> | <a href="/isr">ISR</a> | <a href="/edge">Edge</a> |{' '}
        <a href="/static">Static</a>
      </nav>
      <main>{children}</main>
    </div>
  )
}
