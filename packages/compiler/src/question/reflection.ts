/** Reflection: free text the learner keeps, no list, never scored; `maxlength` bounds it. */
import type { ReflectionQuestionModel } from '../page.js'
import { readMaxLength } from './attributes.js'
import type { QuestionInput } from './input.js'

/** SCORM 2004 long-fill-in answers hold 4,000 characters. */
export const REFLECTION_MAX_LENGTH = 4000
export const REFLECTION_DEFAULT_MAX_LENGTH = 500

export function readReflection({ node, file }: QuestionInput): Pick<ReflectionQuestionModel, 'maxLength'> {
  const maxLength = readMaxLength(node, file, {
    type: 'reflection',
    fallback: REFLECTION_DEFAULT_MAX_LENGTH,
    max: REFLECTION_MAX_LENGTH,
    why:
      `SCORM 2004 keeps at most 4,000 characters of a long answer; the default is ${REFLECTION_DEFAULT_MAX_LENGTH}. ` +
      'Each character may take 3 of the 4,096 that SCORM 1.2 saves for the whole module.',
  })
  return { maxLength }
}
