import { defineRule as rule, type Diagnostic, ruleDiagnostic, type DiagnosticPlace, type Rule } from '@cafes/core'

export type { Rule }

const REFUSED = 'The zip was refused unread, so nothing else was checked.'

export const RULES = {
  // Reading the zip: hostile or broken archives are refused before anything is inflated.
  zipUnreadable: rule<{ reason: string }>({
    id: 'zip-unreadable',
    severity: 'error',
    message: ({ reason }) => `The file is not a readable zip: ${reason}`,
    hint: 'Download or export the package again; a truncated upload looks like this.',
  }),
  zipTooManyEntries: rule<{ count: number; limit: number }>({
    id: 'zip-too-many-entries',
    severity: 'error',
    message: ({ count, limit }) => `The zip declares ${count} entries, over the ${limit} this check reads (no LMS documents more)`,
    hint: REFUSED,
  }),
  zipTooLarge: rule<{ size: string; limit: string }>({
    id: 'zip-too-large',
    severity: 'error',
    message: ({ size, limit }) => `The entries unpack to ${size}, over the ${limit} this check accepts (no LMS documents more)`,
    hint: REFUSED,
  }),
  zipBomb: rule<{ path: string; size: string; ratio: number; limit: number }>({
    id: 'zip-bomb',
    severity: 'error',
    message: ({ path, size, ratio, limit }) =>
      `\`${path}\` declares ${size} packed ${ratio}:1, over the ${limit}:1 a real file reaches: a zip bomb`,
    hint: REFUSED,
  }),
  entrySizeMismatch: rule<{ path: string; reason: string }>({
    id: 'zip-entry-size-mismatch',
    severity: 'error',
    message: ({ path, reason }) => `\`${path}\` does not hold what the zip declares: ${reason}`,
    hint: 'A zip whose headers lie is either corrupt or hostile; rebuild it.',
  }),
  entryCorrupt: rule<{ path: string; reason: string }>({
    id: 'zip-entry-corrupt',
    severity: 'error',
    message: ({ path, reason }) => `\`${path}\` cannot be unpacked: ${reason}`,
  }),
  entryPathUnsafe: rule<{ path: string; reason: string }>({
    id: 'zip-entry-path-unsafe',
    severity: 'error',
    message: ({ path, reason }) => `The entry \`${path}\` ${reason}; an unzipper would write it outside the package folder`,
    hint: REFUSED,
  }),
  entriesOverlap: rule<{ path: string; other: string }>({
    id: 'zip-entries-overlap',
    severity: 'error',
    message: ({ path, other }) => `The data of \`${path}\` overlaps that of \`${other}\`: a crafted zip`,
    hint: REFUSED,
  }),
  entryHeaderMismatch: rule<{ path: string; field: string }>({
    id: 'zip-entry-header-mismatch',
    severity: 'error',
    message: ({ path, field }) =>
      `The local header of \`${path}\` disagrees with the central directory on its ${field}; unzippers that read one or the other get different files`,
  }),
  entryDuplicate: rule<{ path: string }>({
    id: 'zip-entry-duplicate',
    severity: 'error',
    message: ({ path }) => `\`${path}\` is in the zip twice; LMSs keep one or the other`,
  }),
  entryEncrypted: rule<{ path: string }>({
    id: 'zip-entry-encrypted',
    severity: 'error',
    message: ({ path }) => `\`${path}\` is encrypted; LMSs cannot unpack it`,
  }),
  entryMethodUnsupported: rule<{ path: string; method: number }>({
    id: 'zip-entry-method-unsupported',
    severity: 'error',
    message: ({ path, method }) => `\`${path}\` uses compression method ${method}; LMSs read only stored (0) and deflated (8) entries`,
  }),
  storedWithDataDescriptor: rule<{ path: string }>({
    id: 'zip-stored-data-descriptor',
    severity: 'error',
    message: ({ path }) =>
      `\`${path}\` is stored (not compressed) with its sizes in a data descriptor after the data; Java-based LMS importers cannot read it`,
    hint: 'Re-zip with a tool that writes sizes in the local header (e.g. `zip -r`), or let `cafes build` write the zip.',
  }),
  nameNotUtf8: rule<{ path: string }>({
    id: 'zip-name-not-utf8',
    severity: 'error',
    message: ({ path }) =>
      `The entry name \`${path}\` has non-ASCII characters but not the zip's UTF-8 flag; LMSs decode it with different code pages and links to it break`,
    hint: 'Rename the file in ASCII, or re-zip with a tool that sets the UTF-8 flag (bit 11).',
  }),

  // What the package is.
  descriptorMissing: rule({
    id: 'package-descriptor-missing',
    severity: 'error',
    message: () =>
      'The zip has no `imsmanifest.xml` (SCORM), `tincan.xml` (xAPI), `cmi5.xml` (cmi5) or `index.html` (web) at its root',
    hint: 'Zip the contents of the course folder, not the folder itself.',
  }),
  descriptorNotAtRoot: rule<{ path: string }>({
    id: 'package-descriptor-not-at-root',
    severity: 'error',
    message: ({ path }) => `The descriptor is at \`${path}\`, not at the root of the zip; LMSs look for it at the root`,
    hint: 'Zip the contents of the course folder, not the folder itself.',
  }),
  descriptorsSeveral: rule<{ chosen: string; others: string }>({
    id: 'package-descriptors-several',
    severity: 'warning',
    message: ({ chosen, others }) =>
      `The zip holds \`${chosen}\` and ${others}; LMSs differ on which wins (this check reads \`${chosen}\`, as SCORM Cloud does)`,
  }),
  descriptorTooLarge: rule<{ path: string; size: string; limit: string }>({
    id: 'package-descriptor-too-large',
    severity: 'error',
    message: ({ path, size, limit }) => `\`${path}\` weighs ${size}, over the ${limit} a descriptor needs; it was not read`,
  }),

  // XSD validation.
  schemaInvalid: rule<{ reason: string }>({
    id: 'descriptor-schema-invalid',
    severity: 'error',
    message: ({ reason }) => `The official schema rejects the descriptor: ${reason}`,
  }),
  schemaSubtreeSkipped: rule<{ namespace: string }>({
    id: 'descriptor-schema-skipped',
    severity: 'warning',
    message: ({ namespace }) =>
      `Inline metadata in \`${namespace}\` was not validated: its 2001 schema does not compile in libxml2 2.13 (xmllint-wasm)`,
    hint: 'LMSs ignore inline metadata; remove it to have the whole manifest validated.',
  }),
  schemaUnavailable: rule<{ reason: string }>({
    id: 'descriptor-schema-unavailable',
    severity: 'warning',
    message: ({ reason }) => `The descriptor could not be validated against its schema: ${reason}`,
  }),
  editionOlder: rule<{ edition: string }>({
    id: 'manifest-edition-older',
    severity: 'warning',
    message: ({ edition }) =>
      `This is a SCORM ${edition} manifest; it was validated against the 4th Edition schemas, which accept every 2nd and 3rd Edition construct LMSs still read`,
  }),

  // LMS limits (LMS-PROFILES.md §1a, B20): the package is valid, some LMSs still refuse it.
  lmsTooManyFiles: rule<{ count: number; limit: number; who: string }>({
    id: 'package-lms-too-many-files',
    severity: 'warning',
    message: ({ count, limit, who }) => `The package holds ${count} files; ${who} refuse more than ${limit}`,
    hint: 'Remove unused assets.',
  }),
  lmsTooLarge: rule<{ size: string; limit: string; who: string }>({
    id: 'package-lms-too-large',
    severity: 'warning',
    message: ({ size, limit, who }) => `The package weighs ${size}; ${who} refuse packages over ${limit}`,
    hint: 'Compress large media, or host videos elsewhere.',
  }),
  lmsCompressionRatio: rule<{ ratio: number; limit: number }>({
    id: 'package-lms-compression-ratio',
    severity: 'warning',
    message: ({ ratio, limit }) => `The package unpacks to ${ratio} times its size; 360Learning refuses more than ${limit}`,
  }),

  // --launch
  launchBrowserMissing: rule<{ path: string }>({
    id: 'launch-browser-missing',
    severity: 'error',
    message: ({ path }) => `--launch needs Chromium, which is not at \`${path}\``,
    hint: 'Install Debian\'s chromium (`apt-get install -y chromium`), or set CAFES_CHROMIUM to its path.',
  }),
  launchSkipped: rule<{ reason: string }>({
    id: 'launch-skipped',
    severity: 'warning',
    message: ({ reason }) => `The package was not launched: ${reason}`,
  }),
  launchImportRefused: rule<{ reason: string }>({
    id: 'launch-import-refused',
    severity: 'error',
    message: ({ reason }) => `The simulated LMS refused the package: ${reason}`,
  }),
  launchFailed: rule<{ step: string; reason: string }>({
    id: 'launch-failed',
    severity: 'error',
    message: ({ step, reason }) => `Launched in Chromium, the package did not ${step}: ${reason}`,
  }),
  launchApiError: rule<{ call: string; code: string }>({
    id: 'launch-api-error',
    severity: 'error',
    message: ({ call, code }) => `The LMS answered \`${call}\` with error ${code}`,
  }),
  launchPageError: rule<{ reason: string }>({
    id: 'launch-page-error',
    severity: 'error',
    message: ({ reason }) => `The page threw while it ran: ${reason}`,
  }),
} as const

/** A `validate` diagnostic from a rule, its arguments and the file (with a line for XML positions). */
export function report<Args>(
  rule: Rule<Args>,
  args: Args,
  place: DiagnosticPlace,
  severity: 'error' | 'warning' = rule.severity,
): Diagnostic {
  return ruleDiagnostic(rule, args, place, 'validate', { severity })
}
