import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build, type BuildReport } from '@cafes/packager'
import type { TargetId } from '@cafes/core'
import { validatePackage } from './xsd.js'

export const ROOT = resolve(import.meta.dirname, '../..')

/**
 * Builds modules with the library the CLI uses, into a fresh folder; fails on any error, and
 * validates every manifest and xAPI / cmi5 descriptor it wrote against the official XSDs.
 */
export async function buildModules(paths: string[], targets: TargetId[]): Promise<string> {
  return (await buildModulesWithReport(paths, targets)).outDir
}

export async function buildModulesWithReport(paths: string[], targets: TargetId[]): Promise<{ outDir: string; report: BuildReport }> {
  const outDir = mkdtempSync(join(tmpdir(), 'cafes-e2e-'))
  const report = await build({ paths: paths.map((path) => resolve(ROOT, path)), targets, outDir, cwd: ROOT })
  const errors = report.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')
  if (errors.length > 0) throw new Error(`build failed:\n${errors.map((error) => `${error.file}:${error.line}: ${error.message}`).join('\n')}`)
  for (const pkg of report.packages) if (pkg.zip) await validatePackage(resolve(ROOT, pkg.zip))
  return { outDir, report }
}

export function zipPath(outDir: string, id: string, version: string, target: TargetId): string {
  return join(outDir, `${id}-${version}-${target}.zip`)
}
