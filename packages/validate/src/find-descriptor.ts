import type { Diagnostic } from '@cafes/core'
import { report, RULES } from './rules.js'

/** What the descriptor says the package is, before it is read. */
export type DescriptorKind = 'cmi5' | 'xapi' | 'scorm' | 'web'

/** The descriptor an LMS would read: cmi5.xml wins over tincan.xml, which wins over imsmanifest.xml (SCORM Cloud's order). */
const DESCRIPTORS: readonly { name: string; kind: DescriptorKind }[] = [
  { name: 'cmi5.xml', kind: 'cmi5' },
  { name: 'tincan.xml', kind: 'xapi' },
  { name: 'imsmanifest.xml', kind: 'scorm' },
]
const WEB_ENTRY = 'index.html'

export interface FoundDescriptor {
  kind: DescriptorKind | 'unknown'
  /** The descriptor's path in the zip (the web entry page for `web`). */
  path?: string
  /** The folder the package starts in: '' at the root, `folder/` when wrapped. */
  prefix: string
  diagnostics: Diagnostic[]
}

/**
 * Finds the descriptor among the zip's file paths. A descriptor in a folder is an error (LMSs
 * look at the root), except a Tin Can package whose every file is in that one folder, which
 * the Tin Can launch rules tolerate; either way the package is then read from that folder.
 */
export function findDescriptor(paths: readonly string[], file: string): FoundDescriptor {
  const present = new Set(paths)
  const atRoot = DESCRIPTORS.filter((descriptor) => present.has(descriptor.name))
  const chosen = atRoot[0]
  if (chosen) {
    const diagnostics = atRoot.length > 1
      ? [report(RULES.descriptorsSeveral, { chosen: chosen.name, others: atRoot.slice(1).map((other) => `\`${other.name}\``).join(' and ') }, { file })]
      : []
    return { kind: chosen.kind, path: chosen.name, prefix: '', diagnostics }
  }
  const nested = paths
    .map((path) => ({ path, descriptor: DESCRIPTORS.find((candidate) => path.endsWith(`/${candidate.name}`)) }))
    .filter((candidate) => candidate.descriptor !== undefined)
    .sort((a, b) => depth(a.path) - depth(b.path) || DESCRIPTORS.indexOf(a.descriptor!) - DESCRIPTORS.indexOf(b.descriptor!))[0]
  if (nested) {
    const prefix = nested.path.slice(0, nested.path.lastIndexOf('/') + 1)
    const wrapsEverything = paths.every((path) => path.startsWith(prefix))
    const tolerated = nested.descriptor!.kind === 'xapi' && wrapsEverything
    const diagnostic = report(RULES.descriptorNotAtRoot, { path: nested.path }, { file }, tolerated ? 'warning' : 'error')
    return { kind: nested.descriptor!.kind, path: nested.path, prefix, diagnostics: [diagnostic] }
  }
  if (present.has(WEB_ENTRY)) return { kind: 'web', path: WEB_ENTRY, prefix: '', diagnostics: [] }
  return { kind: 'unknown', prefix: '', diagnostics: [report(RULES.descriptorMissing, {}, { file })] }
}

function depth(path: string): number {
  return path.split('/').length
}
