/**
 * `compileModule`: a module folder → its `Course`, the files to ship and every problem found.
 * Reads the disk through `load.ts`, parses each page with the shared processor, then assembles.
 */
import path from 'node:path'
import { assembleCourse, type PageSource } from './course.js'
import { VFile } from 'vfile'
import { checkModuleAssets, readConfig, readModule, readModuleText, byteOrder } from './load.js'
import { checkPageLimits, processPage } from './page-guard.js'
import { pageProcessor, renderTranscript } from './processor.js'
import { report, toDiagnostics } from './report.js'
import { FIRST_DEFINED_HERE, rules } from './rules.js'
import { parseWebVtt } from './webvtt.js'
import type { CompiledModule, CompileOptions, CompileResult } from './types.js'

/** Compiles the module in `dir` (relative to `options.cwd`). Never throws on content problems. */
export async function compileModule(dir: string, options: CompileOptions): Promise<CompileResult> {
  const moduleDir = path.resolve(options.cwd, dir)
  const [source, project] = await Promise.all([readModule(moduleDir, options.cwd), readConfig(moduleDir)])
  const configFiles = project.file ? [project.file] : []
  if ('problem' in source) return { diagnostics: toDiagnostics([source.problem, ...configFiles], options.cwd) }

  const processor = pageProcessor({ facilitator: options.facilitator ?? false })
  const pages: PageSource[] = source.files.map((file) => ({ file, page: processPage(processor, file) }))
  const transcriptFiles = await readTranscripts(moduleDir, pages)

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
  return { module, diagnostics: toDiagnostics([...source.files, ...source.unreadable, ...transcriptFiles, ...configFiles], options.cwd) }
}

/**
 * Fills in the media blocks' cues (WebVTT) or transcript HTML (Markdown) from their files. Problems in
 * a WebVTT file are reported on that file, at their line; the files carrying them are returned.
 */
async function readTranscripts(moduleDir: string, pages: readonly PageSource[]): Promise<VFile[]> {
  const files = new Map<string, VFile>()
  for (const { file, page } of pages) {
    for (const { block, reference } of page.transcripts) {
      // A WebVTT file is shipped too: the asset check reports it when missing.
      const problem = { file, url: reference.url, place: reference.place, quiet: reference.format === 'vtt' }
      const read = await readModuleText(moduleDir, reference.path, problem)
      if (read === undefined) continue
      const { file: transcript, unreadable } = read
      // Several blocks may share a transcript: its read problems are reported once.
      const seen = files.has(transcript.path)
      if (!seen && (transcript.messages.length > 0 || reference.format === 'vtt')) files.set(transcript.path, transcript)
      if (unreadable) continue
      if (reference.format === 'md') {
        if (checkPageLimits(transcript)) files.set(transcript.path, transcript)
        else block.transcriptHtml = renderTranscript(String(transcript.value))
        continue
      }
      const { cues, problems } = parseWebVtt(String(transcript.value))
      block.cues = cues
      if (seen) continue
      for (const { line, column, detail } of problems) report(transcript, rules.webvttInvalid, { detail }, { line, column })
    }
  }
  return [...files.values()]
}
