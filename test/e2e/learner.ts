import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Frame, Keyboard, Page } from 'playwright-core'
import type { ChallengeBlock, Course, CourseBlock, MediaBlock, Question, Response, ScenarioBlock, TabsBlock } from '@cafes/core'

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
    // A native media player keeps the focus on a control inside its (closed) shadow root: the host matches :focus-within.
    const media = element.matches('audio[controls], video[controls]')
    if (!element.matches(media ? ':focus-within' : ':focus-visible')) return `${describe} has the focus but does not match :focus-visible`
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

const KITCHEN_SINK = 'examples/kitchen-sink'

/**
 * The kitchen-sink module with every block of issue 4: `examples/kitchen-sink` once it has a
 * scenario, a mini-défi and an audio or video block; until then a copy of it in a temporary folder
 * with one more page of them (`035-blocs.md`, a 3 s silent WAV and its WebVTT transcript).
 */
export function kitchenSinkWithBlocks(root: string): string {
  const folder = resolve(root, KITCHEN_SINK)
  const markdown = readdirSync(folder).filter((name) => name.endsWith('.md')).map((name) => readFileSync(join(folder, name), 'utf8')).join('\n')
  if (/^:{3,}scenario/m.test(markdown) && /^:{3,}defi/m.test(markdown) && /^:{3,}(audio|video)/m.test(markdown)) return KITCHEN_SINK
  const copy = join(mkdtempSync(join(tmpdir(), 'cafes-ks-')), 'kitchen-sink')
  cpSync(folder, copy, { recursive: true })
  if (!existsSync(join(copy, 'assets'))) throw new Error('kitchen-sink has no assets folder')
  writeFileSync(join(copy, 'assets', 'episode.wav'), silentWav(3))
  writeFileSync(join(copy, 'assets', 'episode.vtt'), 'WEBVTT\n\n00:00.000 --> 00:01.000\nBonjour et bienvenue au Café.\n\n00:01.000 --> 00:02.000\nParlons de transparence.\n\n00:02.000 --> 00:03.000\nMerci de votre écoute.\n')
  writeFileSync(join(copy, '035-blocs.md'), BLOCKS_PAGE)
  return copy
}

const BLOCKS_PAGE = `# Mises en situation

::::scenario{#sc-courriel title="Le courriel du client" back}
:::node{#debut}
Un collègue vous transmet une réponse au client rédigée par une IA.

- [Vous l'envoyez tel quel](#fin-ko)
  > Risqué : rien n'a été vérifié.
- [Vous la relisez d'abord](#relire) (+1)
  > Bon réflexe.
:::

:::node{#relire title="La relecture"}
Vous trouvez un chiffre faux.

- [Vous corrigez et le signalez](#fin-ok) (+1)
  > Parfait.
:::

:::node{#fin-ok ending=success}
Le client est bien informé.
:::

:::node{#fin-ko ending=failure}
Le client reçoit un chiffre faux.
:::
::::

::::defi{#defi-prompt title="Améliorez un prompt" time=120}
Reprenez un prompt de votre quotidien.

- [ ] Ajouter le contexte
- [ ] Préciser le format attendu
::::

::::facilitator{in-person=5 remote=4}
NOTE-ANIMATEUR : faites lire le scénario à voix haute.
::::

::::audio{#episode-1 src=assets/episode.wav transcript=assets/episode.vtt title="Épisode 1 : la transparence"}
- 00:00 Accueil
- 00:02 Conclusion
::::

::::tabs{#onglets}
:::tab[Un]
Panneau un.
:::

:::tab[Deux]
Panneau deux.
:::
::::

::::accordion{#faq}
:::item[Et le RGPD ?]
Réponse cachée.
:::
::::

::::cards
:::card[Carte A]
Texte A.
:::

:::card[Carte B]
Texte B.
:::
::::
`

/** A silent 8 kHz mono WAV. */
function silentWav(seconds: number): Buffer {
  const samples = 8000 * seconds
  const bytes = Buffer.alloc(44 + samples, 128)
  bytes.write('RIFF', 0)
  bytes.writeUInt32LE(36 + samples, 4)
  bytes.write('WAVEfmt ', 8)
  bytes.writeUInt32LE(16, 16)
  bytes.writeUInt16LE(1, 20)
  bytes.writeUInt16LE(1, 22)
  bytes.writeUInt32LE(8000, 24)
  bytes.writeUInt32LE(8000, 28)
  bytes.writeUInt16LE(1, 32)
  bytes.writeUInt16LE(8, 34)
  bytes.write('data', 36)
  bytes.writeUInt32LE(samples, 40)
  return bytes
}

export function blocksOf<K extends CourseBlock['kind']>(course: Course, kind: K): { page: number; block: Extract<CourseBlock, { kind: K }> }[] {
  return course.pages.flatMap((page, index) =>
    page.blocks.filter((block): block is Extract<CourseBlock, { kind: K }> => block.kind === kind).map((block) => ({ page: index, block })))
}

/** Choice ids from the start to the best ending (success first, then most points). */
export function bestPath(scenario: ScenarioBlock): string[] {
  const rank = { success: 2, neutral: 1, failure: 0 } as const
  const walk = (nodeId: string): { score: number; choices: string[] } => {
    const node = scenario.nodes.find((candidate) => candidate.id === nodeId)!
    if (node.choices.length === 0) return { score: (rank[node.ending?.outcome ?? 'neutral']) * 1000, choices: [] }
    return node.choices.map((choice) => {
      const rest = walk(choice.target)
      return { score: rest.score + choice.points, choices: [choice.id, ...rest.choices] }
    }).reduce((best, next) => (next.score > best.score ? next : best))
  }
  return walk(scenario.start).choices
}

/** A first choice that leads to a node with choices (so that "Revenir en arrière" shows), or undefined. */
export function detourChoice(scenario: ScenarioBlock): string | undefined {
  const start = scenario.nodes.find((node) => node.id === scenario.start)!
  return start.choices.find((choice) => scenario.nodes.find((node) => node.id === choice.target)!.choices.length > 0)?.id
}

export const scenarioSelector = (block: ScenarioBlock): string => `section[data-cafes-scenario="${block.id}"]`
export const challengeSelector = (block: ChallengeBlock): string => `section[data-cafes-challenge="${block.id}"]`
export const mediaSelector = (block: MediaBlock): string => `section[data-cafes-media="${block.id}"]`
export const tabsSelector = (block: TabsBlock): string => `section[data-cafes-tabs="${block.id}"]`

/** Pointer: a step into the scenario and back (when allowed), then the best path to its ending. */
export async function playScenarioByPointer(surface: Surface, scenario: ScenarioBlock, audit?: (where: string) => Promise<void>): Promise<void> {
  const section = surface.locator(scenarioSelector(scenario))
  const detour = scenario.allowBack ? detourChoice(scenario) : undefined
  if (detour) {
    await section.locator(`[data-cafes-choice="${detour}"]`).click()
    await audit?.(`scenario ${scenario.id}, after a choice`)
    await section.locator('[data-cafes="back"]').click()
  }
  for (const choice of bestPath(scenario)) await section.locator(`[data-cafes-choice="${choice}"]`).click()
  await section.locator('[data-cafes-ending]').waitFor()
}

/** Keyboard: the same, with Tab and Enter; the focus lands on the new node's text. */
export async function playScenarioByKeyboard(surface: Surface, keyboard: Keyboard, scenario: ScenarioBlock): Promise<void> {
  const section = scenarioSelector(scenario)
  const detour = scenario.allowBack ? detourChoice(scenario) : undefined
  const choose = async (choice: string): Promise<void> => {
    await tabTo(surface, keyboard, `${section} [data-cafes-choice="${choice}"]`)
    await keyboard.press('Enter')
    const focused = await surface.evaluate(() => document.activeElement?.className)
    if (focused !== 'cafes-scenario-node') throw new Error(`after a choice the focus is on ${focused}, not the node text`)
  }
  if (detour) {
    await choose(detour)
    await tabTo(surface, keyboard, `${section} [data-cafes="back"]`)
    await keyboard.press('Enter')
  }
  for (const choice of bestPath(scenario)) await choose(choice)
  await surface.locator(`${section} [data-cafes-ending]`).waitFor()
}
