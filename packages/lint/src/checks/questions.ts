/**
 * Questions: scored ones with no feedback at all, and question texts that SCORM 2004 LMS reports cut
 * (`cmi.interactions.n.description` holds 250 characters; the player cuts longer ones).
 */
import type { CourseBlock, Diagnostic, Question } from '@cafes/core'
import { isScored } from '@cafes/core'
import { pagePlace, type LintCheck } from '../context.js'
import { LINT_RULES, lintDiagnostic } from '../rules.js'
import { directiveKey, directivesById } from '../tree.js'

/** SCORM 2004 `cmi.interactions.n.description`: localized_string, SPM 250 (STANDARDS §2.6). */
export const INTERACTION_DESCRIPTION_LIMIT = 250

export const checkQuestions: LintCheck = (context) => {
  const found: Diagnostic[] = []
  const reportsDescriptions = context.targets.includes('scorm2004')
  context.pages.forEach((page, index) => {
    const directives = directivesById(page.tree)
    // A short-form quiz is its only question: the id is on the `:::quiz`.
    const place = (id: string) => {
      const node = directives.get(directiveKey('question', id)) ?? directives.get(directiveKey('quiz', id))
      return pagePlace(context, page, node?.position?.start)
    }
    for (const question of pageQuestions(context.module.course.pages[index]?.blocks ?? [])) {
      if (question.id === '') continue
      if (isScored(question) && !hasFeedback(question)) {
        found.push(lintDiagnostic(LINT_RULES.questionMissingFeedback, { id: question.id }, place(question.id)))
      }
      const length = question.prompt.replace(/\s+/g, ' ').trim().length
      if (reportsDescriptions && length > INTERACTION_DESCRIPTION_LIMIT) {
        const args = { id: question.id, length, limit: INTERACTION_DESCRIPTION_LIMIT }
        found.push(lintDiagnostic(LINT_RULES.interactionDescriptionCut, args, place(question.id)))
      }
    }
  })
  return found
}

function pageQuestions(blocks: readonly CourseBlock[]): Question[] {
  return blocks.flatMap((block) =>
    block.kind === 'quiz' ? block.questions : block.kind === 'challenge' && block.quiz ? block.quiz.questions : [],
  )
}

/** Any text shown after the answer: an explanation, per-question or per-choice feedback. */
function hasFeedback(question: Question): boolean {
  if (question.explanationHtml || question.correctFeedbackHtml || question.incorrectFeedbackHtml) return true
  if (question.type === 'single' || question.type === 'multiple') return question.choices.some((choice) => Boolean(choice.feedbackHtml))
  if (question.type === 'true-false') return Boolean(question.trueFeedbackHtml || question.falseFeedbackHtml)
  return false
}
