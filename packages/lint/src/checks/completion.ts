/**
 * A completion rule that waits for a pass (`passed`, `pages-and-passed`) with no module pass mark:
 * the compiler refuses a quiz without any, but quizzes with different `pass=` leave the module
 * without one, so LMSs get no mastery score.
 */
import { isScored } from '@cafes/core'
import { modulePlace, type LintCheck } from '../context.js'
import { LINT_RULES, lintDiagnostic } from '../rules.js'

export const checkCompletionPassMark: LintCheck = (context) => {
  const { course, meta } = context.module
  if (course.completion === 'pages' || meta.passMark !== undefined || course.passMark !== undefined) return []
  const scored = new Set(
    course.pages.flatMap((page) =>
      page.blocks.flatMap((block) => (block.kind === 'quiz' ? block.questions : block.kind === 'challenge' && block.quiz ? block.quiz.questions : [])),
    ).filter(isScored).map((question) => question.id),
  )
  const marks = [...new Set(course.quizzes.filter((quiz) => quiz.questionIds.some((id) => scored.has(id))).map((quiz) => quiz.passMark))]
  if (marks.length < 2) return []
  const frontMatter = context.pages[0]?.page.frontMatter
  // Without a `completion` line the rule is the default one: the front matter as a whole is at fault.
  const place = frontMatter?.values.completion?.start
  const args = { completion: course.completion, marks: marks.sort((a, b) => a - b).join(', ') }
  return [lintDiagnostic(LINT_RULES.completionMissingPassMark, args, modulePlace(context, place))]
}
