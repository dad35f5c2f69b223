import type { ReactNode } from 'react'

export default function Layout({ children }: { children: ReactNode }) {
  return (
    <div id="layout">
      <nav>
        <img src="/logo.svg" alt="" width={32} height={32} />
        <a href="/">Home</a> <a href="/about">About</a>
      </nav>
      <main>{children}</main>
    </div>
  )
}
