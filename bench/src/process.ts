import { spawn } from 'node:child_process'

export interface RunOptions {
  cwd: string
  /** Capture output instead of passing it through; it is printed only if the command fails. */
  quiet?: boolean
  env?: Record<string, string>
  timeoutMs?: number
}

export interface RunResult {
  stdout: string
  stderr: string
}

/** Runs a command to completion; rejects with the end of its output when it fails or times out. */
export function run(command: string | string[], args: string[], options: RunOptions): Promise<RunResult> {
  const [file, ...prefix] = Array.isArray(command) ? command : [command]
  if (!file) throw new Error('run: empty command')
  const argv = [...prefix, ...args]
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', options.quiet ? 'pipe' : 'inherit', options.quiet ? 'pipe' : 'inherit'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk
    })
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk
    })
    const timer = options.timeoutMs
      ? setTimeout(() => {
          child.kill('SIGKILL')
        }, options.timeoutMs)
      : undefined
    child.on('error', reject)
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer)
      if (code === 0) return resolve({ stdout, stderr })
      const tail = `${stdout}\n${stderr}`.trim().split('\n').slice(-30).join('\n')
      const why = signal ? `was killed by ${signal}` : `exited with ${code}`
      reject(new Error(`\`${[file, ...argv].join(' ')}\` ${why} (in ${options.cwd})\n${tail}`))
    })
  })
}
