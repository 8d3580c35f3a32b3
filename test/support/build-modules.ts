import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from '@cafes/packager'
import type { TargetId } from '@cafes/core'

export const ROOT = resolve(import.meta.dirname, '../..')

/** Builds modules with the library the CLI uses, into a fresh folder; fails on any error. */
export async function buildModules(paths: string[], targets: TargetId[]): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'cafes-e2e-'))
  const report = await build({ paths: paths.map((path) => resolve(ROOT, path)), targets, outDir, cwd: ROOT })
  const errors = report.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')
  if (errors.length > 0) throw new Error(`build failed:\n${errors.map((error) => error.message).join('\n')}`)
  return outDir
}

export function zipPath(outDir: string, id: string, version: string, target: TargetId): string {
  return join(outDir, `${id}-${version}-${target}.zip`)
}
