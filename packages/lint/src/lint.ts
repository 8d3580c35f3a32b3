/**
 * `lint`: the modules under some paths, found and compiled as the build does, with the compiler's
 * diagnostics and the lint checks' own, at their `file:line:col` in the Markdown.
 */
import path from 'node:path'
import { compareDiagnostics, type Diagnostic } from '@cafes/core'
import { checkDuplicateModuleIds, compileModule, findModules, readModuleSources, type CompiledModule } from '@cafes/compiler'
import { defaultTargets } from '@cafes/packager'
import { checkAssetNames } from './checks/asset-names.js'
import { checkColourCues } from './checks/colour.js'
import { checkCompletionPassMark } from './checks/completion.js'
import { checkHeadingLevels } from './checks/headings.js'
import { checkImageAlt } from './checks/images.js'
import { checkDuration, checkPageLength } from './checks/length.js'
import { checkLinkText } from './checks/links.js'
import { checkMediaFormats } from './checks/media-formats.js'
import { checkMediaTranscripts } from './checks/media-transcripts.js'
import { checkPackageSize } from './checks/package-size.js'
import { checkQuestions } from './checks/questions.js'
import { checkScenarioPaths } from './checks/scenario-paths.js'
import { checkStateSize } from './checks/state.js'
import { displayPath, modulePlace, type LintCheck, type LintContext } from './context.js'
import { LINT_RULES, lintDiagnostic } from './rules.js'

export interface LintOptions {
  /** Module folders, or folders holding modules; relative paths start from `cwd`. */
  paths: string[]
  /** The user's working directory: diagnostics name files relative to it. */
  cwd: string
}

export interface LintReport {
  /** The compiler's diagnostics and the lint checks', each once, sorted for printing. */
  diagnostics: Diagnostic[]
  /** Every module found, in byte order of its folder: its id (`''` when unreadable) and folder, relative to `cwd`. */
  modules: { id: string; dir: string }[]
}

/** The checks, by name for `lint/rule-failed`; each reads one module and returns its findings. */
const CHECKS: ReadonlyArray<readonly [string, LintCheck]> = [
  ['image-alt', checkImageAlt],
  ['media-transcripts', checkMediaTranscripts],
  ['heading-levels', checkHeadingLevels],
  ['link-text', checkLinkText],
  ['colour-cues', checkColourCues],
  ['questions', checkQuestions],
  ['completion-pass-mark', checkCompletionPassMark],
  ['page-length', checkPageLength],
  ['duration', checkDuration],
  ['state-size', checkStateSize],
  ['scenario-paths', checkScenarioPaths],
  ['asset-names', checkAssetNames],
  ['package-size', checkPackageSize],
  ['media-formats', checkMediaFormats],
]

/**
 * Lints every module under `options.paths`: finds and compiles them as `cafes build` does (the
 * compiler's diagnostics are part of the report), then runs each check on each module that compiled.
 * Never throws on content.
 */
export async function lint(options: LintOptions): Promise<LintReport> {
  const cwd = path.resolve(options.cwd)
  const found = await findModules(options.paths.map((given) => path.resolve(cwd, given)), cwd)
  const diagnostics: Diagnostic[] = [...found.diagnostics]
  const results = await Promise.all(found.dirs.map((dir) => lintModule(dir, cwd)))
  const compiled: CompiledModule[] = []
  for (const result of results) {
    diagnostics.push(...result.diagnostics)
    if (result.module) compiled.push(result.module)
  }
  diagnostics.push(...checkDuplicateModuleIds(compiled, cwd))
  const modules = found.dirs.map((dir, index) => ({ id: results[index]?.module?.meta.id ?? '', dir: displayPath(cwd, dir) }))
  return { diagnostics: unique(diagnostics).sort(compareDiagnostics), modules }
}

async function lintModule(dir: string, cwd: string): Promise<{ module?: CompiledModule; diagnostics: Diagnostic[] }> {
  const [result, pages] = await Promise.all([compileModule(dir, { cwd }), readModuleSources(dir, cwd)])
  const { module } = result
  if (!module || !pages) return { diagnostics: result.diagnostics }
  const context: LintContext = { module, pages, targets: defaultTargets(module), compiled: result.diagnostics, cwd }
  const findings = await Promise.all(
    CHECKS.map(async ([name, check]) => {
      try {
        return await check(context)
      } catch (error) {
        // A bug in one check must not hide the others' findings, nor print a stack trace.
        const reason = error instanceof Error ? error.message : String(error)
        return [lintDiagnostic(LINT_RULES.ruleFailed, { rule: name, reason }, modulePlace(context))]
      }
    }),
  )
  return { module, diagnostics: [...result.diagnostics, ...findings.flat()] }
}

/** Each diagnostic once: two checks, or the compiler and a check, may meet at one place. */
function unique(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>()
  return diagnostics.filter((diagnostic) => {
    const key = JSON.stringify(diagnostic)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
