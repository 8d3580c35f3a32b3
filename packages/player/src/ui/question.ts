import type { Question } from '@cafes/core'
import type { AnswerView } from '../engine/engine.js'
import { choiceControl } from './choice-control.js'
import type { QuestionControl, ViewContext } from './control.js'
import { h, unwrapParagraph } from './dom.js'
import { matchingControl } from './matching-control.js'
import { sequenceControl } from './sequence-control.js'
import { textControl } from './text-control.js'

const VERDICT_ICONS = { correct: '✓', incorrect: '✗', neutral: '✎' } as const

function controlFor(question: Question, ctx: ViewContext): QuestionControl {
  switch (question.type) {
    case 'single':
    case 'multiple':
    case 'true-false':
    case 'likert':
      return choiceControl(question, ctx)
    case 'fill-in':
    case 'numeric':
    case 'reflection':
      return textControl(question, ctx)
    case 'matching':
      return matchingControl(question, ctx)
    case 'sequencing':
      return sequenceControl(question, ctx)
  }
}

export interface QuestionView {
  element: HTMLElement
  /**
   * Shows the right answer if the engine gives it now and did not when the answer was shown
   * (a quiz with several attempts reveals it once settled); outside the live region, so that
   * it is not announced again. True when a wrong answer got its right answer.
   */
  reveal(): boolean
}

/**
 * One question: `<form><fieldset data-cafes-question>`, the prompt as legend, the type's inputs,
 * the submit button (disabled until there is something to submit) and the feedback region
 * (`aria-live`), which receives the focus after submission.
 */
export function renderQuestion(question: Question, ctx: ViewContext, onAnswered: () => void): QuestionView {
  const { t, engine } = ctx
  const control = controlFor(question, ctx)
  const submit = h('button', { type: 'submit', class: 'cafes-primary', 'data-cafes': 'submit', disabled: true, lang: ctx.uiLang },
    question.type === 'reflection' ? t.save : t.submit)
  const feedback = h('div', { class: 'cafes-feedback', 'aria-live': 'polite', tabindex: -1 })
  const revealed = h('div', { class: 'cafes-revealed' })
  const fieldset = h('fieldset', { 'data-cafes-question': question.id },
    h('legend', { html: unwrapParagraph(question.promptHtml) }),
    ...control.nodes,
    h('div', { class: 'cafes-actions' }, submit),
    feedback,
    revealed)
  let rightShown = false
  const form = h('form', { class: 'cafes-question', novalidate: true }, fieldset)
  const errorId = `cafes-${question.id}-error`
  const refresh = (): void => {
    submit.disabled = engine.answerOf(question.id) !== null || control.response() === null
  }
  form.addEventListener('input', refresh)
  form.addEventListener('change', refresh)
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const response = control.response()
    const answer = response === null ? null : engine.answer(question.id, response)
    if (!answer) {
      // The only answer the engine refuses from an enabled form: a number it cannot read.
      const input = fieldset.querySelector('input')
      if (question.type === 'numeric' && input && engine.answerOf(question.id) === null) {
        feedback.replaceChildren(h('p', { class: 'cafes-error', id: errorId, lang: ctx.uiLang }, t.notANumber))
        input.setAttribute('aria-invalid', 'true')
        input.setAttribute('aria-describedby', errorId)
        input.focus()
      }
      return
    }
    show(answer)
    feedback.focus()
    onAnswered()
  })

  const show = (answer: AnswerView): void => {
    const result = answer.correct === null ? 'neutral' : answer.correct ? 'correct' : 'incorrect'
    fieldset.setAttribute('data-cafes-result', result)
    submit.disabled = true
    rightShown = answer.correctResponse !== null
    const { chosen, expected } = control.lock(answer)
    const questionFeedback = answer.correct === null ? undefined : answer.correct ? question.correctFeedbackHtml : question.incorrectFeedbackHtml
    feedback.replaceChildren(
      h('p', { class: `cafes-verdict cafes-${result}`, lang: ctx.uiLang },
        h('span', { 'aria-hidden': 'true', class: 'cafes-icon' }, VERDICT_ICONS[result]), ' ',
        result === 'neutral' ? t.recorded : result === 'correct' ? t.correct : t.incorrect),
      ...chosen,
      questionFeedback ? h('div', { class: 'cafes-question-feedback', html: questionFeedback }) : '',
      ...(answer.correct === false ? expected : []),
      question.explanationHtml ? h('div', { class: 'cafes-explanation' },
        h('p', {}, h('strong', { lang: ctx.uiLang }, t.explanation)), h('div', { html: question.explanationHtml })) : '',
    )
  }

  const answered = engine.answerOf(question.id)
  if (answered) show(answered)
  else refresh()
  return {
    element: form,
    reveal() {
      const answer = engine.answerOf(question.id)
      if (rightShown || answer?.correctResponse == null) return false
      rightShown = true
      const { expected } = control.lock(answer)
      if (answer.correct !== false) return false
      revealed.replaceChildren(...expected)
      return true
    },
  }
}
