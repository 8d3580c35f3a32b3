import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../support/build-modules.js'

interface Step {
  name?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
}

interface Workflow {
  on: { push?: { tags?: string[]; branches?: string[] } }
  permissions?: Record<string, string>
  jobs: Record<string, { 'runs-on': string; container?: string | { image: string }; steps: Step[] }>
}

let workflow: Workflow

beforeAll(async () => {
  // `yaml` is the compiler's dependency, not the root's.
  const require = createRequire(join(ROOT, 'packages', 'compiler', 'package.json'))
  const { parse } = (await import(pathToFileURL(require.resolve('yaml')).href)) as { parse(text: string): unknown }
  workflow = parse(readFileSync(join(ROOT, '.github', 'workflows', 'release.yml'), 'utf8')) as Workflow
})

/** The README's install command: its "Set up" block, up to `pnpm install --frozen-lockfile`. */
function readmeInstallCommand(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  const setUp = readme.slice(readme.indexOf('## Set up'), readme.indexOf('\n## ', readme.indexOf('## Set up') + 1))
  const line = setUp.split('\n').find((candidate) => candidate.startsWith('npm install -g pnpm@'))
  if (!line) throw new Error('README.md "Set up" has no `npm install -g pnpm@` line')
  const end = line.indexOf('pnpm install --frozen-lockfile')
  if (end < 0) throw new Error('README.md "Set up" does not run `pnpm install --frozen-lockfile`')
  return line.slice(0, end + 'pnpm install --frozen-lockfile'.length)
}

function job(): { container?: string | { image: string }; steps: Step[] } {
  const jobs = Object.values(workflow.jobs)
  expect(jobs).toHaveLength(1)
  return jobs[0]!
}

/** The commands of a `run` step, one a line, without comments and blank lines. */
function commands(step: Step): string[] {
  return (step.run ?? '').split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'))
}

function stepIndex(predicate: (step: Step) => boolean, what: string): number {
  const index = job().steps.findIndex(predicate)
  expect(index, what).toBeGreaterThanOrEqual(0)
  return index
}

describe('.github/workflows/release.yml', () => {
  it('runs on version tags only, allowed to write the release', () => {
    expect(Object.keys(workflow.on)).toEqual(['push'])
    expect(workflow.on.push).toEqual({ tags: ['v*'] })
    expect(workflow.permissions).toEqual({ contents: 'write' })
  })

  it('runs in Debian with Node 20, as the README sets up', () => {
    const { container } = job()
    expect(typeof container === 'string' ? container : container?.image).toBe('node:20-bookworm')
  })

  it('installs with exactly the README\'s command, then tests, then releases with the same scripts as a local run', () => {
    const install = readmeInstallCommand()
    const packageManager = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { packageManager: string }).packageManager
    expect(install).toBe(`npm install -g ${packageManager} && pnpm install --frozen-lockfile`)

    const installAt = stepIndex((step) => commands(step).includes(install), `a step running \`${install}\``)
    const testAt = stepIndex((step) => commands(step).includes('bash build/test.sh'), 'a step running `bash build/test.sh`')
    const releaseAt = stepIndex((step) => commands(step).includes('pnpm release'), 'a step running `pnpm release`')
    expect(installAt).toBeLessThan(testAt)
    expect(testAt).toBeLessThan(releaseAt)
    expect(commands(job().steps[installAt]!)).toEqual([install])
    // The zips' dates come from the tagged commit, exported for `pnpm release`.
    expect(commands(job().steps[releaseAt]!).join('\n')).toMatch(/SOURCE_DATE_EPOCH="\$\(git log -1 --format=%ct\)"\nexport SOURCE_DATE_EPOCH\npnpm release$/)

    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts
    expect(scripts.release).toBe('node --import tsx build/release.ts')
    expect(readFileSync(join(ROOT, 'build', 'test.sh'), 'utf8')).toMatch(/^exec pnpm test "\$@"$/m)
  })

  it('attaches the zips, SHA256SUMS and the index to the release, after building them', () => {
    const releaseAt = stepIndex((step) => commands(step).includes('pnpm release'), 'the release step')
    const uploadAt = stepIndex((step) => step.uses?.startsWith('softprops/action-gh-release@') ?? false, 'the upload step')
    expect(releaseAt).toBeLessThan(uploadAt)
    const files = String(job().steps[uploadAt]!.with?.files ?? '').split('\n').map((line) => line.trim()).filter(Boolean)
    expect(files.sort()).toEqual(['dist/*.zip', 'dist/SHA256SUMS', 'dist/index.*'])
  })

  it('pins every action to a released version', () => {
    const uses = job().steps.flatMap((step) => (step.uses ? [step.uses] : []))
    expect(uses.length).toBeGreaterThanOrEqual(2)
    for (const action of uses) expect(action).toMatch(/^[\w-]+\/[\w-]+@(v\d+\.\d+\.\d+|[0-9a-f]{40})$/)
  })
})
