/**
 * The IRIs LRSs and LMSs key xAPI / cmi5 records on. Derived from the module id alone, never
 * the version, so a new version keeps its learners' records (LMS-PROFILES B5). Browser-safe.
 */

/**
 * Used when `cafes.config.yaml` sets no `xapiBaseIri`: `.invalid` is reserved (RFC 2606), so it
 * never resolves and never collides with a real domain. Organisations should set their own.
 */
export const DEFAULT_XAPI_BASE_IRI = 'https://cafes.invalid/xapi/'

/** What an activity under the module is: one path segment each. */
export type ActivityKind = 'pages' | 'questions' | 'scenarios' | 'quizzes' | 'au'

/** The module's own activity IRI: the base (with a final `/`) followed by the module id. */
export function moduleIri(baseIri: string, moduleId: string): string {
  return `${baseIri.endsWith('/') ? baseIri : `${baseIri}/`}${encodeURIComponent(moduleId)}`
}

/** An activity inside the module: `<module IRI>/<kind>/<id>`; `au` takes no id. */
export function childIri(courseIri: string, kind: ActivityKind, id?: string): string {
  return id === undefined ? `${courseIri}/${kind}` : `${courseIri}/${kind}/${encodeURIComponent(id)}`
}

/** Longest activity name: LRS and LMS reports list activities by name. */
export const ACTIVITY_NAME_LIMIT = 80

/**
 * An activity's display name from a longer text (a question's prompt): one line of at most
 * `ACTIVITY_NAME_LIMIT` characters, cut at a space with `…`; the fallback when empty. The
 * descriptors and the statements use the same, so an LRS never flips between two names.
 */
export function activityName(text: string, fallback: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  if (line === '') return fallback
  const characters = Array.from(line)
  if (characters.length <= ACTIVITY_NAME_LIMIT) return line
  const cut = characters.slice(0, ACTIVITY_NAME_LIMIT - 1).join('')
  const space = cut.lastIndexOf(' ')
  return `${(space > ACTIVITY_NAME_LIMIT / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}
