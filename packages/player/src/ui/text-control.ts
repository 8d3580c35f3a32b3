import type { FillInQuestion, NumericQuestion, ReflectionQuestion } from '@cafes/core'
import { h } from './dom.js'
import type { QuestionControl, ViewContext } from './control.js'

/** How long the counter waits after the last keystroke before telling screen readers. */
const COUNTER_ANNOUNCE_MS = 800

/**
 * A labelled text field: fill-in, numeric (`inputmode="decimal"`), or a reflection's textarea
 * with a character counter. Every one has a `maxlength` (it bounds the learner's state).
 */
export function textControl(question: FillInQuestion | NumericQuestion | ReflectionQuestion, ctx: ViewContext): QuestionControl {
  const { t } = ctx
  const id = `cafes-${question.id}-text`
  const reflection = question.type === 'reflection'
  const max = question.maxLength
  const label = h('label', { for: id, class: 'cafes-field-label', lang: ctx.uiLang },
    reflection ? t.yourText : question.type === 'numeric' ? t.yourNumber : t.yourAnswer)
  const nodes: Node[] = [label]
  let count = (): void => {}
  let field: HTMLInputElement | HTMLTextAreaElement
  if (reflection) {
    const counterId = `${id}-count`
    field = h('textarea', { id, rows: 5, maxlength: max, 'aria-describedby': counterId })
    // The visible counter is read with the field; a quieter copy is announced once typing pauses.
    const counter = h('p', { id: counterId, class: 'cafes-counter', lang: ctx.uiLang }, t.characters(0, max))
    const announce = h('p', { class: 'cafes-sr', 'aria-live': 'polite', lang: ctx.uiLang })
    let timer: ReturnType<typeof setTimeout> | undefined
    count = () => {
      counter.textContent = t.characters(field.value.length, max)
    }
    field.addEventListener('input', () => {
      count()
      clearTimeout(timer)
      timer = setTimeout(() => (announce.textContent = counter.textContent), COUNTER_ANNOUNCE_MS)
    })
    nodes.push(field, counter, announce)
  } else {
    field = h('input', {
      type: 'text', id, maxlength: max, autocomplete: 'off', spellcheck: 'false',
      inputmode: question.type === 'numeric' ? 'decimal' : undefined,
      size: Math.min(max, 30),
    })
    nodes.push(field)
  }

  return {
    nodes: [h('div', { class: 'cafes-field' }, ...nodes)],
    response() {
      return field.value.trim() === '' ? null : field.value
    },
    lock(answer) {
      field.value = typeof answer.response === 'string' ? answer.response : ''
      // A reflection stays readable and selectable; a graded answer is locked like a choice.
      if (field instanceof HTMLTextAreaElement) {
        field.readOnly = true
        count()
      } else field.disabled = true
      const right = answer.correctResponse
      if (right === null || question.type === 'reflection') return { chosen: [], expected: [] }
      const text =
        question.type === 'numeric'
          ? question.min === question.max ? ctx.number(question.min) : t.between(ctx.number(question.min), ctx.number(question.max))
          : typeof right === 'string' ? right : question.accepted[0] ?? ''
      return { chosen: [], expected: [h('p', { class: 'cafes-expected' }, h('strong', { lang: ctx.uiLang }, t.expected), text)] }
    },
  }
}
