import type { Diagnostic } from '@cafes/core'
import { isAbsoluteUrl, resolvePackagePath } from './package-path.js'
import { RULES, report, type Place, type Rule } from './rules.js'
import { EDITIONS, NCNAME, NS, type ScormEdition } from './scorm-namespaces.js'
import {
  attributeValue,
  childElements,
  elementText,
  parseXml,
  XML_NAMESPACE,
  XMLNS_NAMESPACE,
  XmlParseError,
  type ParsedElement,
  type XmlPosition,
} from './xml-parser.js'

export interface CheckManifestInput {
  /** The text of `imsmanifest.xml`. */
  manifest: string
  /** Every entry name in the package, `/` separators; folder entries (ending in `/`) are ignored. */
  files: readonly string[]
  /**
   * The file diagnostics name (relative to the working directory): the zip, or the manifest
   * itself. Line and column (in the manifest) are given only when it ends with `.xml`.
   */
  file: string
  /** The edition the package must be; by default the manifest's namespace decides. */
  edition?: ScormEdition
}

/**
 * The checks XSD validation cannot make (STANDARDS §1.11), for SCORM 1.2 and 2004 manifests:
 * structure counts, metadata, identifiers and references, resources and files against the
 * package's file list, schema locations, value ranges and length limits.
 * The packager runs it on every manifest it writes, `cafes validate` on any SCORM package;
 * `checkDescriptor` is its sibling for xAPI and cmi5 descriptors.
 */
export function checkManifest(input: CheckManifestInput): Diagnostic[] {
  let root: ParsedElement
  try {
    root = parseXml(input.manifest)
  } catch (error) {
    if (!(error instanceof XmlParseError)) throw error
    return [report(RULES.notWellFormed, { reason: error.message }, placeOf(input.file, error))]
  }
  return new ManifestChecker(root, input).run()
}

/** What a manifest says of itself, for tools that validate packages made elsewhere. */
export interface ScormManifestInfo {
  edition: ScormEdition
  /** The normalised text of `<metadata><schemaversion>`, when there is one. */
  schemaversion?: string
  /** Every namespace of an element or attribute, except xsi, xml and declarations. */
  namespaces: string[]
}

/**
 * The edition (from the root element's namespace), `schemaversion` and namespaces of a
 * manifest; undefined when it is not well-formed or not a SCORM `<manifest>`.
 */
export function scormManifestInfo(manifest: string): ScormManifestInfo | undefined {
  let root: ParsedElement
  try {
    root = parseXml(manifest)
  } catch (error) {
    if (!(error instanceof XmlParseError)) throw error
    return undefined
  }
  const edition = EDITION_BY_NAMESPACE[root.namespace]
  if (root.local !== 'manifest' || edition === undefined) return undefined
  const cp = EDITIONS[edition].cpNamespace
  const schemaversion = childElements(root, cp, 'metadata')
    .flatMap((metadata) => childElements(metadata, cp, 'schemaversion'))
    .map((element) => normalise(elementText(element)))[0]
  return { edition, ...(schemaversion === undefined ? {} : { schemaversion }), namespaces: usedNamespaces(root) }
}

const EDITION_BY_NAMESPACE: Record<string, ScormEdition> = {
  [NS.imscp12]: 'scorm12',
  [NS.imscp2004]: 'scorm2004',
}

/** Length limits of STANDARDS §1.4: errors in 1.2 (its XSD types them), warnings in 2004 (CTS warnings). */
const LIMITS = { version: 20, title: 200, href: 2000, identifierref: 2000, parameters: 1000, type: 1000 } as const

const SCHEMA_LIKE = /\.(xsd|dtd)$/i

function placeOf(file: string, position: XmlPosition | undefined): Place {
  if (!position || !file.endsWith('.xml')) return { file }
  return { file, line: position.line, column: position.column }
}

class ManifestChecker {
  private readonly diagnostics: Diagnostic[] = []
  private readonly edition: ScormEdition
  private readonly cp: string
  private readonly files: Set<string>
  private readonly filesByLowerCase = new Map<string, string>()
  /** Resources by identifier. */
  private readonly resources = new Map<string, ParsedElement>()
  /** Identifiers a reference may point at: resources and sub-manifests. */
  private readonly referable = new Set<string>()
  private readonly listed = new Set<string>()
  /** Identifiers some item or dependency references. */
  private readonly referenced = new Set<string>()

  constructor(
    private readonly root: ParsedElement,
    private readonly options: CheckManifestInput,
  ) {
    this.edition = EDITION_BY_NAMESPACE[root.namespace] ?? options.edition ?? 'scorm2004'
    this.cp = EDITIONS[this.edition].cpNamespace
    this.files = new Set(options.files.filter((path) => !path.endsWith('/')))
    for (const path of this.files) this.filesByLowerCase.set(path.toLowerCase(), path)
  }

  run(): Diagnostic[] {
    const { root } = this
    if (root.local !== 'manifest' || EDITION_BY_NAMESPACE[root.namespace] === undefined) {
      const found = root.namespace ? `<${root.local}> in ${root.namespace}` : `<${root.local}> in no namespace`
      this.add(RULES.rootInvalid, { found }, root)
      return this.diagnostics
    }
    if (this.options.edition !== undefined && this.options.edition !== this.edition) {
      this.add(RULES.editionMismatch, { expected: EDITIONS[this.options.edition].name, found: EDITIONS[this.edition].name }, root)
    }
    this.checkIdentifiers()
    this.checkLength('The manifest version', attributeValue(root, 'version'), LIMITS.version, root)

    const metadata = this.single(root, 'metadata', 'exactly one')
    const organizations = this.single(root, 'organizations', 'exactly one')
    const resources = this.single(root, 'resources', 'exactly one')
    if (metadata) this.checkMetadata(metadata)
    if (resources) this.collectResources(resources)
    if (organizations) this.checkOrganizations(organizations)
    if (resources) this.checkResources(resources)
    if (resources) this.checkUnreferencedResources(resources)
    for (const submanifest of this.children(root, 'manifest')) this.add(RULES.submanifest, {}, submanifest)
    this.checkUnlistedFiles()
    this.checkSchemaLocation()
    this.checkRanges(root)
    return this.diagnostics
  }

  private add<Args>(rule: Rule<Args>, args: Args, at: XmlPosition | undefined, severity = rule.severity): void {
    this.diagnostics.push(report(rule, args, placeOf(this.options.file, at), severity))
  }

  private children(element: ParsedElement, local: string): ParsedElement[] {
    return childElements(element, this.cp, local)
  }

  private single(parent: ParsedElement, local: string, expected: string): ParsedElement | undefined {
    const found = this.children(parent, local)
    if (found.length !== 1) {
      this.add(RULES.elementCount, { element: local, parent: parent.local, count: found.length, expected }, found[1] ?? parent)
    }
    return found[0]
  }

  private checkLength(what: string, value: string | undefined, limit: number, at: XmlPosition): void {
    if (value === undefined || value.length <= limit) return
    this.add(RULES.valueTooLong, { what, length: value.length, limit }, at, this.edition === 'scorm12' ? 'error' : 'warning')
  }

  // ── metadata ─────────────────────────────────────────────────────────────────
  private checkMetadata(metadata: ParsedElement): void {
    const [first, second] = childElements(metadata)
    const describe = (element: ParsedElement | undefined): string =>
      element === undefined ? 'nothing' : `<${element.qname}>${normalise(elementText(element))}</${element.qname}>`
    if (!first || first.namespace !== this.cp || first.local !== 'schema' || normalise(elementText(first)) !== 'ADL SCORM') {
      this.add(RULES.schemaInvalid, { found: describe(first) }, first ?? metadata)
    }
    const expected = EDITIONS[this.edition].schemaversion
    const version = second && second.namespace === this.cp && second.local === 'schemaversion' ? normalise(elementText(second)) : undefined
    if (version === expected) return
    if (this.edition === 'scorm2004' && (version === '2004 3rd Edition' || version === 'CAM 1.3')) {
      this.add(RULES.schemaversionOld, { found: version }, second)
      return
    }
    this.add(RULES.schemaversionInvalid, { found: describe(second), expected }, second ?? metadata)
  }

  // ── identifiers ──────────────────────────────────────────────────────────────
  private checkIdentifiers(): void {
    const seen = new Set<string>()
    const visit = (element: ParsedElement): void => {
      if (element.namespace === this.cp && ['manifest', 'organization', 'item', 'resource'].includes(element.local)) {
        const identifier = attributeValue(element, 'identifier')
        if (identifier === undefined || !NCNAME.test(identifier)) {
          this.add(RULES.identifierInvalid, { element: element.local, identifier }, element)
        } else if (seen.has(identifier)) {
          this.add(RULES.identifierDuplicate, { identifier }, element)
        } else {
          seen.add(identifier)
        }
        if (identifier !== undefined && (element.local === 'resource' || (element.local === 'manifest' && element !== this.root))) {
          this.referable.add(identifier)
        }
      }
      for (const child of childElements(element)) visit(child)
    }
    visit(this.root)
  }

  // ── organizations and items ──────────────────────────────────────────────────
  private checkOrganizations(organizations: ParsedElement): void {
    const list = this.children(organizations, 'organization')
    if (list.length === 0) {
      this.add(RULES.elementCount, { element: 'organization', parent: 'organizations', count: 0, expected: 'at least one' }, organizations)
    }
    const defaultId = attributeValue(organizations, 'default')
    if (defaultId === undefined) {
      this.add(RULES.defaultOrganizationMissing, {}, organizations)
    } else if (!list.some((organization) => attributeValue(organization, 'identifier') === defaultId)) {
      this.add(RULES.danglingDefaultOrganization, { ref: defaultId }, organizations)
    }
    for (const organization of list) {
      this.checkTitle(organization)
      const items = this.children(organization, 'item')
      if (items.length === 0) {
        this.add(RULES.organizationEmpty, { identifier: attributeValue(organization, 'identifier') ?? '' }, organization)
      }
      for (const item of items) this.checkItem(item)
    }
  }

  private checkTitle(element: ParsedElement): void {
    const titles = this.children(element, 'title')
    if (titles.length !== 1) {
      this.add(RULES.titleMissing, { element: element.local, count: titles.length }, titles[1] ?? element)
    }
    const title = titles[0]
    if (title) this.checkLength(`The \`<${element.local}>\` title`, elementText(title), LIMITS.title, title)
  }

  private checkItem(item: ParsedElement): void {
    const identifier = attributeValue(item, 'identifier') ?? ''
    this.checkTitle(item)
    const children = this.children(item, 'item')
    const ref = attributeValue(item, 'identifierref')
    if (children.length === 0 && ref === undefined) this.add(RULES.leafItemWithoutResource, { identifier }, item)
    if (children.length > 0 && ref !== undefined) this.add(RULES.parentItemWithResource, { identifier }, item)
    if (ref !== undefined) {
      this.referenced.add(ref)
      this.checkScoOnlyElements(item, identifier, ref)
      this.checkLength('An item `identifierref`', ref, LIMITS.identifierref, item)
      if (!this.referable.has(ref)) this.add(RULES.danglingIdentifierref, { element: 'item', ref }, item)
      const resource = this.resources.get(ref)
      if (resource && attributeValue(resource, 'href') === undefined) {
        this.add(RULES.resourceHrefMissing, { identifier: ref }, resource)
      }
    }
    this.checkLength('The item `parameters`', attributeValue(item, 'parameters'), LIMITS.parameters, item)
    for (const child of children) this.checkItem(child)
  }

  /** CTS (2004): what the LMS hands to a SCO at run time makes no sense on an asset's item. */
  private checkScoOnlyElements(item: ParsedElement, identifier: string, ref: string): void {
    if (this.edition !== 'scorm2004') return
    const resource = this.resources.get(ref)
    if (!resource || attributeValue(resource, 'scormType', NS.adlcp2004) !== 'asset') return
    for (const element of childElements(item)) {
      if (element.namespace !== NS.adlcp2004) continue
      const legacyThreshold = element.local === 'completionThreshold' && element.attributes.every((attribute) => attribute.namespace === XMLNS_NAMESPACE)
      if (element.local === 'timeLimitAction' || element.local === 'dataFromLMS' || legacyThreshold) {
        this.add(RULES.scoOnlyElement, { element: element.qname, identifier }, element)
      }
    }
  }

  // ── resources and files ──────────────────────────────────────────────────────
  private collectResources(resources: ParsedElement): void {
    for (const resource of this.children(resources, 'resource')) {
      const identifier = attributeValue(resource, 'identifier')
      if (identifier !== undefined && !this.resources.has(identifier)) this.resources.set(identifier, resource)
    }
  }

  private checkResources(resources: ParsedElement): void {
    this.checkXmlBase(resources)
    const baseOfResources = attributeValue(resources, 'base', XML_NAMESPACE) ?? ''
    const filesOf = new Map<string, Set<string>>()
    for (const resource of this.children(resources, 'resource')) {
      const identifier = attributeValue(resource, 'identifier') ?? ''
      const base = baseOfResources + (attributeValue(resource, 'base', XML_NAMESPACE) ?? '')
      this.checkXmlBase(resource)
      this.checkScormType(resource, identifier)
      const type = attributeValue(resource, 'type')
      if (type === undefined) this.add(RULES.resourceTypeMissing, { identifier }, resource)
      this.checkLength('A resource `type`', type, LIMITS.type, resource)
      const href = attributeValue(resource, 'href')
      if (href !== undefined) this.checkLength('A resource `href` (with its `xml:base`)', base + href, LIMITS.href, resource)
      if (href !== undefined && /^https?:/i.test(href)) this.add(RULES.resourceExternal, { identifier, href }, resource)

      const own = new Set<string>()
      for (const file of this.children(resource, 'file')) {
        const path = this.checkFile(file, base)
        if (path !== undefined) own.add(path)
      }
      filesOf.set(identifier, own)
      for (const dependency of this.children(resource, 'dependency')) {
        const ref = attributeValue(dependency, 'identifierref')
        if (ref !== undefined) this.referenced.add(ref)
        if (ref === undefined || !this.referable.has(ref)) {
          this.add(RULES.danglingIdentifierref, { element: 'dependency', ref: ref ?? '' }, dependency)
        }
      }
    }

    for (const resource of this.children(resources, 'resource')) {
      const identifier = attributeValue(resource, 'identifier') ?? ''
      const reachable = this.dependencyClosure(identifier, resource)
      const href = attributeValue(resource, 'href')
      if (href === undefined || isAbsoluteUrl(href)) continue
      const base = baseOfResources + (attributeValue(resource, 'base', XML_NAMESPACE) ?? '')
      const launch = resolvePackagePath(base + href.replace(/[?#].*$/s, ''))
      const listed = [...reachable].some((id) => (launch.path !== undefined && filesOf.get(id)?.has(launch.path)) === true)
      if (!listed) this.add(RULES.launchFileNotListed, { identifier, href }, resource)
    }
  }

  /** CTS: `xml:base` is a relative folder path: no leading `/`, no `\`, a trailing `/`. */
  private checkXmlBase(element: ParsedElement): void {
    const attribute = element.attributes.find((candidate) => candidate.namespace === XML_NAMESPACE && candidate.local === 'base')
    if (!attribute) return
    const { value } = attribute
    const reason = value.startsWith('/')
      ? 'must not start with `/`'
      : value.includes('\\')
        ? 'must use `/` between folder names, not `\\`'
        : !value.endsWith('/')
          ? 'must end with `/`'
          : undefined
    if (reason !== undefined) this.add(RULES.xmlBaseInvalid, { value, reason }, attribute)
  }

  /**
   * CTS warning: a resource nothing launches or depends on is dead weight. Left out when an
   * error was found already: a broken reference or an empty organization explains it.
   */
  private checkUnreferencedResources(resources: ParsedElement): void {
    if (this.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return
    for (const resource of this.children(resources, 'resource')) {
      const identifier = attributeValue(resource, 'identifier')
      if (identifier !== undefined && !this.referenced.has(identifier)) this.add(RULES.resourceUnreferenced, { identifier }, resource)
    }
  }

  /** The resource and every resource its dependencies reach; reports a cycle back to it. */
  private dependencyClosure(identifier: string, resource: ParsedElement): Set<string> {
    const reached = new Set<string>([identifier])
    const queue = [resource]
    let cycle = false
    while (queue.length > 0) {
      const current = queue.shift()!
      for (const dependency of this.children(current, 'dependency')) {
        const ref = attributeValue(dependency, 'identifierref')
        if (ref === undefined) continue
        if (ref === identifier) cycle = true
        if (reached.has(ref)) continue
        reached.add(ref)
        const next = this.resources.get(ref)
        if (next) queue.push(next)
      }
    }
    if (cycle) this.add(RULES.dependencyCycle, { identifier }, resource)
    return reached
  }

  private checkScormType(resource: ParsedElement, identifier: string): void {
    const expected = EDITIONS[this.edition].scormTypeAttribute
    const adlcp = EDITIONS[this.edition].adlcpNamespace
    const candidates = resource.attributes.filter(
      (attribute) =>
        attribute.local.toLowerCase() === 'scormtype' && (attribute.namespace === NS.adlcp12 || attribute.namespace === NS.adlcp2004),
    )
    const right = candidates.filter((attribute) => attribute.local === expected && attribute.namespace === adlcp)
    for (const attribute of candidates) {
      if (right.includes(attribute)) continue
      this.add(RULES.scormtypeSpelling, { found: attribute.qname, expected: `adlcp:${expected}` }, attribute)
    }
    const attribute = right[0]
    if (!attribute) {
      if (candidates.length === 0) this.add(RULES.scormtypeMissing, { identifier, expected: `adlcp:${expected}` }, resource)
      return
    }
    if (attribute.value !== 'sco' && attribute.value !== 'asset') {
      this.add(RULES.scormtypeInvalid, { identifier, value: attribute.value }, attribute)
    }
  }

  /** Checks one `<file>`; returns the package path it names when it is a valid one. */
  private checkFile(file: ParsedElement, base: string): string | undefined {
    const href = attributeValue(file, 'href')
    if (href === undefined) {
      this.add(RULES.fileHrefInvalid, { href: '', reason: 'the `href` attribute is missing' }, file)
      return undefined
    }
    this.checkLength('A file `href` (with its `xml:base`)', base + href, LIMITS.href, file)
    const invalid = (reason: string): undefined => {
      this.add(RULES.fileHrefInvalid, { href, reason }, file)
      return undefined
    }
    const full = base + href
    if (full.startsWith('/')) return invalid('a package path cannot start with `/`')
    if (full.includes('\\')) return invalid('use `/` between folder names, not `\\`')
    if (/^file:/i.test(full)) return invalid('a package path cannot be a `file:` URL')
    if (isAbsoluteUrl(full)) return invalid('a `<file>` must name a file inside the package, not a URL')
    const resolved = resolvePackagePath(full.replace(/[?#].*$/s, ''))
    if (resolved.error) return invalid(resolved.error)
    const path = resolved.path!
    if (!/\.[A-Za-z0-9]+$/.test(path.slice(path.lastIndexOf('/') + 1))) return invalid('the file name has no extension')
    if (!this.files.has(path)) {
      this.add(RULES.fileMissing, { href, caseMatch: this.filesByLowerCase.get(path.toLowerCase()) }, file)
      return undefined
    }
    // Several resources may list one file (SCOs sharing a launch page): not a problem.
    this.listed.add(path)
    return path
  }

  private checkUnlistedFiles(): void {
    for (const path of [...this.files].sort()) {
      if (SCHEMA_LIKE.test(path) || path === 'imsmanifest.xml' || path.endsWith('/imsmanifest.xml')) continue
      if (!this.listed.has(path)) this.add(RULES.fileNotListed, { path }, undefined)
    }
  }

  // ── namespaces and schema files ──────────────────────────────────────────────
  private checkSchemaLocation(): void {
    const attribute = this.root.attributes.find((candidate) => candidate.namespace === NS.xsi && candidate.local === 'schemaLocation')
    const tokens = attribute ? attribute.value.split(/\s+/).filter(Boolean) : []
    if (tokens.length % 2 !== 0) this.add(RULES.schemaLocationInvalid, {}, attribute)
    const mapped = new Map<string, string>()
    for (let index = 0; index + 1 < tokens.length; index += 2) mapped.set(tokens[index]!, tokens[index + 1]!)

    for (const namespace of usedNamespaces(this.root)) {
      if (!mapped.has(namespace)) this.add(RULES.namespaceUnmapped, { namespace }, attribute ?? this.root)
    }
    for (const location of mapped.values()) {
      const name = location.slice(location.lastIndexOf('/') + 1)
      if (!this.files.has(location) || !this.files.has(name)) this.add(RULES.schemaFileMissing, { location }, attribute)
    }
  }

  // ── value ranges ─────────────────────────────────────────────────────────────
  private checkRanges(root: ParsedElement): void {
    const visit = (element: ParsedElement): void => {
      if (element.namespace === NS.adlcp12 && element.local === 'masteryscore') {
        const value = elementText(element).trim()
        if (!inRange(value, 0, 100)) this.add(RULES.masteryscoreRange, { value }, element)
      }
      if (element.namespace === NS.imsss && element.local === 'minNormalizedMeasure') {
        const value = elementText(element).trim()
        if (!inRange(value, -1, 1)) this.add(RULES.measureRange, { element: 'imsss:minNormalizedMeasure', value, range: '-1 to 1' }, element)
      }
      if (element.namespace === NS.adlcp2004 && element.local === 'completionThreshold') {
        this.checkCompletionThresholdValue(element)
        for (const name of ['minProgressMeasure', 'progressWeight']) {
          const value = attributeValue(element, name)
          if (value !== undefined && !inRange(value.trim(), 0, 1)) {
            this.add(RULES.measureRange, { element: `adlcp:completionThreshold ${name}`, value, range: '0 to 1' }, element)
          }
        }
      }
      for (const child of childElements(element)) visit(child)
    }
    visit(root)
  }

  /** CTS: the 4th Edition form is an empty element with attributes; the 3rd's, a number 0–1 as content (deprecated). */
  private checkCompletionThresholdValue(element: ParsedElement): void {
    const value = normalise(elementText(element))
    const hasAttributes = element.attributes.some((attribute) => attribute.namespace !== XMLNS_NAMESPACE)
    if (hasAttributes && value !== '') this.add(RULES.completionThresholdValue, { value, deprecated: false }, element)
    if (hasAttributes || value === '') return
    if (!inRange(value, 0, 1)) this.add(RULES.completionThresholdValue, { value, deprecated: false }, element)
    else this.add(RULES.completionThresholdValue, { value, deprecated: true }, element, 'warning')
  }
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function inRange(text: string, min: number, max: number): boolean {
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return false
  const value = Number(text)
  return value >= min && value <= max
}

/** Namespaces of every element and attribute, except xsi, xml and namespace declarations. */
function usedNamespaces(root: ParsedElement): string[] {
  const used = new Set<string>()
  const skip = new Set<string>(['', NS.xsi, XML_NAMESPACE, XMLNS_NAMESPACE])
  const visit = (element: ParsedElement): void => {
    if (!skip.has(element.namespace)) used.add(element.namespace)
    for (const attribute of element.attributes) if (!skip.has(attribute.namespace)) used.add(attribute.namespace)
    for (const child of childElements(element)) visit(child)
  }
  visit(root)
  return [...used]
}
