import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { exportCommit } from './export'
import { type AppLog, exec, StepError } from './steps'

/**
 * Exports the app's commit into `<work>/repo` (no history, nothing of this machine's clone) and commits it into a
 * fresh git repository: `vike-photon migrate` refuses files with uncommitted changes, and a user's app is a
 * committed git checkout. Returns the repository, the app folder inside it, and the files the mirror lacked.
 */
export async function checkout(
  log: AppLog,
  { gitDir, commit, appDir, work }: { gitDir: string; commit: string; appDir: string; work: string },
): Promise<{ repoDir: string; appDir: string; missing: string[] }> {
  const repoDir = join(work, 'repo')
  await mkdir(repoDir, { recursive: true })
  log.write(`$ export ${commit} of ${gitDir}`)
  const { missing } = await exportCommit(gitDir, commit, repoDir)
  if (missing.length > 0) log.write(`not in the mirror (left out): ${missing.join(', ')}`)
  await commitAll(log, repoDir, 'the app as published')
  const dir = join(repoDir, appDir)
  if (!existsSync(join(dir, 'package.json'))) {
    throw new StepError(`${appDir}/package.json does not exist at ${commit.slice(0, 10)}`)
  }
  return { repoDir, appDir: dir, missing }
}

/** `git add -A && git commit` (a repository is created first when there is none). */
export async function commitAll(log: AppLog, repoDir: string, message: string) {
  const git = (args: string[]) =>
    exec(log, 'git', ['-c', 'user.name=corpus', '-c', 'user.email=corpus@example.invalid', ...args], {
      cwd: repoDir,
      timeoutMs: 120_000,
    })
  if (!existsSync(join(repoDir, '.git'))) await git(['init', '-q', '-b', 'main'])
  await git(['add', '-A'])
  await git(['commit', '-q', '--allow-empty', '--no-verify', '-m', message])
}

/** The files changed since the last commit (`git status --porcelain`, new files included). */
export async function uncommitted(log: AppLog, repoDir: string): Promise<string[]> {
  const { stdout } = await exec(log, 'git', ['status', '--porcelain', '--untracked-files=all'], {
    cwd: repoDir,
    timeoutMs: 60_000,
  })
  return stdout.split('\n').filter((l) => l.trim() !== '')
}
