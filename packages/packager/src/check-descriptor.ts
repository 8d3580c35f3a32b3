import type { Diagnostic } from '@cafes/core'
import { DESCRIPTOR_FORMATS, type DescriptorFormat } from './descriptor-formats.js'
import { isAbsoluteUrl, resolvePackagePath } from './package-path.js'
import { RULES, report, type Place, type Rule } from './rules.js'
import { attributeValue, childElements, elementText, parseXml, XmlParseError, type ParsedElement, type XmlPosition } from './xml-parser.js'

/** What `checkDescriptor` needs: the descriptor's text and the package it is in. */
export interface CheckDescriptorInput {
  /** The text of `tincan.xml` or `cmi5.xml`. */
  descriptor: string
  /** Every entry name in the package, `/` separators; folder entries (ending in `/`) are ignored. */
  files: readonly string[]
  /**
   * The file diagnostics name (relative to the working directory): the zip, or the descriptor
   * itself. Line and column (in the descriptor) are given only when it ends with `.xml`.
   */
  file: string
  /** The format the package must be; by default the root element decides. */
  format?: DescriptorFormat
}

/** xAPI 1.0.3 Data §2.4.4.1: the only interaction types an LRS accepts. */
const XAPI_INTERACTION_TYPES = [
  'true-false', 'choice', 'fill-in', 'long-fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric', 'other',
]
/** Children of a Tin Can activity that only an interaction may have. */
const INTERACTION_PARTS = ['correctResponsePatterns', 'choices', 'scale', 'source', 'target', 'steps']
const MOVE_ON_VALUES = ['NotApplicable', 'Passed', 'Completed', 'CompletedAndPassed', 'CompletedOrPassed']
const LAUNCH_METHODS = ['AnyWindow', 'OwnWindow']
/** A scheme, then no character an IRI cannot hold (RFC 3987): relative references fail. */
const ABSOLUTE_IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/
/** cmi5 §13.1.4: a decimal from 0 to 1 "with up to 4 decimal places". */
const MASTERY_SCORE = /^\+?(\d+(\.\d{0,4})?|\.\d{1,4})$/

/**
 * The checks XSD validation cannot make on the descriptor of an xAPI (`tincan.xml`, STANDARDS
 * §3.9) or cmi5 (`cmi5.xml`, §4.1) package: exactly one launchable Tin Can activity, launch
 * files present in the package, ids unique and absolute IRIs, cmi5 `masteryScore` from 0 to 1
 * with at most 4 decimals; and the few schema rules a build must not wait for xmllint to catch
 * (required names and titles, interaction types, `moveOn` and `launchMethod` values).
 * The packager runs it on every descriptor it writes, `cafes validate` on any package.
 */
export function checkDescriptor(input: CheckDescriptorInput): Diagnostic[] {
  let root: ParsedElement
  try {
    root = parseXml(input.descriptor)
  } catch (error) {
    if (!(error instanceof XmlParseError)) throw error
    const file = input.format ? DESCRIPTOR_FORMATS[input.format].file : 'The descriptor'
    return [report(RULES.descriptorNotWellFormed, { file, reason: error.message }, placeOf(input.file, error))]
  }
  return new DescriptorChecker(root, input).run()
}

function placeOf(file: string, position: XmlPosition | undefined): Place {
  if (!position || !file.endsWith('.xml')) return { file }
  return { file, line: position.line, column: position.column }
}

function formatOf(root: ParsedElement): DescriptorFormat | undefined {
  return (Object.keys(DESCRIPTOR_FORMATS) as DescriptorFormat[]).find(
    (format) => root.local === DESCRIPTOR_FORMATS[format].root && root.namespace === DESCRIPTOR_FORMATS[format].namespace,
  )
}

class DescriptorChecker {
  private readonly diagnostics: Diagnostic[] = []
  private readonly files: Set<string>
  private namespace = ''
  /** Ids of activities (Tin Can) or of the course, blocks and AUs (cmi5): one namespace each. */
  private readonly ids = new Set<string>()

  constructor(
    private readonly root: ParsedElement,
    private readonly options: CheckDescriptorInput,
  ) {
    this.files = new Set(options.files.filter((path) => !path.endsWith('/')))
  }

  run(): Diagnostic[] {
    const format = formatOf(this.root)
    if (format === undefined) {
      const { root } = this
      const found = root.namespace ? `<${root.local}> in ${root.namespace}` : `<${root.local}> in no namespace`
      this.add(RULES.descriptorRootInvalid, { found: `\`${found}\`` }, root)
      return this.diagnostics
    }
    if (this.options.format !== undefined && this.options.format !== format) {
      const [expected, found] = [DESCRIPTOR_FORMATS[this.options.format].name, DESCRIPTOR_FORMATS[format].name]
      this.add(RULES.descriptorFormatMismatch, { expected, found }, this.root)
    }
    this.namespace = DESCRIPTOR_FORMATS[format].namespace
    if (format === 'xapi') this.checkTincan()
    else this.checkCmi5()
    return this.diagnostics
  }

  private add<Args>(rule: Rule<Args>, args: Args, at: XmlPosition | undefined): void {
    this.diagnostics.push(report(rule, args, placeOf(this.options.file, at)))
  }

  private children(element: ParsedElement, local: string): ParsedElement[] {
    return childElements(element, this.namespace, local)
  }

  /** The children named `local`, reported when their number is not in `min`…`max`. */
  private counted(parent: ParsedElement, local: string, min: number, max = Infinity): ParsedElement[] {
    const found = this.children(parent, local)
    if (found.length < min || found.length > max) {
      const expected = max === Infinity ? `at least ${min}` : min === max ? `exactly ${min}` : `${min} to ${max}`
      this.add(RULES.descriptorElementCount, { element: local, parent: parent.local, count: found.length, expected }, found[max] ?? parent)
    }
    return found
  }

  /** An `id` that must be an absolute IRI, unique among the descriptor's ids. */
  private checkId(element: ParsedElement, what: string, ids = this.ids): void {
    const id = attributeValue(element, 'id')?.trim()
    if (id === undefined || !ABSOLUTE_IRI.test(id)) {
      this.add(RULES.descriptorIriInvalid, { what, value: id }, element)
    } else if (ids.has(id)) {
      this.add(RULES.descriptorIdDuplicate, { id }, element)
    } else {
      ids.add(id)
    }
  }

  /** A launch file: an absolute URL (content hosted elsewhere), or a file of the package. */
  private checkLaunchFile(element: ParsedElement): void {
    const href = elementText(element).trim()
    const problem = (reason: string): void => this.add(RULES.descriptorLaunchFileMissing, { element: element.local, href, reason }, element)
    if (href === '') return problem('it names no file')
    if (isAbsoluteUrl(href)) return
    if (href.startsWith('/')) return problem('a package path cannot start with `/`')
    const resolved = resolvePackagePath(href.replace(/[?#].*$/s, ''))
    if (resolved.error !== undefined) return problem(resolved.error)
    if (!this.files.has(resolved.path!)) problem('the file is not in the package')
  }

  // ── tincan.xml ───────────────────────────────────────────────────────────────
  private checkTincan(): void {
    const activities = this.counted(this.root, 'activities', 1).flatMap((list) => this.counted(list, 'activity', 1))
    const launchable: ParsedElement[] = []
    for (const activity of activities) {
      this.checkId(activity, 'The activity id')
      const type = attributeValue(activity, 'type')?.trim()
      if (type !== undefined && !ABSOLUTE_IRI.test(type)) {
        this.add(RULES.descriptorIriInvalid, { what: 'The activity type', value: type }, activity)
      }
      this.counted(activity, 'name', 1)
      this.counted(activity, 'description', 1)
      const launches = [...this.children(activity, 'launch'), ...this.children(activity, 'resource')]
      if (launches.length > 0) launchable.push(activity)
      for (const launch of launches) this.checkLaunchFile(launch)
      this.checkInteraction(activity)
    }
    if (launchable.length !== 1) this.add(RULES.descriptorLaunchCount, { count: launchable.length }, launchable[1] ?? this.root)
  }

  private checkInteraction(activity: ParsedElement): void {
    const id = attributeValue(activity, 'id') ?? ''
    const [interactionType] = this.children(activity, 'interactionType')
    if (interactionType === undefined) {
      const part = INTERACTION_PARTS.find((local) => this.children(activity, local).length > 0)
      if (part !== undefined) {
        this.add(RULES.descriptorInteractionInvalid, { id, reason: `it has \`<${part}>\` but no \`<interactionType>\`` }, activity)
      }
      return
    }
    const value = elementText(interactionType).trim()
    if (!XAPI_INTERACTION_TYPES.includes(value)) {
      const reason = `\`<interactionType>\` is \`${value}\`, not one of ${XAPI_INTERACTION_TYPES.map((type) => `\`${type}\``).join(', ')}`
      this.add(RULES.descriptorInteractionInvalid, { id, reason }, interactionType)
    }
  }

  // ── cmi5.xml ─────────────────────────────────────────────────────────────────
  private checkCmi5(): void {
    for (const course of this.counted(this.root, 'course', 1, 1)) {
      this.checkId(course, 'The course id')
      this.checkText(course)
    }
    const objectiveIds = new Set<string>()
    for (const objectives of this.children(this.root, 'objectives')) {
      for (const objective of this.counted(objectives, 'objective', 1)) this.checkId(objective, 'The objective id', objectiveIds)
    }
    const aus = this.checkMembers(this.root)
    if (aus === 0) {
      const expected = 'at least 1 (in it or in a `<block>`)'
      this.add(RULES.descriptorElementCount, { element: 'au', parent: this.root.local, count: 0, expected }, this.root)
    }
  }

  /** `title` and `description`, each with at least one `langstring`. */
  private checkText(element: ParsedElement): void {
    for (const local of ['title', 'description']) {
      for (const text of this.counted(element, local, 1, 1)) this.counted(text, 'langstring', 1)
    }
  }

  /** The AUs and blocks of the course or of a block; returns how many AUs they hold in all. */
  private checkMembers(parent: ParsedElement): number {
    let aus = 0
    for (const member of childElements(parent)) {
      if (member.namespace !== this.namespace) continue
      if (member.local === 'block') {
        this.checkId(member, 'The block id')
        this.checkText(member)
        aus += this.checkMembers(member)
      } else if (member.local === 'au') {
        aus += 1
        this.checkAu(member)
      }
    }
    return aus
  }

  private checkAu(au: ParsedElement): void {
    this.checkId(au, 'The AU id')
    this.checkText(au)
    for (const url of this.counted(au, 'url', 1, 1)) this.checkLaunchFile(url)
    const masteryScore = attributeValue(au, 'masteryScore')?.trim()
    if (masteryScore !== undefined && !(MASTERY_SCORE.test(masteryScore) && Number(masteryScore) <= 1)) {
      const expected = 'a decimal from 0 to 1 with at most 4 decimals'
      this.add(RULES.descriptorAttributeInvalid, { attribute: 'masteryScore', value: masteryScore, expected }, au)
    }
    for (const [attribute, values] of [['moveOn', MOVE_ON_VALUES], ['launchMethod', LAUNCH_METHODS]] as const) {
      const value = attributeValue(au, attribute)?.trim()
      if (value !== undefined && !values.includes(value)) {
        const expected = `one of ${values.map((item) => `\`${item}\``).join(', ')}`
        this.add(RULES.descriptorAttributeInvalid, { attribute, value, expected }, au)
      }
    }
  }
}
