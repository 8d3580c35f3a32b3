import { existsSync, mkdtempSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatDiagnostic } from '@cafes/core'
import { lint } from '@cafes/lint'
import { build } from '@cafes/packager'
import { tmpdir } from 'node:os'
import { ROOT } from '../support/build-modules.js'

/** The catalogue's rule: every module builds for every target and passes `lint --strict`. */

const MODULES = readdirSync(join(ROOT, 'modules'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(ROOT, 'modules', entry.name, 'module.md')))
  .map((entry) => `modules/${entry.name}`)

describe('the catalogue in modules/', () => {
  it('builds for scorm12, scorm2004, xapi, cmi5, web and the facilitator edition without a diagnostic', async () => {
    expect(MODULES.length).toBeGreaterThan(0)
    const report = await build({
      paths: MODULES.map((path) => join(ROOT, path)),
      targets: ['scorm12', 'scorm2004', 'xapi', 'cmi5', 'web'],
      facilitator: true,
      outDir: mkdtempSync(join(tmpdir(), 'cafes-catalogue-')),
      cwd: ROOT,
    })
    expect(report.diagnostics.map(formatDiagnostic)).toEqual([])
    expect(report.packages.filter((entry) => entry.zip !== undefined)).toHaveLength(MODULES.length * 6)
  }, 180_000)

  it('passes lint --strict: no error, no warning', async () => {
    const report = await lint({ paths: MODULES.map((path) => join(ROOT, path)), cwd: ROOT })
    expect(report.modules).toHaveLength(MODULES.length)
    expect(report.diagnostics.map(formatDiagnostic)).toEqual([])
  }, 180_000)
})
