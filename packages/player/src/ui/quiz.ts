import type { CourseQuiz, QuizBlock } from '@cafes/core'
import type { ViewContext } from './control.js'
import { h } from './dom.js'
import { type QuestionView, renderQuestion } from './question.js'

/**
 * A quiz block: its questions, then (once every question is answered) the result line with the
 * attempt, and "Recommencer le quiz" when the quiz is failed with attempts left. A retry
 * renders the quiz afresh, focus on its first control. A quiz of ungraded questions only (an
 * opinion poll) has no result line.
 */
export function renderQuiz(block: QuizBlock, ctx: ViewContext): HTMLElement {
  const quiz = ctx.engine.course.quizzes.find((candidate) => candidate.id === block.quiz)
  const result = h('div', { class: 'cafes-quiz-live', 'aria-live': 'polite', lang: ctx.uiLang })
  const showResult = (): void => {
    if (quiz) showQuizResult(result, quiz, ctx, questions, retry)
  }
  const questions = block.questions.map((question) => renderQuestion(question, ctx, showResult))
  const section = h('section', { class: 'cafes-quiz' },
    quiz?.title && h('h2', {}, quiz.title),
    ...questions.map((question) => question.element),
    result)
  const retry = (): void => {
    const fresh = renderQuiz(block, ctx)
    section.replaceWith(fresh)
    fresh.querySelector<HTMLElement>('input, select, textarea, button:not(:disabled)')?.focus()
  }
  showResult()
  return section
}

function showQuizResult(container: HTMLElement, quiz: CourseQuiz, ctx: ViewContext, questions: QuestionView[], rerender: () => void): void {
  const { engine, t } = ctx
  const outcome = engine.quizResult(quiz.id)
  if (!outcome?.complete || outcome.score === null || container.firstChild) return
  // Every question reveals: `reveal()` first, so that none is skipped.
  const revealed = questions.reduce((any, question) => question.reveal() || any, false)
  let text = t.quizResult(outcome.score, outcome.passed, quiz.passMark)
  if (quiz.attempts > 1) text += `. ${t.attemptOf(outcome.attempt, quiz.attempts)}`
  if (revealed) text += `. ${t.answersShown}`
  container.append(h('p', { class: 'cafes-quiz-result', 'data-cafes-quiz-result': quiz.id }, text))
  if (!outcome.passed && outcome.attemptsLeft > 0) {
    const button = h('button', { type: 'button', 'data-cafes': 'retry' }, t.retry)
    button.addEventListener('click', () => engine.retryQuiz(quiz.id) && rerender())
    container.append(button)
  }
}
