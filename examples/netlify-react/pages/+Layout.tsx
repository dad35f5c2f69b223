import type { ReactNode } from 'react'

export default function Layout({ children }: { children: ReactNode }) {
  return (
    <div>
      <nav>
        <a href="/">Home</a> | <a href="/about">About</a> | <a href="/news">News</a> | <a href="/static">Static</a>
      </nav>
      <main>{children}</main>
    </div>
  )
}
