import { spawn } from 'node:child_process'
import { ROOT } from '../support/build-modules.js'

export interface ReleaseRun {
  status: number | null
  stdout: string
  stderr: string
}

/** Runs `pnpm release`'s script as the package script does (without pnpm's start-up), from the repository root. */
export function runRelease(args: string[], env: Record<string, string | undefined> = {}): Promise<ReleaseRun> {
  return new Promise((resolve, reject) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, INIT_CWD: ROOT }
    delete childEnv.SOURCE_DATE_EPOCH
    for (const [name, value] of Object.entries(env)) {
      if (value === undefined) delete childEnv[name]
      else childEnv[name] = value
    }
    const child = spawn(process.execPath, ['--import', 'tsx', 'build/release.ts', ...args], { cwd: ROOT, env: childEnv })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.once('error', reject)
    child.once('close', (status) => resolve({ status, stdout, stderr }))
  })
}
