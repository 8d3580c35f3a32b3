import { defineRule as rule, type Diagnostic, ruleDiagnostic, type Rule } from '@cafes/core'

export type { Rule }

const SPLIT_HINT = 'Split the module into smaller ones, or reduce its pages, questions or choices.'

export const RULES = {
  // Packaging.
  suspendDataTooLarge: rule<{ length: number; limit: number; edition: string }>({
    id: 'suspend-data-too-large',
    severity: 'error',
    message: ({ length, limit, edition }) =>
      `The learner's saved state can reach ${length} characters, over the ${limit} that ${edition} keeps in \`suspend_data\``,
    hint: SPLIT_HINT,
  }),
  suspendDataLarge: rule<{ length: number; limit: number }>({
    id: 'suspend-data-large',
    severity: 'warning',
    message: ({ length, limit }) =>
      `The learner's saved state can reach ${length} characters; some SCORM 2004 LMSs keep only ${limit}`,
    hint: SPLIT_HINT,
  }),
  locationTooLong: rule<{ page: string; length: number; limit: number; element: string }>({
    id: 'location-too-long',
    severity: 'error',
    message: ({ page, length, limit, element }) =>
      `The page id \`${page}\` is ${length} characters long, over the ${limit} that \`${element}\` holds`,
    hint: 'Give the page file a shorter name.',
  }),
  entryNameInvalid: rule<{ path: string }>({
    id: 'package-entry-name-invalid',
    severity: 'error',
    message: ({ path }) =>
      `\`${path}\` cannot be a file name in a package: LMSs accept only lower-case ASCII letters, digits, \`.\`, \`_\`, \`-\` and \`/\` between names`,
    hint: 'Rename the file without accents, spaces or capitals.',
  }),
  entryNameCollision: rule<{ path: string; other: string }>({
    id: 'package-entry-name-collision',
    severity: 'error',
    message: ({ path, other }) =>
      path === other
        ? `Two files would be written to \`${path}\` in the package`
        : `\`${path}\` and \`${other}\` differ only in case; some LMSs cannot tell them apart`,
    hint: 'Rename one of the files.',
  }),
  fileExtensionForbidden: rule<{ path: string }>({
    id: 'package-file-extension-forbidden',
    severity: 'error',
    message: ({ path }) => `\`${path}\` has an extension that LMSs refuse to import (server scripts and programs)`,
    hint: 'Remove the file from the module.',
  }),
  assetUnreadable: rule<{ path: string; reason: string }>({
    id: 'asset-unreadable',
    severity: 'error',
    message: ({ path, reason }) => `\`${path}\` could not be read: ${reason}`,
  }),
  tooManyFiles: rule<{ count: number; limit: number }>({
    id: 'package-too-many-files',
    severity: 'warning',
    message: ({ count, limit }) => `The package holds ${count} files; some LMSs refuse more than ${limit}`,
    hint: 'Remove unused assets.',
  }),
  tooLarge: rule<{ size: string; limit: string }>({
    id: 'package-too-large',
    severity: 'warning',
    message: ({ size, limit }) => `The package weighs ${size}; some LMSs refuse packages over ${limit}`,
    hint: 'Compress large media, or host videos elsewhere.',
  }),
  writeFailed: rule<{ reason: string }>({
    id: 'package-write-failed',
    severity: 'error',
    message: ({ reason }) => `The zip could not be written: ${reason}`,
    hint: 'Check that the output folder is writable and the disk is not full.',
  }),
  playerBuildFailed: rule<{ target: string; reason: string }>({
    id: 'player-build-failed',
    severity: 'error',
    message: ({ target, reason }) => `The ${target} player could not be built: ${reason}`,
  }),
  titleTruncated: rule<{ limit: number }>({
    id: 'manifest-title-truncated',
    severity: 'warning',
    message: ({ limit }) => `The title is longer than the ${limit} characters a manifest title holds; the manifest carries it cut`,
    hint: 'Shorten the title.',
  }),

  // Manifest checks: what XSD validation does not catch (STANDARDS §1.11).
  notWellFormed: rule<{ reason: string }>({
    id: 'manifest-not-well-formed',
    severity: 'error',
    message: ({ reason }) => `\`imsmanifest.xml\` is not well-formed XML: ${reason}`,
  }),
  rootInvalid: rule<{ found: string }>({
    id: 'manifest-root-invalid',
    severity: 'error',
    message: ({ found }) =>
      `The root element is ${found}, not a SCORM 1.2 (\`http://www.imsproject.org/xsd/imscp_rootv1p1p2\`) or SCORM 2004 (\`http://www.imsglobal.org/xsd/imscp_v1p1\`) \`<manifest>\``,
  }),
  editionMismatch: rule<{ expected: string; found: string }>({
    id: 'manifest-edition-mismatch',
    severity: 'error',
    message: ({ expected, found }) => `A ${expected} package carries a ${found} manifest`,
  }),
  elementCount: rule<{ element: string; parent: string; count: number; expected: string }>({
    id: 'manifest-element-count',
    severity: 'error',
    message: ({ element, parent, count, expected }) => `\`<${parent}>\` must hold ${expected} \`<${element}>\`, found ${count}`,
  }),
  schemaInvalid: rule<{ found: string }>({
    id: 'manifest-schema-invalid',
    severity: 'error',
    message: ({ found }) => `The first child of \`<metadata>\` must be \`<schema>ADL SCORM</schema>\`, found ${found}`,
  }),
  schemaversionInvalid: rule<{ found: string; expected: string }>({
    id: 'manifest-schemaversion-invalid',
    severity: 'error',
    message: ({ found, expected }) =>
      `The second child of \`<metadata>\` must be \`<schemaversion>${expected}</schemaversion>\`, found ${found}; LMSs pick the run-time from it`,
  }),
  schemaversionOld: rule<{ found: string }>({
    id: 'manifest-schemaversion-old',
    severity: 'warning',
    message: ({ found }) => `schemaversion \`${found}\` names an older SCORM 2004 edition than the 4th`,
  }),
  defaultOrganizationMissing: rule({
    id: 'manifest-default-organization-missing',
    severity: 'error',
    message: () => '`<organizations>` has no `default` attribute naming the organization to launch',
  }),
  danglingDefaultOrganization: rule<{ ref: string }>({
    id: 'manifest-dangling-default-organization',
    severity: 'error',
    message: ({ ref }) => `\`<organizations default="${ref}">\` names no \`<organization>\``,
  }),
  danglingIdentifierref: rule<{ element: string; ref: string }>({
    id: 'manifest-dangling-identifierref',
    severity: 'error',
    message: ({ element, ref }) => `\`<${element} identifierref="${ref}">\` names no resource`,
  }),
  identifierInvalid: rule<{ element: string; identifier: string | undefined }>({
    id: 'manifest-identifier-invalid',
    severity: 'error',
    message: ({ element, identifier }) =>
      identifier === undefined
        ? `\`<${element}>\` has no identifier`
        : `The identifier \`${identifier}\` of \`<${element}>\` is not an XML name (a letter or \`_\` first, then letters, digits, \`.\`, \`-\`, \`_\`)`,
  }),
  identifierDuplicate: rule<{ identifier: string }>({
    id: 'manifest-identifier-duplicate',
    severity: 'error',
    message: ({ identifier }) => `The identifier \`${identifier}\` is used more than once`,
  }),
  titleMissing: rule<{ element: string; count: number }>({
    id: 'manifest-title-missing',
    severity: 'error',
    message: ({ element, count }) => `\`<${element}>\` must have exactly one \`<title>\`, found ${count}`,
  }),
  organizationEmpty: rule<{ identifier: string }>({
    id: 'manifest-organization-empty',
    severity: 'error',
    message: ({ identifier }) => `The organization \`${identifier}\` holds no \`<item>\``,
  }),
  leafItemWithoutResource: rule<{ identifier: string }>({
    id: 'manifest-leaf-item-without-resource',
    severity: 'error',
    message: ({ identifier }) => `The item \`${identifier}\` has no child item and no \`identifierref\`: it launches nothing`,
  }),
  parentItemWithResource: rule<{ identifier: string }>({
    id: 'manifest-parent-item-with-resource',
    severity: 'error',
    message: ({ identifier }) =>
      `The item \`${identifier}\` has child items and an \`identifierref\`; only leaf items may reference a resource`,
  }),
  scormtypeSpelling: rule<{ found: string; expected: string }>({
    id: 'manifest-scormtype-spelling',
    severity: 'error',
    message: ({ found, expected }) => `\`${found}\` is not the spelling of this SCORM edition, which reads \`${expected}\``,
  }),
  scormtypeMissing: rule<{ identifier: string; expected: string }>({
    id: 'manifest-scormtype-missing',
    severity: 'error',
    message: ({ identifier, expected }) => `The resource \`${identifier}\` has no \`${expected}\` attribute`,
  }),
  scormtypeInvalid: rule<{ identifier: string; value: string }>({
    id: 'manifest-scormtype-invalid',
    severity: 'error',
    message: ({ identifier, value }) => `The resource \`${identifier}\` has SCORM type \`${value}\`; only \`sco\` and \`asset\` exist`,
  }),
  resourceTypeMissing: rule<{ identifier: string }>({
    id: 'manifest-resource-type-missing',
    severity: 'error',
    message: ({ identifier }) => `The resource \`${identifier}\` has no \`type\` attribute (\`webcontent\`)`,
  }),
  resourceHrefMissing: rule<{ identifier: string }>({
    id: 'manifest-resource-href-missing',
    severity: 'error',
    message: ({ identifier }) => `The resource \`${identifier}\` is launched by an item but has no \`href\``,
  }),
  launchFileNotListed: rule<{ identifier: string; href: string }>({
    id: 'manifest-launch-file-not-listed',
    severity: 'error',
    message: ({ identifier, href }) =>
      `The launch file \`${href}\` of the resource \`${identifier}\` is not a \`<file>\` of it or of its dependencies`,
  }),
  dependencyCycle: rule<{ identifier: string }>({
    id: 'manifest-dependency-cycle',
    severity: 'error',
    message: ({ identifier }) => `The dependencies of the resource \`${identifier}\` lead back to it`,
  }),
  fileHrefInvalid: rule<{ href: string; reason: string }>({
    id: 'manifest-file-href-invalid',
    severity: 'error',
    message: ({ href, reason }) => `\`<file href="${href}">\`: ${reason}`,
  }),
  fileMissing: rule<{ href: string; caseMatch: string | undefined }>({
    id: 'manifest-file-missing',
    severity: 'error',
    message: ({ href, caseMatch }) =>
      caseMatch === undefined
        ? `\`<file href="${href}">\` names a file that is not in the package`
        : `\`<file href="${href}">\` names a file that is not in the package; \`${caseMatch}\` differs only in case`,
  }),
  fileNotListed: rule<{ path: string }>({
    id: 'manifest-file-not-listed',
    severity: 'warning',
    message: ({ path }) => `\`${path}\` is in the package but in no \`<file>\` of the manifest`,
  }),
  schemaLocationInvalid: rule({
    id: 'manifest-schemalocation-invalid',
    severity: 'error',
    message: () => '`xsi:schemaLocation` must hold pairs of a namespace and a schema file',
  }),
  namespaceUnmapped: rule<{ namespace: string }>({
    id: 'manifest-namespace-unmapped',
    severity: 'error',
    message: ({ namespace }) => `The namespace \`${namespace}\` is used but \`xsi:schemaLocation\` maps it to no schema file`,
  }),
  schemaFileMissing: rule<{ location: string }>({
    id: 'manifest-schema-file-missing',
    severity: 'error',
    message: ({ location }) => `\`xsi:schemaLocation\` names \`${location}\`, which is not at the root of the package`,
  }),
  masteryscoreRange: rule<{ value: string }>({
    id: 'manifest-masteryscore-range',
    severity: 'error',
    message: ({ value }) => `\`adlcp:masteryscore\` \`${value}\` is not a number from 0 to 100`,
  }),
  measureRange: rule<{ element: string; value: string; range: string }>({
    id: 'manifest-measure-range',
    severity: 'error',
    message: ({ element, value, range }) => `\`${element}\` \`${value}\` is not a number from ${range}`,
  }),
  valueTooLong: rule<{ what: string; length: number; limit: number }>({
    id: 'manifest-value-too-long',
    severity: 'warning',
    message: ({ what, length, limit }) => `${what} is ${length} characters long; the limit is ${limit}`,
  }),
  // More ADL CTS rules (scorm2004-4th-cts-rules: ContentAggregation, Resource, Submanifest Schematron).
  xmlBaseInvalid: rule<{ value: string; reason: string }>({
    id: 'manifest-xml-base-invalid',
    severity: 'error',
    message: ({ value, reason }) => `\`xml:base="${value}"\` ${reason}`,
    hint: 'Write a relative folder path ending with `/`, e.g. `xml:base="content/"`.',
  }),
  resourceUnreferenced: rule<{ identifier: string }>({
    id: 'manifest-resource-unreferenced',
    severity: 'warning',
    message: ({ identifier }) => `The resource \`${identifier}\` is referenced by no item and no dependency`,
  }),
  resourceExternal: rule<{ identifier: string; href: string }>({
    id: 'manifest-resource-external',
    severity: 'warning',
    message: ({ identifier, href }) =>
      `The resource \`${identifier}\` launches the external URL \`${href}\`; ADL discourages it (cross-domain scripting)`,
  }),
  scoOnlyElement: rule<{ element: string; identifier: string }>({
    id: 'manifest-sco-only-element',
    severity: 'error',
    message: ({ element, identifier }) => `\`<${element}>\` is only allowed on an item that launches a SCO; the item \`${identifier}\` does not`,
  }),
  completionThresholdValue: rule<{ value: string; deprecated: boolean }>({
    id: 'manifest-completion-threshold-value',
    severity: 'error',
    message: ({ value, deprecated }) =>
      deprecated
        ? `\`<adlcp:completionThreshold>${value}</adlcp:completionThreshold>\` is the 3rd Edition form, deprecated in the 4th`
        : `\`<adlcp:completionThreshold>\` holds \`${value}\`; with attributes it must be empty, without them a number from 0 to 1`,
    hint: 'Write `<adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="0.8"/>`.',
  }),
  submanifest: rule({
    id: 'manifest-submanifest',
    severity: 'warning',
    message: () => 'The manifest holds a (sub)manifest; ADL recommends not to use them, LMSs read them differently',
  }),

  // Descriptor checks (tincan.xml, cmi5.xml): what XSD validation does not catch (STANDARDS §3.9, §4.1).
  descriptorNotWellFormed: rule<{ file: string; reason: string }>({
    id: 'descriptor-not-well-formed',
    severity: 'error',
    message: ({ file, reason }) => `\`${file}\` is not well-formed XML: ${reason}`,
  }),
  descriptorRootInvalid: rule<{ found: string }>({
    id: 'descriptor-root-invalid',
    severity: 'error',
    message: ({ found }) =>
      `The root element is ${found}, not a Tin Can \`<tincan>\` (\`http://projecttincan.com/tincan.xsd\`) or a cmi5 \`<courseStructure>\` (\`https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd\`)`,
  }),
  descriptorFormatMismatch: rule<{ expected: string; found: string }>({
    id: 'descriptor-format-mismatch',
    severity: 'error',
    message: ({ expected, found }) => `A ${expected} package carries a ${found} descriptor`,
  }),
  descriptorElementCount: rule<{ element: string; parent: string; count: number; expected: string }>({
    id: 'descriptor-element-count',
    severity: 'error',
    message: ({ element, parent, count, expected }) => `\`<${parent}>\` must hold ${expected} \`<${element}>\`, found ${count}`,
  }),
  descriptorIriInvalid: rule<{ what: string; value: string | undefined }>({
    id: 'descriptor-iri-invalid',
    severity: 'error',
    message: ({ what, value }) =>
      value === undefined
        ? `${what} has no \`id\``
        : `${what} \`${value}\` is not an absolute IRI (a scheme such as \`https:\`, then no space)`,
  }),
  descriptorIdDuplicate: rule<{ id: string }>({
    id: 'descriptor-id-duplicate',
    severity: 'error',
    message: ({ id }) => `The id \`${id}\` is used more than once; LRSs would merge the two activities`,
  }),
  descriptorLaunchCount: rule<{ count: number }>({
    id: 'descriptor-launch-count',
    severity: 'error',
    message: ({ count }) =>
      `A Tin Can package must have exactly one launchable activity (with \`<launch>\` or \`<resource>\`), found ${count}`,
  }),
  descriptorLaunchFileMissing: rule<{ element: string; href: string; reason: string }>({
    id: 'descriptor-launch-file-missing',
    severity: 'error',
    message: ({ element, href, reason }) => `\`<${element}>${href}</${element}>\`: ${reason}`,
  }),
  descriptorInteractionInvalid: rule<{ id: string; reason: string }>({
    id: 'descriptor-interaction-invalid',
    severity: 'error',
    message: ({ id, reason }) => `The activity \`${id}\`: ${reason}`,
  }),
  descriptorAttributeInvalid: rule<{ attribute: string; value: string; expected: string }>({
    id: 'descriptor-attribute-invalid',
    severity: 'error',
    message: ({ attribute, value, expected }) => `\`${attribute}\` is \`${value}\`; it must be ${expected}`,
  }),
} as const

export interface Place {
  file: string
  line?: number
  column?: number
}

/** A packager diagnostic from a rule, its arguments and a place. */
export function report<Args>(rule: Rule<Args>, args: Args, place: Place, severity: 'error' | 'warning' = rule.severity): Diagnostic {
  return ruleDiagnostic(rule, args, place, 'packager', { severity })
}
