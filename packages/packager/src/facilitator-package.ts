import { readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { hasErrors, type Course, type Diagnostic } from '@cafes/core'
import type { CompiledModule } from '@cafes/compiler'
import { checkEntryNames } from './entry-names.js'
import { GUIDE_CSS } from './facilitator-guide-css.js'
import { facilitatorGuide, GUIDE_STYLESHEET } from './facilitator-guide.js'
import { compareBytes } from './manifest-model.js'
import type { PackageFile } from './package-file.js'
import { RULES, report } from './rules.js'

/** What the zip name says instead of a target. */
export const FACILITATOR_EDITION = 'facilitator'

/** `<id>-<version>-facilitator.zip`. */
export function facilitatorZipFileName(module: Pick<CompiledModule, 'meta'>): string {
  return `${module.meta.id}-${module.meta.version}-${FACILITATOR_EDITION}.zip`
}

/**
 * Every file of the facilitator edition: the guide (`index.html`), its stylesheet and the
 * module's assets (the images the pages show, the media the guide links to). Sorted by the
 * bytes of their paths; empty when there are errors.
 */
export function buildFacilitatorPackage(module: CompiledModule, options: { cwd: string }): { files: PackageFile[]; diagnostics: Diagnostic[] } {
  const here = { file: toPosix(relative(options.cwd, join(module.dir, 'module.md'))) }
  const diagnostics: Diagnostic[] = []
  const files: PackageFile[] = [
    { path: 'index.html', data: Buffer.from(facilitatorGuide(module)) },
    { path: GUIDE_STYLESHEET, data: Buffer.from(GUIDE_CSS) },
  ]
  for (const asset of module.assets) {
    try {
      files.push({ path: asset.path, data: readFileSync(asset.source) })
    } catch (error) {
      const source = toPosix(relative(options.cwd, asset.source))
      diagnostics.push(report(RULES.assetUnreadable, { path: source, reason: error instanceof Error ? error.message : String(error) }, { file: source }))
    }
  }
  files.sort((a, b) => compareBytes(a.path, b.path))
  diagnostics.push(...checkEntryNames(files.map((file) => file.path), new Set(), here))
  return { files: hasErrors(diagnostics) ? [] : files, diagnostics }
}

/**
 * Compiles the module again with its facilitator notes kept (`CompileOptions.facilitator`)
 * and builds the facilitator edition's files. Errors of that compile fail the edition; its
 * warnings are those of the learner compile, reported once already.
 */
export async function facilitatorEdition(module: CompiledModule, options: { cwd: string }): Promise<{ files: PackageFile[]; diagnostics: Diagnostic[] }> {
  const { compileModule } = await import('@cafes/compiler')
  // Not an object literal: the flag is checked by the compiler, whose options type may not name it yet.
  const compileOptions = { cwd: options.cwd, facilitator: true }
  const compiled = await compileModule(module.dir, compileOptions)
  const errors = compiled.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')
  if (!compiled.module || errors.length > 0) return { files: [], diagnostics: errors }
  return buildFacilitatorPackage(compiled.module, options)
}

/** The course a learner package carries: without a single facilitator note, whatever the compiler kept. */
export function learnerCourse(course: Course): Course {
  if (!course.pages.some((page) => page.blocks.some((block) => block.kind === 'facilitator'))) return course
  return { ...course, pages: course.pages.map((page) => ({ ...page, blocks: page.blocks.filter((block) => block.kind !== 'facilitator') })) }
}

function toPosix(path: string): string {
  return path.split(sep).join('/')
}
