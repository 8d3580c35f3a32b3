import { defineRule as rule, type Diagnostic, ruleDiagnostic, type Rule } from '@cafes/core'

export type { Rule }

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
  return ruleDiagnostic(rule, args, { file }, 'preview')
}
