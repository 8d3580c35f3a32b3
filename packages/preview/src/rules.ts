import type { Diagnostic } from '@cafes/core'

/**
 * Every diagnostic the preview reports itself (the compiler and the packager report the
 * module's own problems), as data: one place for the wording. Rule ids are permanent and
 * kebab-case, `<subject>-<problem>`. A message says what happened and why, with no position
 * and no "Error:" prefix; a hint says what to do next.
 */
export interface Rule<Args> {
  id: string
  severity: 'error' | 'warning'
  message: (args: Args) => string
  hint?: string | ((args: Args) => string)
}

function rule<Args>(definition: Rule<Args>): Rule<Args> {
  return definition
}

const REPORT_HINT = 'This is a cafes bug: please report it with the module that shows it.'

export const RULES = {
  severalModules: rule({
    id: 'preview-several-modules',
    severity: 'error',
    message: ({ path, count }: { path: string; count: number; first: string }) => `\`${path}\` holds ${count} modules; a preview shows one module`,
    hint: ({ first }) => `Name one module folder, e.g. \`cafes preview ${first}\`.`,
  }),
  packageRefused: rule({
    id: 'preview-package-refused',
    severity: 'error',
    message: ({ target, reason }: { target: string; reason: string }) =>
      `The simulated LMS refused the ${target} package, as an LMS would refuse its upload: ${reason}`,
    hint: REPORT_HINT,
  }),
  buildCrashed: rule({
    id: 'preview-build-crashed',
    severity: 'error',
    message: ({ reason }: { reason: string }) => `The build stopped unexpectedly: ${reason}`,
    hint: REPORT_HINT,
  }),
} as const

/** A diagnostic of the preview, on `file` (relative to the working directory). */
export function report<Args>(rule: Rule<Args>, args: Args, file: string): Diagnostic {
  const diagnostic: Diagnostic = { severity: rule.severity, ruleId: rule.id, source: 'preview', message: rule.message(args), file }
  const hint = typeof rule.hint === 'function' ? rule.hint(args) : rule.hint
  if (hint !== undefined) diagnostic.hint = hint
  return diagnostic
}
