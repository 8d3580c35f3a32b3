/**
 * `compileModule`: a module folder → its `Course`, the files to ship and every problem found.
 * Reads the disk through `load.ts`, parses each page with the shared processor, then assembles.
 */
import path from 'node:path'
import { assembleCourse, type PageSource } from './course.js'
import { checkModuleAssets, readConfig, readModule, byteOrder } from './load.js'
import { pageProcessor } from './processor.js'
import { toDiagnostics } from './report.js'
import { FIRST_DEFINED_HERE } from './rules.js'
import type { CompiledModule, CompileOptions, CompileResult } from './types.js'

/** Compiles the module in `dir` (relative to `options.cwd`). Never throws on content problems. */
export async function compileModule(dir: string, options: CompileOptions): Promise<CompileResult> {
  const moduleDir = path.resolve(options.cwd, dir)
  const [source, project] = await Promise.all([readModule(moduleDir, options.cwd), readConfig(moduleDir)])
  const configFiles = project.file ? [project.file] : []
  if ('problem' in source) return { diagnostics: toDiagnostics([source.problem, ...configFiles], options.cwd) }

  const processor = pageProcessor()
  const pages: PageSource[] = source.files.map((file) => ({ file, page: processor.processSync(file).result }))

  const logo = project.config.organisation?.logo
  const reserved =
    logo && project.file ? { asset: logo, note: { message: FIRST_DEFINED_HERE, file: project.file.path, place: project.logoPlace } } : undefined
  const references = pages.flatMap(({ file, page }) => page.assets.map((reference) => ({ file, reference })))
  const assets = await checkModuleAssets(moduleDir, references, reserved)
  if (logo) assets.push(logo)
  assets.sort((a, b) => byteOrder(a.path, b.path))

  const { meta, course, idPlace } = assembleCourse(pages, project.config)
  const module: CompiledModule = { dir: moduleDir, meta, config: project.config, course, assets }
  if (idPlace) module.idPlace = idPlace
  return { module, diagnostics: toDiagnostics([...source.files, ...configFiles], options.cwd) }
}
