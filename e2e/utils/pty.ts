import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { childEnv } from '@vike-photon/test-kit/env'

// A command run in a pseudo-terminal, as a person runs `vike dev`: Vite binds its keyboard shortcuts (`r + enter`,
// `q + enter`) only when stdin is a TTY. util-linux `script` gives the command one; what the test writes to
// `script`'s stdin is typed into it.

export interface PtyProcess {
  /** Everything the command printed so far, without ANSI escapes and carriage returns. */
  output(): string
  /** Types `text` into the terminal. */
  type(text: string): void
  /** Resolves once `pattern` matches the output; fails with the output after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>
  exited: Promise<number | null>
  stop(): Promise<void>
}

export function runInPty(command: string, opts: { cwd: string; env?: Record<string, string | undefined> }): PtyProcess {
  const child: ChildProcess = spawn('script', ['-q', '-e', '-c', command, '/dev/null'], {
    cwd: opts.cwd,
    // Vite turns its shortcuts off on CI.
    env: childEnv({ CI: undefined, ...opts.env }),
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  })
  let raw = ''
  child.stdout?.on('data', (d) => {
    raw += d
  })
  child.stderr?.on('data', (d) => {
    raw += d
  })
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences start with ESC.
  const output = () => raw.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '')
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)))
  return {
    output,
    type: (text) => child.stdin?.write(text),
    async waitFor(pattern, timeoutMs = 90_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const match = output().match(pattern)
        if (match) return match
        if (child.exitCode !== null || Date.now() > deadline) {
          throw new Error(
            `${command}: ${pattern} did not appear${child.exitCode !== null ? ' (exited)' : ''}:\n${output()}`,
          )
        }
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
    },
    exited,
    async stop() {
      if (child.pid !== undefined && child.exitCode === null) {
        try {
          process.kill(-child.pid, 'SIGTERM')
        } catch {}
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))])
      if (child.pid !== undefined && child.exitCode === null) {
        try {
          process.kill(-child.pid, 'SIGKILL')
        } catch {}
      }
    },
  }
}

/** The listening TCP sockets, as `ss -ltn` shows them (e.g. `127.0.0.1:41234`, `[::1]:41234`, `*:41234`). */
export function listeningSockets(): string[] {
  return execFileSync('ss', ['-ltnH'], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().split(/\s+/)[3] ?? '')
    .filter(Boolean)
}
