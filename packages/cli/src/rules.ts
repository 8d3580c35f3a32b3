/**
 * The diagnostics the command line reports itself (the libraries keep their own), as data: one
 * place for the wording. Rule ids are permanent: never rename one.
 */
import type { Diagnostic } from '@cafes/core'

export interface Rule<Args> {
  id: string
  severity: 'error' | 'warning'
  message: (args: Args) => string
  hint?: string | ((args: Args) => string)
}

function rule<Args>(definition: Rule<Args>): Rule<Args> {
  return definition
}

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
  const diagnostic: Diagnostic = { severity: rule.severity, ruleId: rule.id, source: 'cli', message: rule.message(args), file }
  const hint = typeof rule.hint === 'function' ? rule.hint(args) : rule.hint
  if (hint) diagnostic.hint = hint
  return diagnostic
}
