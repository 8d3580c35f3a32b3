/**
 * Fixtures: `fixtures/<case>/input/` is a module; `diagnostics.txt` holds the exact text of every
 * diagnostic (working directory: the case folder), and a case without errors has `expected.json`, its
 * `Course`. `UPDATE=1` rewrites these files; without it a missing one fails the test, so a new case
 * cannot pass by accident.
 */
import { readdirSync } from 'node:fs'
import { access, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { formatDiagnostic, hasErrors } from '@cafes/core'
import { describe, expect, it } from 'vitest'
import { compileModule } from '../src/index.js'

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url))
const update = process.env['UPDATE'] === '1'
const cases = readdirSync(fixtures, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()

describe('fixtures', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(10)
  })

  for (const name of cases) {
    it(name, async () => {
      const caseDir = path.join(fixtures, name)
      const result = await compileModule('input', { cwd: caseDir })
      const text = result.diagnostics.map((diagnostic) => `${formatDiagnostic(diagnostic)}\n`).join('')
      await compare(path.join(caseDir, 'diagnostics.txt'), text)

      const expectedFile = path.join(caseDir, 'expected.json')
      if (hasErrors(result.diagnostics)) {
        await expect(access(expectedFile), 'a case with errors has no expected.json').rejects.toThrow()
      } else {
        expect(result.module).toBeDefined()
        await compare(expectedFile, `${JSON.stringify(result.module?.course, null, 2)}\n`)
      }
    })
  }
})

async function compare(file: string, actual: string): Promise<void> {
  if (update) {
    await writeFile(file, actual)
    return
  }
  const expected = await readFile(file, 'utf8').catch(() => {
    throw new Error(`${path.relative(fixtures, file)} is missing: write it, or run with UPDATE=1 and review it`)
  })
  expect(actual).toBe(expected)
}
