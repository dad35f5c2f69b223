import type { ReactNode } from 'react'

export default function Layout({ children }: { children: ReactNode }) {
  return (
    <div>
      <nav>
        <a href="/">Home</a> | <a href="/about">About</a> | <a href="/items/2">Item 2</a>
      </nav>
      <main>{children}</main>
    </div>
  )
}
