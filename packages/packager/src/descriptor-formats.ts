import type { LrsTarget } from './targets.js'

/**
 * The package descriptor of each LRS target: its file at the zip root, its root element and
 * namespace, and its schema in `schemas/` (used to validate, never shipped; see NOTICE.md).
 */
export const DESCRIPTOR_FORMATS = {
  xapi: {
    name: 'Tin Can',
    file: 'tincan.xml',
    root: 'tincan',
    namespace: 'http://projecttincan.com/tincan.xsd',
    schema: 'tincan/tincan.xsd',
  },
  cmi5: {
    name: 'cmi5',
    file: 'cmi5.xml',
    root: 'courseStructure',
    namespace: 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd',
    schema: 'cmi5/CourseStructure.xsd',
  },
} as const satisfies Record<LrsTarget, { name: string; file: string; root: string; namespace: string; schema: string }>

export type DescriptorFormat = keyof typeof DESCRIPTOR_FORMATS

/** ADL's activity types (`http://adlnet.gov/expapi/activities/…`) the descriptors and the player use. */
export const ACTIVITY_TYPES = {
  course: 'http://adlnet.gov/expapi/activities/course',
  interaction: 'http://adlnet.gov/expapi/activities/cmi.interaction',
  assessment: 'http://adlnet.gov/expapi/activities/assessment',
  lesson: 'http://adlnet.gov/expapi/activities/lesson',
} as const
