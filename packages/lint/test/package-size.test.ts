/** The file-count check on a module's asset list (10,000 real files would take a minute to compile). */
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { compileModule, readModuleSources } from '@cafes/compiler'
import { checkPackageSize } from '../src/checks/package-size.js'
import type { LintContext } from '../src/context.js'

const MODULE = fileURLToPath(new URL('fixtures/image-alt-uninformative/good', import.meta.url))

async function contextWithAssets(count: number): Promise<LintContext> {
  const { module, diagnostics } = await compileModule(MODULE, { cwd: MODULE })
  const pages = await readModuleSources(MODULE, MODULE)
  const asset = module!.assets[0]!
  const assets = Array.from({ length: count }, (_, index) => ({ source: asset.source, path: `assets/image-${index}.svg` }))
  return { module: { ...module!, assets }, pages: pages!, targets: ['scorm2004'], compiled: diagnostics, cwd: MODULE }
}

describe('lint/package-too-many-files', () => {
  it('passes 10,000 files in the package (module files plus the 4 of every package)', async () => {
    expect(await checkPackageSize(await contextWithAssets(9_996))).toEqual([])
  })

  it('warns above 10,000, on module.md, and names 360Learning above 50,000', async () => {
    const [over] = await checkPackageSize(await contextWithAssets(9_997))
    expect(over).toMatchObject({ ruleId: 'lint/package-too-many-files', severity: 'warning', file: 'module.md', line: 1, column: 1 })
    expect(over?.message).toBe('The package will hold about 10001 files; LMSs may refuse more than 10000')
    const [far] = await checkPackageSize(await contextWithAssets(50_000))
    expect(far?.message).toBe('The package will hold about 50004 files; LMSs may refuse more than 10000, and 360Learning (50,000) refuses this one')
  })
})
