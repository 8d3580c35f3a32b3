/**
 * The diagnostics the command line reports itself (the libraries keep their own), as data: one
 * place for the wording. Rule ids are permanent: never rename one.
 */
import { defineRule as rule, type Diagnostic, ruleDiagnostic, type Rule } from '@cafes/core'

export type { Rule }

export const RULES = {
  newFolderNotEmpty: rule({
    id: 'new-folder-not-empty',
    severity: 'error',
    message: ({ kind }: { kind: 'folder' | 'file' }) =>
      kind === 'file' ? 'A file already has this name; `cafes new` creates a folder' : 'This folder already exists and is not empty; `cafes new` never overwrites files',
    hint: 'Choose a new folder name, e.g. `cafes new modules/mon-module`, or empty the folder first.',
  }),
  newInvalidId: rule({
    id: 'new-invalid-id',
    severity: 'error',
    message: ({ name }: { name: string }) =>
      `\`${name}\` gives no module id: an id is made of lower-case ASCII letters, digits and single hyphens`,
    hint: 'Name the folder with letters or digits, e.g. `cafes new modules/transparence`; it becomes the module id.',
  }),
  newWriteFailed: rule({
    id: 'new-write-failed',
    severity: 'error',
    message: ({ reason }: { reason: string }) => `The module could not be written: ${reason}`,
    hint: 'Check that the parent folder exists and that you may write in it.',
  }),
}

/** A diagnostic of `rule` about `file` (relative to the working directory), from the command line. */
export function report<Args>(rule: Rule<Args>, args: Args, file: string): Diagnostic {
  return ruleDiagnostic(rule, args, { file }, 'cli')
}
