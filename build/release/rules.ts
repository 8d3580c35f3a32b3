import { defineRule as rule, type Diagnostic, ruleDiagnostic, type Rule } from '@cafes/core'

export type { Rule }

const VALIDATOR_HINT = 'This is a bug in cafes: please report it with the module that triggers it.'

export const RULES = {
  xmllintMissing: rule<{ reason: string }>({
    id: 'release-xmllint-missing',
    severity: 'error',
    message: ({ reason }) => `The release validates every manifest and descriptor with xmllint, which could not be run: ${reason}`,
    hint: 'Install it: `apt-get install -y libxml2-utils` (as `bash build/test.sh` does).',
  }),
  zipUnreadable: rule<{ reason: string }>({
    id: 'release-zip-unreadable',
    severity: 'error',
    message: ({ reason }) => `The zip could not be read back: ${reason}`,
    hint: VALIDATOR_HINT,
  }),
  zipKindUnknown: rule<{ name: string }>({
    id: 'release-zip-kind-unknown',
    severity: 'error',
    message: ({ name }) =>
      `\`${name}\` does not end in -scorm12, -scorm2004, -xapi, -cmi5, -web or -facilitator.zip, so it cannot be checked`,
    hint: 'Name release zips `<id>-<version>-<target>.zip`.',
  }),
  entryMissing: rule<{ entry: string; kind: string }>({
    id: 'release-entry-missing',
    severity: 'error',
    message: ({ entry, kind }) => `A ${kind} package must hold \`${entry}\` at its root; this one does not`,
    hint: VALIDATOR_HINT,
  }),
  schemaInvalid: rule<{ entry: string; standard: string; line: number; reason: string }>({
    id: 'release-schema-invalid',
    severity: 'error',
    message: ({ entry, standard, line, reason }) => `\`${entry}\` does not follow the ${standard} schema, line ${line}: ${reason}`,
    hint: VALIDATOR_HINT,
  }),
  duplicateModuleId: rule<{ id: string; other: string }>({
    id: 'release-duplicate-module-id',
    severity: 'error',
    message: ({ id, other }) => `Another module of the catalogue, \`${other}\`, has the id \`${id}\`; LMSs key learners' records on it`,
    hint: 'Give each module its own `id` in its front matter.',
  }),
  workerFailed: rule<{ reason: string }>({
    id: 'release-worker-failed',
    severity: 'error',
    message: ({ reason }) => `The process building this module stopped before it finished: ${reason}`,
    hint: 'Build the module alone with `pnpm cafes build <module>` to see what goes wrong.',
  }),
  publishFailed: rule<{ reason: string }>({
    id: 'release-publish-failed',
    severity: 'error',
    message: ({ reason }) => `The release could not be written: ${reason}`,
    hint: 'Check that the output folder is writable and the disk is not full.',
  }),
}

/** Where a diagnostic points: a file, and a 1-based line when known. */
export interface Place {
  file: string
  line?: number
}

/** A diagnostic of `rule`, with source `release`. */
export function report<Args>(rule: Rule<Args>, args: Args, place: Place): Diagnostic {
  return ruleDiagnostic(rule, args, { file: place.file, ...(place.line !== undefined ? { line: place.line } : {}) }, 'release')
}
