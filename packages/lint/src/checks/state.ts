/**
 * The learner's saved state against `suspend_data` (STANDARDS §2.5, LMS-PROFILES B15), computed with
 * the codec the player runs: an error over the limit (the build refuses it too), a warning from 80 %
 * of the SCORM 1.2 budget and above the 4,000 characters older SCORM 2004 LMSs keep.
 */
import {
  courseQuestions,
  SCORM2004_SUSPEND_DATA_WARNING,
  stateShape,
  SUSPEND_DATA_LIMIT,
  worstCaseStateLength,
  type DiagnosticNote,
} from '@cafes/core'
import { displayPath, modulePlace, type LintCheck, type LintContext } from '../context.js'
import { LINT_RULES, lintDiagnostic } from '../rules.js'
import { directiveKey, directivesById } from '../tree.js'

/** Share of the SCORM 1.2 limit above which a warning is given. */
export const STATE_WARNING_SHARE = 0.8

export const checkStateSize: LintCheck = (context) => {
  const length = worstCaseStateLength(stateShape(context.module.course))
  const place = modulePlace(context)
  const notes = freeTextNotes(context)
  if (context.targets.includes('scorm12')) {
    const limit = SUSPEND_DATA_LIMIT.scorm12
    if (length > limit) return [lintDiagnostic(LINT_RULES.stateTooLarge, { length, limit, edition: 'SCORM 1.2' }, place, notes)]
    if (length > limit * STATE_WARNING_SHARE) {
      const share = Math.round((length / limit) * 100)
      return [lintDiagnostic(LINT_RULES.stateNearLimit, { length, limit, edition: 'SCORM 1.2', share }, place, notes)]
    }
  }
  if (context.targets.includes('scorm2004')) {
    const limit = SUSPEND_DATA_LIMIT.scorm2004
    if (length > limit) return [lintDiagnostic(LINT_RULES.stateTooLarge, { length, limit, edition: 'SCORM 2004' }, place, notes)]
    if (length > SCORM2004_SUSPEND_DATA_WARNING) {
      const share = Math.round((length / SCORM2004_SUSPEND_DATA_WARNING) * 100)
      const args = { length, limit: SCORM2004_SUSPEND_DATA_WARNING, edition: 'older SCORM 2004 LMSs', share }
      return [lintDiagnostic(LINT_RULES.stateNearLimit, args, place, notes)]
    }
  }
  return []
}

/** Where the free-text questions are, largest first: they take most of the state. */
function freeTextNotes(context: LintContext): DiagnosticNote[] {
  const places = new Map<string, DiagnosticNote>()
  for (const page of context.pages) {
    for (const [key, node] of directivesById(page.tree)) {
      const start = node.position?.start
      if (start) places.set(key, { message: '', file: displayPath(context.cwd, page.path), line: start.line, column: start.column })
    }
  }
  return courseQuestions(context.module.course)
    .flatMap((question) =>
      question.type === 'fill-in' || question.type === 'numeric' || question.type === 'reflection'
        ? [{ id: question.id, maxLength: question.maxLength }]
        : [],
    )
    .sort((a, b) => b.maxLength - a.maxLength)
    .slice(0, 3)
    .flatMap(({ id, maxLength }) => {
      const place = places.get(directiveKey('question', id)) ?? places.get(directiveKey('quiz', id))
      return place ? [{ ...place, message: `free text of up to ${maxLength} characters (up to ${maxLength * 3} in the state)` }] : []
    })
}

