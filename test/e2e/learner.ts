import type { Frame, Keyboard, Page } from 'playwright-core'
import type { Course, Question, Response } from '@cafes/core'

/**
 * A learner at the player, for the accessibility and keyboard runs: reads the course the
 * launch page carries, answers any question type by pointer or by keyboard alone, and checks
 * what a keyboard user sees. Works on a page (web target) or on the LMS's content frame.
 */
export type Surface = Page | Frame

export async function courseOf(surface: Surface): Promise<Course> {
  return JSON.parse(await surface.evaluate(() => document.getElementById('cafes-course')!.textContent!)) as Course
}

export function questionsOf(course: Course, pageIndex: number): Question[] {
  return course.pages[pageIndex]!.blocks.flatMap((block) => (block.kind === 'quiz' ? block.questions : []))
}

/** The response that scores: the right choices, the first accepted text, the pairs, the order. */
export function rightResponse(question: Question): Response {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return question.choices.filter((choice) => choice.correct).map((choice) => choice.id)
    case 'true-false':
      return question.answer
    case 'fill-in':
      return question.accepted[0]!
    case 'numeric':
      return String(question.min)
    case 'matching':
      return question.pairs
    case 'sequencing':
      return question.steps.map((step) => step.id)
    case 'likert':
      return [question.scale[question.scale.length - 1]!.id]
    case 'reflection':
      return 'Je relirai les réponses de l’outil avant de les envoyer.'
  }
}

/** A response that does not score, so that the feedback shows the right answer and the retry. */
export function wrongResponse(question: Question): Response {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return [question.choices.find((choice) => !choice.correct)!.id]
    case 'true-false':
      return !question.answer
    case 'fill-in':
      return 'zzz'
    case 'numeric':
      return String(question.max + 1000)
    case 'matching':
      return question.sources.map((source, index): [string, string] => [source.id, question.pairs[(index + 1) % question.pairs.length]![1]])
    case 'sequencing':
      return [...question.steps].reverse().map((step) => step.id)
    default:
      return rightResponse(question)
  }
}

export const fieldsetOf = (question: Question): string => `fieldset[data-cafes-question="${question.id}"]`

/** Answers with the mouse (Playwright's `check`, `fill`, `selectOption`, clicks), then submits. */
export async function answerByPointer(surface: Surface, question: Question, response: Response): Promise<string> {
  const fieldset = surface.locator(fieldsetOf(question))
  switch (question.type) {
    case 'single':
    case 'multiple':
    case 'likert':
      for (const id of response as string[]) await fieldset.locator(`input[value="${id}"]`).check()
      break
    case 'true-false':
      await fieldset.locator(`input[value="${String(response)}"]`).check()
      break
    case 'fill-in':
    case 'numeric':
      await fieldset.locator('input[type="text"]').fill(response as string)
      break
    case 'reflection':
      await fieldset.locator('textarea').fill(response as string)
      break
    case 'matching':
      for (const [source, target] of response as [string, string][]) {
        await fieldset.locator(`select[data-cafes-source="${source}"]`).selectOption(target)
      }
      break
    case 'sequencing':
      for (const [position, id] of (response as string[]).entries()) {
        for (;;) {
          const at = await fieldset.locator('li[data-cafes-step]').evaluateAll((items, step) =>
            items.findIndex((item) => item.getAttribute('data-cafes-step') === step), id)
          if (at <= position) break
          await fieldset.locator(`li[data-cafes-step="${id}"] [data-cafes="up"]`).click()
        }
      }
      break
  }
  await fieldset.locator('[data-cafes="submit"]').click()
  await surface.waitForSelector(`${fieldsetOf(question)}[data-cafes-result]`)
  return (await fieldset.getAttribute('data-cafes-result'))!
}

/** What a keyboard user sees of the focused element: a problem, or null when focus is visible. */
export async function focusProblem(surface: Surface): Promise<string | null> {
  return surface.evaluate(() => {
    const element = document.activeElement
    if (!element || element === document.body || element === document.documentElement) return 'nothing has the focus'
    const describe = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.getAttribute('data-cafes') ? `[data-cafes=${element.getAttribute('data-cafes')}]` : ''}`
    if (!element.matches(':focus-visible')) return `${describe} has the focus but does not match :focus-visible`
    const style = getComputedStyle(element)
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
    if (!outline && style.boxShadow === 'none') return `${describe} has no visible focus indicator (outline ${style.outlineStyle} ${style.outlineWidth}, box-shadow none)`
    return null
  })
}

/**
 * Keyboard only: Tab (or Shift+Tab, when the first match comes before the focus) until the
 * focused element matches `selector`, checking at every stop that the focus is visible.
 */
export async function tabTo(surface: Surface, keyboard: Keyboard, selector: string, maxStops = 80): Promise<void> {
  for (let stop = 0; stop <= maxStops; stop++) {
    const where = await surface.evaluate((target) => {
      const active = document.activeElement
      const wanted = document.querySelector(target)
      if (!wanted) return 'missing'
      if (active?.matches(target)) return 'here'
      if (!active || active === document.body) return 'after'
      return active.compareDocumentPosition(wanted) & Node.DOCUMENT_POSITION_FOLLOWING ? 'after' : 'before'
    }, selector)
    if (where === 'here') return
    if (where === 'missing') throw new Error(`no element matches ${selector}`)
    await keyboard.press(where === 'after' ? 'Tab' : 'Shift+Tab')
    const problem = await focusProblem(surface)
    if (problem) throw new Error(`while tabbing to ${selector}: ${problem}`)
  }
  throw new Error(`${selector} not reached in ${maxStops} Tab presses`)
}

async function activeValue(surface: Surface): Promise<string | null> {
  return surface.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value ?? null)
}

/**
 * Answers with the keyboard alone: arrows in radio groups, Space on checkboxes, typing in
 * fields, arrows in the matching selects, Enter on "Monter" for the order; Enter on "Valider".
 * Returns the result, after checking that the focus moved to the feedback region.
 */
export async function answerByKeyboard(surface: Surface, keyboard: Keyboard, question: Question, response: Response): Promise<string> {
  const within = fieldsetOf(question)
  switch (question.type) {
    case 'single':
    case 'likert':
    case 'true-false': {
      const value = question.type === 'true-false' ? String(response) : (response as string[])[0]!
      await tabTo(surface, keyboard, `${within} input[type="radio"]`)
      for (let step = 0; (await activeValue(surface)) !== value; step++) {
        if (step > 30) throw new Error(`radio ${value} of ${question.id} not reached with the arrows`)
        await keyboard.press('ArrowDown')
      }
      if (!(await surface.evaluate(() => (document.activeElement as HTMLInputElement).checked))) await keyboard.press('Space')
      break
    }
    case 'multiple':
      for (const id of response as string[]) {
        await tabTo(surface, keyboard, `${within} input[value="${id}"]`)
        await keyboard.press('Space')
      }
      break
    case 'fill-in':
    case 'numeric':
    case 'reflection':
      await tabTo(surface, keyboard, `${within} ${question.type === 'reflection' ? 'textarea' : 'input[type="text"]'}`)
      await keyboard.type(response as string)
      break
    case 'matching':
      for (const [source, target] of response as [string, string][]) {
        await tabTo(surface, keyboard, `${within} select[data-cafes-source="${source}"]`)
        for (let step = 0; (await activeValue(surface)) !== target; step++) {
          if (step > 30) throw new Error(`target ${target} of ${question.id} not reached with the arrows`)
          await keyboard.press('ArrowDown')
        }
      }
      break
    case 'sequencing': {
      const order = response as string[]
      for (const [position, id] of order.entries()) {
        const button = `${within} li[data-cafes-step="${id}"] [data-cafes="up"]`
        let at = await stepIndex(surface, within, id)
        if (at <= position) continue
        await tabTo(surface, keyboard, button)
        while (at > position) {
          await keyboard.press('Enter')
          at--
          const state = await surface.evaluate(([selector, fieldset]) => ({
            focused: document.activeElement === document.querySelector(selector),
            live: document.querySelector(`${fieldset} [data-cafes-sequence] + [aria-live]`)?.textContent ?? '',
          }), [button, within] as const)
          if (!state.focused) throw new Error(`focus left the moved step's button (${id})`)
          if (!new RegExp(`\\b${at + 1}\\b.*\\b${order.length}\\b`).test(state.live)) throw new Error(`move not announced: "${state.live}"`)
          const problem = await focusProblem(surface)
          if (problem) throw new Error(problem)
        }
        if ((await stepIndex(surface, within, id)) !== position) throw new Error(`step ${id} not at ${position}`)
      }
      break
    }
  }
  await tabTo(surface, keyboard, `${within} [data-cafes="submit"]`)
  await keyboard.press('Enter')
  await surface.waitForSelector(`${within}[data-cafes-result]`)
  const onFeedback = await surface.evaluate((fieldset) => document.activeElement === document.querySelector(`${fieldset} .cafes-feedback`), within)
  if (!onFeedback) throw new Error(`after submitting ${question.id}, focus is not on its feedback`)
  const problem = await focusProblem(surface)
  if (problem) throw new Error(`feedback of ${question.id}: ${problem}`)
  return (await surface.getAttribute(within, 'data-cafes-result'))!
}

async function stepIndex(surface: Surface, fieldset: string, id: string): Promise<number> {
  return surface.evaluate(([selector, step]) =>
    [...document.querySelectorAll(`${selector} li[data-cafes-step]`)].findIndex((item) => item.getAttribute('data-cafes-step') === step),
  [fieldset, id] as const)
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'RGAAv4']

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  helpUrl: string
  nodes: { target: string[]; failureSummary?: string; html: string }[]
}

/** Runs axe-core (injected from node_modules) on the surface's document; returns the violations. */
export async function runAxe(surface: Surface, axePath: string): Promise<AxeViolation[]> {
  if (!(await surface.evaluate(() => 'axe' in window))) await surface.addScriptTag({ path: axePath })
  return surface.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } })
    return result.violations.map((violation) => ({
      id: violation.id, impact: violation.impact, help: violation.help, helpUrl: violation.helpUrl,
      nodes: violation.nodes.map((node) => ({ target: node.target.map(String), failureSummary: node.failureSummary, html: node.html })),
    }))
  }, AXE_TAGS)
}

/** Violations as a reviewer reads them: rule, impact, help, then each node with its selector and why. */
export function formatViolations(where: string, violations: AxeViolation[]): string {
  return violations.map((violation) =>
    `${where}: ${violation.id} (${violation.impact ?? 'n/a'}) ${violation.help} — ${violation.helpUrl}\n`
    + violation.nodes.map((node) => `    ${node.target.join(' ')}\n      ${node.html.slice(0, 200)}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`).join('\n'),
  ).join('\n')
}
