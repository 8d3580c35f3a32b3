/**
 * What every lint check reads about one module: the compiled module, its pages as written, its targets,
 * and how to turn a place in a page into a diagnostic's `file:line:col`.
 */
import path from 'node:path'
import type { Diagnostic } from '@cafes/core'
import type { CompiledModule, SourcePage } from '@cafes/compiler'
import type { PackageTarget } from '@cafes/packager'
import type { LintPlace } from './rules.js'

export interface LintContext {
  module: CompiledModule
  /** `module.md` first, then the other pages, as the compiler orders them. */
  pages: SourcePage[]
  /** The targets a plain `cafes build` would package this module for. */
  targets: readonly PackageTarget[]
  /** The compiler's diagnostics of this module, so that no check repeats one. */
  compiled: readonly Diagnostic[]
  cwd: string
}

/** One check: the findings of one subject on one module. */
export type LintCheck = (context: LintContext) => Diagnostic[] | Promise<Diagnostic[]>

/** `file` relative to `cwd`, `/` separators (the compiler's convention). */
export function displayPath(cwd: string, file: string): string {
  return path.relative(cwd, file).split(path.sep).join('/') || '.'
}

/** A place in a page (`point` from the tree, 1-based), or the page itself. */
export function pagePlace(context: LintContext, page: Pick<SourcePage, 'path'>, point?: { line: number; column: number }): LintPlace {
  const file = displayPath(context.cwd, page.path)
  return point ? { file, line: point.line, column: point.column } : { file }
}

/** `module.md`, at `point` or at its first line. */
export function modulePlace(context: LintContext, point?: { line: number; column: number }): LintPlace {
  const file = displayPath(context.cwd, path.join(context.module.dir, 'module.md'))
  return { file, line: point?.line ?? 1, column: point?.column ?? 1 }
}
