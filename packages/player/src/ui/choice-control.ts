import type { ChoiceQuestion, LikertQuestion, TrueFalseQuestion } from '@cafes/core'
import { h, unwrapParagraph } from './dom.js'
import type { QuestionControl, ViewContext } from './control.js'

interface ChoiceItem {
  value: string
  html: string
  text: string
  feedbackHtml?: string | undefined
}

/**
 * Radios or checkboxes: single and multiple choice (in the engine's display order), true/false
 * (`value="true|false"`), and the opinion scale (likert, laid out in a row when there is room).
 */
export function choiceControl(question: ChoiceQuestion | TrueFalseQuestion | LikertQuestion, ctx: ViewContext): QuestionControl {
  const { t, engine } = ctx
  const name = `cafes-${question.id}`
  let items: ChoiceItem[]
  if (question.type === 'true-false') {
    items = [
      { value: 'true', html: t.true, text: t.true, feedbackHtml: question.trueFeedbackHtml },
      { value: 'false', html: t.false, text: t.false, feedbackHtml: question.falseFeedbackHtml },
    ]
  } else if (question.type === 'likert') {
    items = question.scale.map((option) => ({ value: option.id, html: option.html, text: option.text }))
  } else {
    const order = engine.optionOrder(question.id)
    const byId = new Map(question.choices.map((choice) => [choice.id, choice]))
    const ordered = order.length === question.choices.length ? order.map((id) => byId.get(id)!).filter(Boolean) : question.choices
    items = ordered.map((choice) => ({ value: choice.id, html: choice.html, text: choice.text, feedbackHtml: choice.feedbackHtml }))
  }
  const type = question.type === 'multiple' ? 'checkbox' : 'radio'
  const uiLang = question.type === 'true-false' ? ctx.uiLang : undefined
  const inputs = items.map((item) => h('input', { type, name, id: `${name}-${item.value}`, value: item.value }))
  const labels = items.map((item, index) => h('label', { for: inputs[index]!.id, lang: uiLang, html: unwrapParagraph(item.html) }))
  const rows = items.map((_, index) => h('div', { class: 'cafes-choice' }, inputs[index], labels[index]))
  const nodes = question.type === 'likert' ? [h('div', { class: 'cafes-likert' }, ...rows)] : rows

  return {
    nodes,
    response() {
      const checked = inputs.filter((input) => input.checked).map((input) => input.value)
      if (checked.length === 0) return null
      if (question.type === 'true-false') return checked[0] === 'true'
      // Choice order, whatever the display order.
      return question.type === 'multiple' ? question.choices.map((choice) => choice.id).filter((id) => checked.includes(id)) : checked
    },
    lock(answer) {
      const selected = toIds(answer.response)
      const right = answer.correctResponse === null ? null : toIds(answer.correctResponse)
      const chosen: Node[] = []
      items.forEach((item, index) => {
        const input = inputs[index]!
        const isSelected = selected.includes(item.value)
        const isRight = right?.includes(item.value) ?? false
        input.checked = isSelected
        input.disabled = true
        const notes = [isSelected ? t.yourChoice : '', isRight ? t.rightChoice : ''].filter(Boolean)
        // Locking again (the right answers revealed later) replaces the notes.
        labels[index]!.querySelector('.cafes-note')?.remove()
        if (notes.length > 0) {
          // Without the right answer, a choice is only "yours": neither right nor wrong.
          const mark = right === null ? '' : isRight ? 'right' : 'wrong'
          labels[index]!.append(h('span', { class: `cafes-note cafes-${mark || 'mine'}`, lang: ctx.uiLang },
            mark && h('span', { 'aria-hidden': 'true' }, mark === 'right' ? ' ✓' : ' ✗'), ` (${notes.join(', ')})`))
        }
        if (isSelected && item.feedbackHtml) {
          chosen.push(h('div', { class: 'cafes-choice-feedback' },
            h('p', {}, h('strong', {}, item.text)), h('div', { html: item.feedbackHtml })))
        }
      })
      return { chosen, expected: [] }
    },
  }
}

function toIds(response: unknown): string[] {
  return typeof response === 'boolean' ? [String(response)] : Array.isArray(response) ? response.map(String) : []
}
