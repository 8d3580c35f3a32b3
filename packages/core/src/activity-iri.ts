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
