import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const running: ChildProcess[] = []

afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
})

/** `cafes build --watch`, spawned, with what it has printed so far and a way to wait for more. */
function watch(args: string[], userDir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/cli/src/bin.ts', 'build', '--watch', ...args], {
    cwd: ROOT,
    env: { ...process.env, INIT_CWD: userDir },
  })
  running.push(child)
  const output = { stdout: '', stderr: '' }
  child.stdout.on('data', (chunk: Buffer) => void (output.stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => void (output.stderr += chunk.toString()))
  /** Resolves once `stream` matches `pattern`; fails with the output so far when the process ends first. */
  const waitFor = (stream: 'stdout' | 'stderr', pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!pattern.test(output[stream])) return
        clearInterval(poll)
        child.off('exit', ended)
        resolve()
      }
      const ended = () => {
        clearInterval(poll)
        reject(new Error(`exited before ${pattern}:\n${output.stdout}\n${output.stderr}`))
      }
      const poll = setInterval(check, 50)
      child.once('exit', ended)
      check()
    })
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return { child, output, waitFor, exit }
}

function moduleFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cafes-watch-'))
  writeFileSync(join(dir, 'cafes.config.yaml'), '')
  mkdirSync(join(dir, 'm'))
  writeFileSync(join(dir, 'm', 'module.md'), '---\nid: veille\ntitle: Veille\n---\n\n# Bienvenue\n')
  return dir
}

describe('cafes build --watch (spawned)', () => {
  it('rebuilds the module when a file changes, prints each build, and exits 0 on Ctrl-C', async () => {
    const dir = moduleFolder()
    const run = watch(['m', '--target', 'web'], dir)
    await run.waitFor('stderr', /Watching m for changes; press Ctrl-C to stop\.\n/)
    expect(run.output.stdout).toMatch(/^out\/veille-1\.0\.0-web\.zip .+\n1 package written in \d+\.\d\d s\n$/)

    // A mistake: the rebuild reports it and writes nothing.
    writeFileSync(join(dir, 'm', '01-suite.md'), '# Suite\n\n![](absente.png)\n')
    await run.waitFor('stdout', /0 packages written in \d+\.\d\d s, 2 errors\n/)
    expect(run.output.stderr).toMatch(/m\/01-suite\.md changed: rebuilding m\n/)
    expect(run.output.stderr).toMatch(/^m\/01-suite\.md:3:1: error: .+ \[image-missing-alt\]$/m)

    // Fixed: a second good build.
    writeFileSync(join(dir, 'm', '01-suite.md'), '# Suite\n\nVoilà.\n')
    await run.waitFor('stdout', /(1 package written in \d+\.\d\d s\n[\s\S]*){2}$/)

    run.child.kill('SIGINT')
    expect(await run.exit).toBe(0)
    expect(readdirSync(join(dir, 'out'))).toEqual(['veille-1.0.0-web.zip'])
  }, 120_000)

  it('refuses --watch with --json', async () => {
    const run = watch(['m', '--json'], moduleFolder())
    expect(await run.exit).toBe(2)
    expect(run.output.stderr).toMatch(/^cafes: --watch prints each build as text: leave out --json/)
  }, 60_000)
})
