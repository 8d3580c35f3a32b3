import type { Cmi5MoveOn } from './types.js'

/** The launchable root of a `tincan.xml` (STANDARDS §3.9). */
export interface TincanDescriptor {
  /** `activity/@id` of the one activity with a `<launch>`: the root activity. */
  activityId: string
  activityType?: string
  /** `<launch>`, relative to the package root (or absolute). */
  launch: string
}

/** The one AU of a `cmi5.xml` (STANDARDS §4.1). */
export interface Cmi5AuDescriptor {
  /** `au/@id`, the publisher id (the LMS launches it under another activity id). */
  id: string
  url: string
  moveOn: Cmi5MoveOn
  masteryScore?: number
  launchMethod: 'AnyWindow' | 'OwnWindow'
  launchParameters?: string
  entitlementKey?: string
  activityType?: string
}

/** What a cmi5 LMS keeps of a single-AU `cmi5.xml`. */
export interface Cmi5Descriptor {
  /** `course/@id`. */
  courseId: string
  au: Cmi5AuDescriptor
}

const CMI5_NAMESPACE = 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd'
const TINCAN_NAMESPACE = 'http://projecttincan.com/tincan.xsd'
const MOVE_ON: readonly Cmi5MoveOn[] = ['NotApplicable', 'Passed', 'Completed', 'CompletedAndPassed', 'CompletedOrPassed']
const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i

/**
 * Reads tincan.xml as an LMS does on import: exactly one activity may be launchable; it is the
 * root. Throws the LMS's reason otherwise.
 */
export function parseTincanXml(xml: string): TincanDescriptor {
  const text = stripComments(xml)
  if (elements(text, 'tincan').length !== 1) throw new Error('tincan.xml: the root element is not <tincan>')
  if (!text.includes(TINCAN_NAMESPACE)) throw new Error(`tincan.xml: not in the namespace ${TINCAN_NAMESPACE}`)
  const activities = elements(text, 'activity')
  if (activities.length === 0) throw new Error('tincan.xml: no <activity>')
  const launchable = activities.filter((activity) => elements(activity.inner, 'launch').length > 0 || elements(activity.inner, 'resource').length > 0)
  if (launchable.length !== 1) throw new Error(`tincan.xml: ${launchable.length} activities have a <launch> or <resource>; exactly one must`)
  const root = launchable[0]!
  const activityId = root.attributes.get('id')?.trim()
  if (!activityId) throw new Error('tincan.xml: the launchable activity has no id')
  if (!ABSOLUTE.test(activityId)) throw new Error(`tincan.xml: activity id ${activityId} is not an absolute IRI`)
  const launch = elements(root.inner, 'launch')[0]?.text.trim()
  if (!launch) throw new Error(`tincan.xml: activity ${activityId} has no <launch> path`)
  const activityType = root.attributes.get('type')?.trim()
  return { activityId, launch, ...(activityType ? { activityType } : {}) }
}

/**
 * Reads cmi5.xml as a cmi5 LMS does on import (values trimmed, cmi5 §14). The sim launches a
 * single AU, so a course of several AUs is refused.
 */
export function parseCmi5Xml(xml: string): Cmi5Descriptor {
  const text = stripComments(xml)
  if (elements(text, 'courseStructure').length !== 1) throw new Error('cmi5.xml: the root element is not <courseStructure>')
  if (!text.includes(CMI5_NAMESPACE)) throw new Error(`cmi5.xml: not in the namespace ${CMI5_NAMESPACE}`)
  const courses = elements(text, 'course')
  if (courses.length !== 1) throw new Error(`cmi5.xml: ${courses.length} <course> elements; exactly one must`)
  const courseId = courses[0]!.attributes.get('id')?.trim()
  if (!courseId || !ABSOLUTE.test(courseId)) throw new Error('cmi5.xml: course/@id is missing or not an absolute IRI')
  const aus = elements(text, 'au')
  if (aus.length !== 1) throw new Error(`cmi5.xml: ${aus.length} AUs; the simulator launches courses of exactly one AU`)
  const au = aus[0]!
  const id = au.attributes.get('id')?.trim()
  if (!id || !ABSOLUTE.test(id)) throw new Error('cmi5.xml: au/@id is missing or not an absolute IRI')
  const url = elements(au.inner, 'url')[0]?.text.trim()
  if (!url) throw new Error(`cmi5.xml: AU ${id} has no <url>`)
  const moveOn = (au.attributes.get('moveOn')?.trim() ?? 'NotApplicable') as Cmi5MoveOn
  if (!MOVE_ON.includes(moveOn)) throw new Error(`cmi5.xml: AU ${id} has moveOn="${moveOn}", not one of ${MOVE_ON.join(', ')}`)
  const launchMethod = au.attributes.get('launchMethod')?.trim() ?? 'AnyWindow'
  if (launchMethod !== 'AnyWindow' && launchMethod !== 'OwnWindow') throw new Error(`cmi5.xml: AU ${id} has launchMethod="${launchMethod}"`)
  const masteryText = au.attributes.get('masteryScore')?.trim()
  if (masteryText !== undefined && !/^(0(\.\d{1,4})?|1(\.0{1,4})?|\.\d{1,4})$/.test(masteryText)) {
    throw new Error(`cmi5.xml: AU ${id} has masteryScore="${masteryText}", not a decimal 0…1 with at most 4 decimals`)
  }
  const launchParameters = elements(au.inner, 'launchParameters')[0]?.text.trim()
  const entitlementKey = elements(au.inner, 'entitlementKey')[0]?.text.trim()
  const activityType = au.attributes.get('activityType')?.trim()
  return {
    courseId,
    au: {
      id,
      url,
      moveOn,
      launchMethod,
      ...(masteryText === undefined ? {} : { masteryScore: Number(masteryText) }),
      ...(launchParameters === undefined ? {} : { launchParameters }),
      ...(entitlementKey === undefined ? {} : { entitlementKey }),
      ...(activityType ? { activityType } : {}),
    },
  }
}

/** Whether a descriptor path points outside the package (an absolute URL). */
export function isAbsoluteUrl(url: string): boolean {
  return ABSOLUTE.test(url)
}

/** The zip entry a relative launch path names: no query or fragment, percent-decoded. */
export function launchFile(href: string): string {
  const path = href.split(/[?#]/)[0]!.replace(/^\.\//, '')
  try {
    return decodeURIComponent(path)
  } catch {
    return path
  }
}

interface Element {
  attributes: Map<string, string>
  /** Raw content between the tags. */
  inner: string
  /** Content as text: CDATA unwrapped, entities decoded. */
  text: string
}

/** Every `name` element (any namespace prefix), outermost match; enough for these flat descriptors. */
function elements(xml: string, name: string): Element[] {
  const pattern = new RegExp(`<(?:[\\w.-]+:)?${name}(?=[\\s/>])([^>]*?)(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${name}\\s*>)`, 'g')
  return [...xml.matchAll(pattern)].map((match) => {
    const inner = match[2] ?? ''
    return { attributes: attributes(match[1] ?? ''), inner, text: textOf(inner) }
  })
}

function attributes(source: string): Map<string, string> {
  const result = new Map<string, string>()
  for (const match of source.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    // Namespace prefixes on attributes (xml:lang) are irrelevant to what the LMS reads.
    const name = match[1]!.replace(/^[\w.-]+:/, '')
    result.set(name, decodeEntities(match[3] ?? match[4] ?? ''))
  }
  return result
}

function textOf(inner: string): string {
  return inner.replace(/<!\[CDATA\[([\s\S]*?)\]\]>|([^<]+)|<[^>]*>/g, (_all, cdata: string | undefined, text: string | undefined) =>
    cdata !== undefined ? cdata : text !== undefined ? decodeEntities(text) : '',
  )
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_all, entity: string) => {
    const lower = entity.toLowerCase()
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16))
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10))
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[lower] ?? ''
  })
}

function stripComments(xml: string): string {
  return xml.replace(/<!--[\s\S]*?-->/g, '')
}
