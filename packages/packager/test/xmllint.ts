import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DESCRIPTOR_FORMATS, type DescriptorFormat } from '../src/descriptor-formats.js'
import { schemasDir } from '../src/schemas.js'

/**
 * Debian's xmllint against the descriptor's official schema (as `test/support/xsd.ts` does for
 * whole packages); throws with its report when the descriptor is invalid.
 */
export function validateDescriptor(format: DescriptorFormat, descriptor: string): void {
  const file = join(mkdtempSync(join(tmpdir(), 'cafes-xsd-')), DESCRIPTOR_FORMATS[format].file)
  writeFileSync(file, descriptor)
  try {
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', join(schemasDir(), DESCRIPTOR_FORMATS[format].schema), file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
  } catch (error) {
    const failure = error as { stderr?: Buffer; status?: number }
    throw new Error(`xmllint rejected ${DESCRIPTOR_FORMATS[format].file} (exit ${failure.status}):\n${failure.stderr?.toString()}`)
  }
}
