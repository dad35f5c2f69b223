import { existsSync } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { type AppLog, exec, StepError } from './steps'

/**
 * Exports the app's commit into `<work>/repo` (no history, nothing of this machine's clone) and commits it into a
 * fresh git repository: `vike-photon migrate` refuses files with uncommitted changes, and a user's app is a
 * committed git checkout. Returns the repository and the app folder inside it.
 */
export async function checkout(
  log: AppLog,
  { gitDir, commit, appDir, work }: { gitDir: string; commit: string; appDir: string; work: string },
): Promise<{ repoDir: string; appDir: string }> {
  const repoDir = join(work, 'repo')
  const tarball = join(work, 'source.tar')
  await mkdir(repoDir, { recursive: true })
  await exec(log, 'git', ['--git-dir', gitDir, 'archive', '--format=tar', '-o', tarball, commit], {
    cwd: work,
    timeoutMs: 120_000,
  })
  await exec(log, 'tar', ['-xf', tarball, '-C', repoDir], { cwd: work, timeoutMs: 120_000 })
  await rm(tarball)
  await commitAll(log, repoDir, 'the app as published')
  const dir = join(repoDir, appDir)
  if (!existsSync(join(dir, 'package.json'))) {
    throw new StepError(`${appDir}/package.json does not exist at ${commit.slice(0, 10)}`)
  }
  return { repoDir, appDir: dir }
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
