import { spawn, spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../../..')
const BIN = 'packages/cli/src/bin.ts'
const folders: string[] = []
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true })
})

function userFolder(): string {
  const cwd = mkdtempSync(join(tmpdir(), 'cafes-cli-preview-'))
  folders.push(cwd)
  cpSync(join(ROOT, 'examples', 'demo-quiz'), join(cwd, 'demo-quiz'), { recursive: true })
  return cwd
}

/** `pnpm cafes …` as a user runs it: from the repository root, the user's folder in INIT_CWD. */
function cafes(args: string[], userDir: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, INIT_CWD: userDir },
    encoding: 'utf8',
    timeout: 60_000,
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('cafes preview (spawned)', () => {
  it('prints the URL, serves the page, and closes cleanly on Ctrl-C', async () => {
    const cwd = userFolder()
    const child = spawn(process.execPath, ['--import', 'tsx', BIN, 'preview', 'demo-quiz', '--port', '0', '--target', 'scorm2004'], {
      cwd: ROOT,
      env: { ...process.env, INIT_CWD: cwd },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const exited = new Promise<number | null>((resolveExit) => child.on('exit', (code) => resolveExit(code)))
    await expect.poll(() => stdout, { timeout: 60_000 }).toMatch(/http:\/\/127\.0\.0\.1:\d+\//)
    const url = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)![1]!
    expect(stdout).toContain('Preview of “Le café de la transparence” (scorm2004)')
    expect(stdout).toMatch(/^scorm2004: built in \d+ ms$/m)
    const page = await fetch(url)
    expect(page.status).toBe(200)
    child.kill('SIGINT')
    expect(await exited).toBe(0)
    expect(stderr).toBe('')
    await expect(fetch(url)).rejects.toThrow()
  }, 90_000)

  it.each([
    [[], /no module to preview/],
    [['a', 'b'], /preview shows one module; got 2 paths/],
    [['demo-quiz', '--port', 'abc'], /invalid port 'abc'/],
    [['demo-quiz', '--target', 'scorm3000'], /unknown target 'scorm3000'/],
  ])('exits 2 on the usage error %j', (args, message) => {
    const { code, stdout, stderr } = cafes(['preview', ...args], userFolder())
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toMatch(message)
  }, 60_000)

  it('exits 1 with the diagnostic when there is no module there', () => {
    const { code, stderr } = cafes(['preview', 'nowhere'], userFolder())
    expect(code).toBe(1)
    expect(stderr).toMatch(/^nowhere: error: `nowhere` does not exist \[path-not-found\]/m)
  }, 60_000)

  it('lists preview in the help', () => {
    const { code, stdout } = cafes(['preview', '--help'], userFolder())
    expect(code).toBe(0)
    expect(stdout).toContain('Usage: cafes preview <module> [options]')
    expect(stdout).toContain('--port <N>')
  }, 60_000)
})
