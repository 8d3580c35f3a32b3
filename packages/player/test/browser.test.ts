import { type Browser, type Frame, type Page, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Course, Question } from '@cafes/core'
import { demoCourse } from './fixtures.js'
import { type BuiltPlayer, buildPlayer } from './build-player.js'

/**
 * The built player in Chromium, with a fake LMS API in the parent window: a smoke test of the
 * interface and its DOM hooks. The real LMS (scorm-again) is the end-to-end suite's job.
 */
let browser: Browser
const bundles: Partial<Record<'scorm12' | 'scorm2004' | 'web', BuiltPlayer>> = {}

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  })
  for (const target of ['scorm12', 'scorm2004', 'web'] as const) bundles[target] = await buildPlayer(target)
}, 60_000)

afterAll(async () => {
  await browser?.close()
})

/** Serves the HTML at a real origin (storage is refused on `about:blank`). */
async function serve(page: Page, html: string): Promise<void> {
  await page.route('http://cafes.test/**', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }))
  await page.goto('http://cafes.test/index.html')
}

function launchPage(target: 'scorm12' | 'scorm2004' | 'web', course = demoCourse()): string {
  const { js, css } = bundles[target]!
  const json = JSON.stringify(course).replace(/</g, '\\u003c')
  return `<!doctype html><html lang="${course.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${course.title}</title><style>${css}</style></head>`
    + `<body><div id="cafes-app"></div><script type="application/json" id="cafes-course">${json}</script><script>${js.replace(/<\/script/gi, '<\\/script')}</script></body></html>`
}

/** An LMS page exposing a recording API object, with the player in an iframe. */
async function openInLms(page: Page, target: 'scorm12' | 'scorm2004', lmsScript: string): Promise<Frame> {
  await page.setContent(`<!doctype html><html><body><script>${lmsScript}</script><iframe id="sco" style="width:100%;height:500px;border:0"></iframe></body></html>`)
  await page.$eval('#sco', (frame, html) => ((frame as HTMLIFrameElement).srcdoc = html), launchPage(target))
  const handle = await page.waitForSelector('#sco')
  const frame = (await handle.contentFrame())!
  await frame.waitForSelector('main[data-cafes-page]')
  return frame
}

const fake2004 = (commitResult = 'true') => `
  window.calls = [];
  const ok = (name) => (...args) => { calls.push([name, ...args]); return name === 'Commit' ? '${commitResult}' : 'true' };
  window.API_1484_11 = {
    Initialize: ok('Initialize'), Terminate: ok('Terminate'), Commit: ok('Commit'), SetValue: ok('SetValue'),
    GetValue: (el) => { calls.push(['GetValue', el]); return el === 'cmi.completion_status' ? 'unknown' : el === 'cmi.mode' ? 'normal' : '' },
    GetLastError: () => '0', GetErrorString: () => '', GetDiagnostic: () => '',
  };`

describe('player in Chromium', () => {
  it('plays a SCORM 2004 module from start to finish through its DOM hooks', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 500 } })
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    const frame = await openInLms(page, 'scorm2004', fake2004())

    expect(await frame.textContent('main h1')).toBe('Introduction')
    expect(await frame.textContent('.cafes-progress')).toBe('Page 1 / 3')
    expect(await frame.$('[data-cafes-status]')).toBeNull()
    expect(await frame.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)

    await frame.getByRole('button', { name: 'Suivant' }).click()
    await frame.waitForSelector('main[data-cafes-page="notions"]')
    expect(await frame.evaluate(() => document.activeElement?.tagName)).toBe('H1')
    expect(await frame.textContent('aside')).toContain('Astuce : Bon à savoir')

    await frame.getByRole('button', { name: 'Menu' }).click()
    const menu = frame.getByRole('navigation', { name: 'Menu du module' })
    expect(await menu.isVisible()).toBe(true)
    expect(await menu.textContent()).toContain('(non vue)')
    await menu.getByRole('button', { name: /Quiz/ }).click()
    await frame.waitForSelector('main[data-cafes-page="quiz"]')
    expect(await menu.isVisible()).toBe(false)

    const single = frame.locator('fieldset[data-cafes-question="q-single"]')
    const submit = single.getByRole('button', { name: 'Valider' })
    expect(await submit.isDisabled()).toBe(true)
    await single.getByLabel('Choix b').check()
    expect(await submit.isEnabled()).toBe(true)
    await submit.click()
    expect(await single.getAttribute('data-cafes-result')).toBe('correct')
    expect(await single.locator('input[value="a"]').isDisabled()).toBe(true)
    expect(await single.locator('[aria-live="polite"]').textContent()).toContain('Bonne réponse')
    expect(await single.textContent()).toContain('Explication q-single')

    const multiple = frame.locator('fieldset[data-cafes-question="q-multiple"]')
    for (const id of ['a', 'b', 'c']) await multiple.locator(`input[value="${id}"]`).check()
    await multiple.locator('[data-cafes="submit"]').click()
    expect(await multiple.getAttribute('data-cafes-result')).toBe('incorrect')
    expect(await frame.textContent('[data-cafes-quiz-result="quiz-a"]')).toContain('33')

    expect(await frame.getByRole('button', { name: 'Suivant' }).count()).toBe(0)
    await frame.locator('[data-cafes="finish"]').click()
    await frame.getByText('Vous pouvez fermer cette fenêtre').waitFor()

    const calls = (await page.evaluate(() => (window as unknown as { calls: string[][] }).calls)).map((call) => call.join(' '))
    expect(calls.slice(0, 12)).toEqual([
      'Initialize ', 'GetValue cmi.location', 'GetValue cmi.suspend_data', 'GetValue cmi.mode', 'GetValue cmi.credit',
      'GetValue cmi.completion_status', 'GetValue cmi.learner_name', 'GetValue cmi.learner_id', 'GetValue cmi.interactions._count',
      'SetValue cmi.completion_status incomplete',
      'SetValue cmi.exit suspend', 'Commit ',
    ])
    expect(calls).toContain('SetValue cmi.interactions.1.learner_response a[,]b[,]c')
    expect(calls).toContain('SetValue cmi.score.raw 33')
    expect(calls).toContain('SetValue cmi.success_status failed')
    expect(calls.slice(-3)).toEqual([expect.stringMatching(/^SetValue cmi\.session_time PT/), 'SetValue cmi.exit normal', 'Terminate '])
    expect(calls.filter((call) => call.startsWith('Terminate'))).toHaveLength(1)
    expect(errors).toEqual([])
    await page.close()
  }, 30_000)

  it('shows the failing banner when Commit returns "false"', async () => {
    const page = await browser.newPage()
    const frame = await openInLms(page, 'scorm2004', fake2004('false'))
    await frame.waitForSelector('[data-cafes-status="failing"]')
    expect(await frame.getByRole('status').textContent()).toContain("Votre progression n'a pas pu être enregistrée")
    await page.close()
  }, 30_000)

  it('runs detached, with the banner, when no LMS is found', async () => {
    const page = await browser.newPage()
    await serve(page, launchPage('scorm12'))
    await page.waitForSelector('[data-cafes-status="detached"]', { timeout: 5_000 })
    expect(await page.textContent('[data-cafes-status]')).toContain('Pas de connexion à la plateforme')
    await page.close()
  }, 30_000)

  it('web: shows English strings for an English course, with no banner', async () => {
    const page = await browser.newPage()
    await serve(page, launchPage('web', demoCourse({ language: 'en-GB', theme: { primary: '#123456' } })))
    await page.waitForSelector('main[data-cafes-page="intro"]')
    expect(await page.getByRole('button', { name: 'Next' }).count()).toBe(1)
    expect(await page.$('[data-cafes-status]')).toBeNull()
    expect(await page.$eval('#cafes-app', (root) => root.style.getPropertyValue('--cafes-primary'))).toBe('#123456')
    await page.close()
  }, 30_000)
})

/** Every question type, with per-choice and per-question feedback, on two pages (web target). */
function allTypesCourse(overrides: { showCorrect?: boolean; attempts?: number; language?: string } = {}): Course {
  const option = (id: string, text: string) => ({ id, text, html: `<p>${text}</p>` })
  const base = (id: string, prompt: string, weight = 1) =>
    ({ id, prompt, weight, promptHtml: `<p>${prompt}</p>`, explanationHtml: `<p>Explication ${id}.</p>` })
  const graded: Question[] = [
    {
      ...base('q-single', 'Quelle est la capitale de la France ?'), type: 'single',
      correctFeedbackHtml: '<p>Bravo, bien vu.</p>', incorrectFeedbackHtml: '<p>Relisez la page 1.</p>',
      choices: [
        { ...option('a', 'Lyon'), correct: false, feedbackHtml: '<p>Lyon est la capitale des Gaules.</p>' },
        { ...option('b', 'Paris'), correct: true },
        { ...option('c', 'Marseille'), correct: false },
      ],
    },
    { ...base('q-multiple', 'Lesquels sont des fruits ?'), type: 'multiple',
      choices: [{ ...option('a', 'Pomme'), correct: true }, { ...option('b', 'Carotte'), correct: false }, { ...option('c', 'Poire'), correct: true }] },
    { ...base('q-tf', 'Une IA peut se tromper.'), type: 'true-false', answer: true, trueFeedbackHtml: '<p>En effet.</p>', falseFeedbackHtml: '<p>Si, toujours.</p>' },
    { ...base('q-fill', 'Quel mot décrit une IA qui s’explique ?'), type: 'fill-in', accepted: ['transparente', 'explicable'], caseSensitive: false, accentSensitive: false, maxLength: 40 },
    { ...base('q-num', 'Combien de jours compte une semaine ?'), type: 'numeric', min: 7, max: 7, maxLength: 10 },
    { ...base('q-range', 'Une température confortable, en degrés ?'), type: 'numeric', min: 19.5, max: 22, maxLength: 10 },
    {
      ...base('q-match', 'Associez chaque principe à sa définition.'), type: 'matching',
      sources: [option('1', 'Transparence'), option('2', 'Équité'), option('3', 'Robustesse')],
      targets: [option('a', 'Expliquer'), option('b', 'Ne pas discriminer'), option('c', 'Résister aux erreurs')],
      pairs: [['1', 'a'], ['2', 'b'], ['3', 'c']],
    },
    { ...base('q-seq', 'Remettez les étapes dans l’ordre.'), type: 'sequencing',
      steps: [option('a', 'Moudre'), option('b', 'Chauffer'), option('c', 'Verser'), option('d', 'Déguster')] },
  ]
  const poll: Question[] = [
    { ...base('q-likert', 'Ce module vous a-t-il été utile ?', 0), type: 'likert',
      scale: [option('a', 'Pas du tout'), option('b', 'Un peu'), option('c', 'Moyennement'), option('d', 'Beaucoup'), option('e', 'Énormément')] },
    { ...base('q-reflect', 'Qu’allez-vous changer ?', 0), type: 'reflection', maxLength: 200 },
  ]
  return {
    format: 1, id: 'all-types', iri: 'https://example.org/xapi/all-types', title: 'Tous les types', language: overrides.language ?? 'fr', version: '1.0.0', passMark: 80,
    completion: 'pages-and-passed',
    pages: [
      { id: 'quiz', title: 'Quiz', blocks: [{ kind: 'quiz', quiz: 'quiz-all', questions: graded }] },
      { id: 'avis', title: 'Avis', blocks: [{ kind: 'quiz', quiz: 'quiz-poll', questions: poll }] },
    ],
    quizzes: [
      { id: 'quiz-all', title: 'Vérifiez', passMark: 80, questionIds: graded.map((question) => question.id),
        attempts: overrides.attempts ?? 1, shuffle: true, showCorrect: overrides.showCorrect ?? true },
      { id: 'quiz-poll', title: 'Votre avis', passMark: 80, questionIds: poll.map((question) => question.id), attempts: 1, shuffle: false, showCorrect: true },
    ],
  }
}

describe('question types in Chromium (web target)', () => {
  async function open(course: Course, viewport = { width: 1024, height: 700 }): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport })
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await serve(page, launchPage('web', course))
    await page.waitForSelector('main[data-cafes-page]')
    return { page, errors }
  }
  const q = (page: Page, id: string) => page.locator(`fieldset[data-cafes-question="${id}"]`)
  const submit = async (page: Page, id: string): Promise<string> => {
    await q(page, id).locator('[data-cafes="submit"]').click()
    await page.waitForSelector(`fieldset[data-cafes-question="${id}"][data-cafes-result]`)
    return (await q(page, id).getAttribute('data-cafes-result'))!
  }
  const feedbackOf = (page: Page, id: string) => q(page, id).locator('.cafes-feedback')

  it('renders each type with its hooks, labels and length limits; Valider waits for an answer', async () => {
    const { page, errors } = await open(allTypesCourse())
    const tf = q(page, 'q-tf')
    expect(await tf.getByLabel('Vrai').getAttribute('value')).toBe('true')
    expect(await tf.getByLabel('Faux').getAttribute('value')).toBe('false')
    expect(await tf.locator('legend').textContent()).toBe('Une IA peut se tromper.')

    const fill = q(page, 'q-fill').getByLabel('Votre réponse', { exact: true })
    expect(await fill.getAttribute('type')).toBe('text')
    expect(await fill.getAttribute('maxlength')).toBe('40')
    const number = q(page, 'q-num').getByLabel('Votre réponse (un nombre)')
    expect(await number.getAttribute('inputmode')).toBe('decimal')
    expect(await number.getAttribute('maxlength')).toBe('10')

    // Matching: one labelled select per source, "Choisir…" first, targets in the engine's order.
    const match = q(page, 'q-match')
    const select = match.getByLabel('Équité')
    expect(await select.getAttribute('data-cafes-source')).toBe('2')
    const options = await select.locator('option').evaluateAll((items) => items.map((item) => [(item as HTMLOptionElement).value, item.textContent]))
    expect(options[0]).toEqual(['', 'Choisir…'])
    const order = await page.evaluate(() => document.querySelectorAll('select[data-cafes-source="1"] option').length)
    expect(order).toBe(4)
    const submitMatch = match.locator('[data-cafes="submit"]')
    await match.getByLabel('Transparence').selectOption('a')
    await match.getByLabel('Équité').selectOption('b')
    expect(await submitMatch.isDisabled()).toBe(true)
    await match.getByLabel('Robustesse').selectOption('c')
    expect(await submitMatch.isEnabled()).toBe(true)

    // Sequencing starts submittable (the engine never shows it in the right order).
    const sequence = q(page, 'q-seq')
    expect(await sequence.locator('ol[data-cafes-sequence] > li[data-cafes-step]').count()).toBe(4)
    expect(await sequence.locator('[data-cafes="submit"]').isEnabled()).toBe(true)
    expect(await sequence.getByRole('button', { name: 'Monter : Verser' }).count()).toBe(1)
    expect(await sequence.getByRole('button', { name: 'Descendre : Verser' }).count()).toBe(1)
    const shown = await sequence.locator('li').evaluateAll((items) => items.map((item) => item.getAttribute('data-cafes-step')).join(''))
    expect(shown).not.toBe('abcd')

    for (const id of ['q-single', 'q-tf', 'q-fill', 'q-num']) expect(await q(page, id).locator('[data-cafes="submit"]').isDisabled()).toBe(true)
    await fill.fill('   ')
    expect(await q(page, 'q-fill').locator('[data-cafes="submit"]').isDisabled()).toBe(true)
    await fill.fill('transparente')
    expect(await q(page, 'q-fill').locator('[data-cafes="submit"]').isEnabled()).toBe(true)

    await page.locator('[data-cafes="next"]').click()
    await page.waitForSelector('main[data-cafes-page="avis"]')
    const likert = q(page, 'q-likert')
    expect(await likert.locator('input[type="radio"]').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value).join(''))).toBe('abcde')
    const reflection = q(page, 'q-reflect')
    const area = reflection.getByLabel('Votre texte')
    expect(await area.getAttribute('maxlength')).toBe('200')
    expect(await reflection.locator('[data-cafes="submit"]').textContent()).toBe('Enregistrer')
    await area.fill('Relire.')
    expect(await reflection.locator('.cafes-counter').textContent()).toBe('7 / 200 caractères')
    expect(await area.getAttribute('aria-describedby')).toBe(await reflection.locator('.cafes-counter').getAttribute('id'))
    await page.waitForFunction(() => document.querySelector('[data-cafes-question="q-reflect"] .cafes-sr[aria-live]')?.textContent === '7 / 200 caractères')
    expect(errors).toEqual([])
    await page.close()
  }, 30_000)

  it('shows each result in words and icon, per-choice and per-question feedback, the right answer and the explanation, focus on the live region', async () => {
    const { page, errors } = await open(allTypesCourse())
    await q(page, 'q-single').getByLabel('Lyon').check()
    expect(await submit(page, 'q-single')).toBe('incorrect')
    const single = feedbackOf(page, 'q-single')
    expect(await single.getAttribute('aria-live')).toBe('polite')
    expect(await page.evaluate(() => document.activeElement?.closest('[data-cafes-question]')?.getAttribute('data-cafes-question')
      + '|' + document.activeElement?.className)).toBe('q-single|cafes-feedback')
    const text = await single.innerText()
    expect(text).toMatch(/✗\s*Mauvaise réponse/)
    // Order: verdict, the chosen option's feedback, the question's feedback, the explanation.
    const at = (part: string) => text.indexOf(part)
    expect(at('Mauvaise réponse')).toBeLessThan(at('Lyon est la capitale des Gaules.'))
    expect(at('Lyon est la capitale des Gaules.')).toBeLessThan(at('Relisez la page 1.'))
    expect(at('Relisez la page 1.')).toBeLessThan(at('Explication q-single.'))
    expect(text).not.toContain('Bravo')
    // On the choices: yours and the right one, in words (not by colour alone).
    expect(await q(page, 'q-single').locator('label', { hasText: 'Lyon' }).textContent()).toContain('(votre choix)')
    expect(await q(page, 'q-single').locator('label', { hasText: 'Paris' }).textContent()).toContain('(bonne réponse)')
    expect(await q(page, 'q-single').locator('input[value="b"]').isDisabled()).toBe(true)

    await q(page, 'q-multiple').getByLabel('Pomme').check()
    await q(page, 'q-multiple').getByLabel('Poire').check()
    expect(await submit(page, 'q-multiple')).toBe('correct')
    expect(await feedbackOf(page, 'q-multiple').innerText()).toMatch(/✓\s*Bonne réponse/)

    await q(page, 'q-tf').getByLabel('Faux').check()
    expect(await submit(page, 'q-tf')).toBe('incorrect')
    expect(await feedbackOf(page, 'q-tf').innerText()).toContain('Si, toujours.')
    expect(await q(page, 'q-tf').locator('label', { hasText: 'Vrai' }).textContent()).toContain('(bonne réponse)')

    await q(page, 'q-fill').locator('input').fill('opaque')
    expect(await submit(page, 'q-fill')).toBe('incorrect')
    expect(await feedbackOf(page, 'q-fill').innerText()).toContain('Réponse attendue : transparente')
    expect(await q(page, 'q-fill').locator('input').inputValue()).toBe('opaque')
    expect(await q(page, 'q-fill').locator('input').isDisabled()).toBe(true)

    await q(page, 'q-num').locator('input').fill('7')
    expect(await submit(page, 'q-num')).toBe('correct')
    expect(await feedbackOf(page, 'q-num').innerText()).not.toContain('Réponse attendue')

    await q(page, 'q-range').locator('input').fill('30')
    expect(await submit(page, 'q-range')).toBe('incorrect')
    expect(await feedbackOf(page, 'q-range').innerText()).toContain('Réponse attendue : entre 19,5 et 22')

    const match = q(page, 'q-match')
    await match.getByLabel('Transparence').selectOption('b')
    await match.getByLabel('Équité').selectOption('a')
    await match.getByLabel('Robustesse').selectOption('c')
    expect(await submit(page, 'q-match')).toBe('incorrect')
    const pairs = await feedbackOf(page, 'q-match').innerText()
    expect(pairs).toContain('Associations attendues')
    expect(pairs).toMatch(/Transparence\s*→\s*:?\s*Expliquer/)
    expect(await match.getByLabel('Transparence').isDisabled()).toBe(true)
    expect(await match.getByLabel('Transparence').inputValue()).toBe('b')

    expect(await submit(page, 'q-seq')).toBe('incorrect')
    expect(await feedbackOf(page, 'q-seq').locator('ol').innerText()).toBe('Moudre\nChauffer\nVerser\nDéguster')
    expect(await q(page, 'q-seq').locator('[data-cafes="up"]').first().isDisabled()).toBe(true)

    await page.locator('[data-cafes="next"]').click()
    await page.waitForSelector('main[data-cafes-page="avis"]')
    await q(page, 'q-likert').getByLabel('Beaucoup').check()
    expect(await submit(page, 'q-likert')).toBe('neutral')
    expect(await feedbackOf(page, 'q-likert').innerText()).toContain('Réponse enregistrée')
    await q(page, 'q-reflect').locator('textarea').fill('Relire les réponses.')
    expect(await submit(page, 'q-reflect')).toBe('neutral')
    expect(await q(page, 'q-reflect').locator('textarea').getAttribute('readonly')).toBe('')
    expect(await feedbackOf(page, 'q-reflect').innerText()).toContain('Réponse enregistrée')
    // An opinion poll has no score line.
    expect(await page.locator('[data-cafes-quiz-result="quiz-poll"]').count()).toBe(0)
    expect(errors).toEqual([])
    await page.close()
  }, 30_000)

  it('moves steps with Monter / Descendre: focus stays on the moved step, the position is announced', async () => {
    const { page } = await open(allTypesCourse())
    const sequence = q(page, 'q-seq')
    const order = () => sequence.locator('li').evaluateAll((items) => items.map((item) => item.getAttribute('data-cafes-step')).join(''))
    const before = await order()
    const last = before[3]!
    const up = sequence.locator(`li[data-cafes-step="${last}"] [data-cafes="up"]`)
    expect(await sequence.locator(`li[data-cafes-step="${last}"] [data-cafes="down"]`).getAttribute('aria-disabled')).toBe('true')
    await up.focus()
    await page.keyboard.press('Enter')
    expect(await order()).toBe(before[0]! + before[1]! + last + before[2]!)
    expect(await up.evaluate((button) => button === document.activeElement)).toBe(true)
    expect(await sequence.locator('[data-cafes-sequence] + [aria-live="polite"]').textContent()).toBe('Étape déplacée en position 3 sur 4')
    await page.keyboard.press('Space')
    await page.keyboard.press('Enter')
    expect((await order())[0]).toBe(last)
    expect(await up.getAttribute('aria-disabled')).toBe('true')
    // At the top, "Monter" does nothing and keeps the focus.
    await page.keyboard.press('Enter')
    expect((await order())[0]).toBe(last)
    expect(await up.evaluate((button) => button === document.activeElement)).toBe(true)
    await page.close()
  }, 30_000)

  it('shows the quiz result with the attempt, retries a failed quiz afresh, and stops when attempts run out', async () => {
    const { page } = await open(allTypesCourse({ attempts: 2 }))
    const failAll = async () => {
      await q(page, 'q-single').getByLabel('Lyon').check()
      await submit(page, 'q-single')
      await q(page, 'q-multiple').getByLabel('Carotte').check()
      await submit(page, 'q-multiple')
      await q(page, 'q-tf').getByLabel('Faux').check()
      await submit(page, 'q-tf')
      for (const id of ['q-fill', 'q-num', 'q-range']) {
        await q(page, id).locator('input').fill('99')
        await submit(page, id)
      }
      for (const source of ['1', '2', '3']) await q(page, 'q-match').locator(`select[data-cafes-source="${source}"]`).selectOption('a')
      await submit(page, 'q-match')
      await submit(page, 'q-seq')
    }
    await failAll()
    const result = page.locator('[data-cafes-quiz-result="quiz-all"]')
    expect(await result.textContent()).toBe('Votre score : 0 % — non réussi (seuil de réussite : 80 %). Tentative 1 sur 2')
    // Right answers stay hidden while a retry is possible.
    expect(await page.locator('main').innerText()).not.toMatch(/bonne réponse|Réponse attendue|Associations attendues|Ordre attendu/)
    expect(await page.locator('[data-cafes-quiz-result="quiz-all"]').evaluate((element) => element.closest('[aria-live]')?.getAttribute('aria-live'))).toBe('polite')
    await page.getByRole('button', { name: 'Recommencer le quiz' }).click()
    expect(await page.locator('[data-cafes-result]').count()).toBe(0)
    expect(await page.locator('[data-cafes-quiz-result]').count()).toBe(0)
    expect(await page.evaluate(() => document.activeElement?.closest('[data-cafes-question]')?.getAttribute('data-cafes-question'))).toBe('q-single')
    await failAll()
    expect(await result.textContent()).toBe('Votre score : 0 % — non réussi (seuil de réussite : 80 %). Tentative 2 sur 2. '
      + 'Les réponses attendues sont affichées sous chaque question')
    expect(await page.locator('[data-cafes="retry"]').count()).toBe(0)
    // Out of attempts: every question shows its right answer, the earlier ones outside their live region.
    expect(await q(page, 'q-single').locator('label', { hasText: 'Paris' }).textContent()).toContain('(bonne réponse)')
    expect(await q(page, 'q-single').locator('.cafes-note').count()).toBe(2)
    expect(await q(page, 'q-fill').locator('.cafes-revealed').innerText()).toBe('Réponse attendue : transparente')
    expect(await q(page, 'q-match').locator('.cafes-revealed').innerText()).toContain('Associations attendues')
    expect(await feedbackOf(page, 'q-seq').innerText()).toContain('Ordre attendu')
    expect(await q(page, 'q-seq').locator('.cafes-revealed').innerText()).toBe('')
    await page.close()
  }, 60_000)

  it('resumes every answer after a reload, the reflection read-only', async () => {
    const { page } = await open(allTypesCourse())
    await q(page, 'q-tf').getByLabel('Vrai').check()
    await submit(page, 'q-tf')
    for (const [source, target] of [['1', 'a'], ['2', 'b'], ['3', 'c']] as const) await q(page, 'q-match').locator(`select[data-cafes-source="${source}"]`).selectOption(target)
    await submit(page, 'q-match')
    const steps = await q(page, 'q-seq').locator('li').evaluateAll((items) => items.map((item) => item.getAttribute('data-cafes-step')).join(''))
    await submit(page, 'q-seq')
    await page.locator('[data-cafes="next"]').click()
    await q(page, 'q-reflect').locator('textarea').fill('Mon engagement.')
    await submit(page, 'q-reflect')
    await page.reload()
    await page.waitForSelector('main[data-cafes-page="avis"]')
    expect(await q(page, 'q-reflect').getAttribute('data-cafes-result')).toBe('neutral')
    expect(await q(page, 'q-reflect').locator('textarea').inputValue()).toBe('Mon engagement.')
    expect(await q(page, 'q-reflect').locator('textarea').getAttribute('readonly')).toBe('')
    expect(await q(page, 'q-reflect').locator('.cafes-counter').textContent()).toBe('15 / 200 caractères')
    await page.locator('[data-cafes="previous"]').click()
    await page.waitForSelector('main[data-cafes-page="quiz"]')
    expect(await q(page, 'q-tf').getAttribute('data-cafes-result')).toBe('correct')
    expect(await q(page, 'q-tf').locator('input[value="true"]').isChecked()).toBe(true)
    expect(await q(page, 'q-match').getAttribute('data-cafes-result')).toBe('correct')
    expect(await q(page, 'q-match').locator('select[data-cafes-source="2"]').inputValue()).toBe('b')
    expect(await q(page, 'q-seq').locator('li').evaluateAll((items) => items.map((item) => item.getAttribute('data-cafes-step')).join(''))).toBe(steps)
    await page.close()
  }, 30_000)

  it('hides right answers when the quiz says so, and refuses text that is not a number', async () => {
    const { page } = await open(allTypesCourse({ showCorrect: false }))
    await q(page, 'q-single').getByLabel('Lyon').check()
    expect(await submit(page, 'q-single')).toBe('incorrect')
    expect(await q(page, 'q-single').innerText()).not.toContain('bonne réponse')
    expect(await q(page, 'q-single').locator('label', { hasText: 'Lyon' }).textContent()).toContain('(votre choix)')
    await q(page, 'q-fill').locator('input').fill('opaque')
    await submit(page, 'q-fill')
    expect(await feedbackOf(page, 'q-fill').innerText()).not.toContain('Réponse attendue')
    await q(page, 'q-num').locator('input').fill('sept')
    await q(page, 'q-num').locator('[data-cafes="submit"]').click()
    expect(await feedbackOf(page, 'q-num').textContent()).toContain('Saisissez un nombre')
    expect(await q(page, 'q-num').getAttribute('data-cafes-result')).toBeNull()
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('cafes-q-num-text')
    await q(page, 'q-num').locator('input').fill('7,0')
    expect(await submit(page, 'q-num')).toBe('correct')
    await page.close()
  }, 30_000)

  it('fits a 320 px wide, 500 px high frame: no sideways scroll, the scale stacked; a row of scale points on a desktop', async () => {
    const phone = await open(allTypesCourse(), { width: 320, height: 500 })
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
    await phone.page.locator('[data-cafes="next"]').click()
    await phone.page.waitForSelector('main[data-cafes-page="avis"]')
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
    const tops = (page: Page) => q(page, 'q-likert').locator('input').evaluateAll((inputs) => new Set(inputs.map((input) => Math.round(input.getBoundingClientRect().top))).size)
    expect(await tops(phone.page)).toBe(5)
    await phone.page.close()
    const desktop = await open(allTypesCourse())
    await desktop.page.locator('[data-cafes="next"]').click()
    await desktop.page.waitForSelector('main[data-cafes-page="avis"]')
    expect(await tops(desktop.page)).toBe(1)
    await desktop.page.close()
  }, 30_000)

  it('respects reduced motion, and speaks English for an English course', async () => {
    const { page } = await open(allTypesCourse({ language: 'en' }))
    await page.emulateMedia({ reducedMotion: 'reduce' })
    expect(await page.locator('[data-cafes="submit"]').first().evaluate((button) => getComputedStyle(button).transitionDuration)).toBe('0s')
    expect(await q(page, 'q-tf').getByLabel('True').count()).toBe(1)
    expect(await q(page, 'q-seq').getByRole('button', { name: 'Move up : Verser' }).count()).toBe(1)
    expect(await q(page, 'q-match').locator('option').first().textContent()).toBe('Choose…')
    await q(page, 'q-fill').locator('input').fill('opaque')
    await submit(page, 'q-fill')
    expect(await feedbackOf(page, 'q-fill').innerText()).toContain('Expected answer: transparente')
    await page.close()
  }, 30_000)
})

/** A silent mono WAV of `seconds`, as a data URL: a media file the page can load with no request. */
function silentWav(seconds: number): string {
  const rate = 8000
  const samples = rate * seconds
  const bytes = Buffer.alloc(44 + samples, 128)
  bytes.write('RIFF', 0)
  bytes.writeUInt32LE(36 + samples, 4)
  bytes.write('WAVEfmt ', 8)
  bytes.writeUInt32LE(16, 16)
  bytes.writeUInt16LE(1, 20)
  bytes.writeUInt16LE(1, 22)
  bytes.writeUInt32LE(rate, 24)
  bytes.writeUInt32LE(rate, 28)
  bytes.writeUInt16LE(1, 32)
  bytes.writeUInt16LE(8, 34)
  bytes.write('data', 36)
  bytes.writeUInt32LE(samples, 40)
  return `data:audio/wav;base64,${bytes.toString('base64')}`
}

/** A scenario, a timed mini-défi, an audio episode, tabs, an accordion, cards and a facilitator note (web target). */
function blocksCourse(language = 'fr'): Course {
  const choice = (id: string, text: string, target: string, points: number, feedback?: string) =>
    ({ id, text, html: `<p>${text}</p>`, target, points, feedbackHtml: feedback && `<p>${feedback}</p>` })
  return {
    format: 1, id: 'blocks', iri: 'https://example.org/xapi/blocks', title: 'Blocs', language, version: '1.0.0', completion: 'pages',
    pages: [
      { id: 'scenario', title: 'Scénario', blocks: [{
        kind: 'scenario', id: 'sc-mail', title: 'Le courriel', prompt: 'Le courriel', weight: 1, allowBack: true, start: 'debut', maxPoints: 2,
        nodes: [
          { id: 'debut', html: '<p>Un collègue vous transmet un courriel rédigé par une IA.</p>', choices: [
            choice('a', 'Vous l’envoyez tel quel', 'fin-ko', 0, 'Risqué : rien n’a été vérifié.'),
            choice('b', 'Vous le relisez', 'relire', 1, 'Bon réflexe.'),
          ] },
          { id: 'relire', title: 'La relecture', html: '<p>Vous trouvez une erreur de chiffre.</p>', choices: [
            choice('a', 'Vous corrigez et signalez', 'fin-ok', 1, 'Parfait.'),
          ] },
          { id: 'fin-ok', html: '<p>Le client est bien informé.</p>', ending: { outcome: 'success' }, choices: [] },
          { id: 'fin-ko', html: '<p>Le client reçoit un chiffre faux.</p>', ending: { outcome: 'failure' }, choices: [] },
        ],
      }] },
      { id: 'defi', title: 'Défi', blocks: [{
        kind: 'challenge', id: 'defi-prompt', title: 'Améliorez un prompt', instructionsHtml: '<p>Cochez ce que vous avez fait.</p>', timeLimit: 120,
        checklist: [{ id: 'a', text: 'Contexte', html: 'Ajouter le contexte' }, { id: 'b', text: 'Format', html: 'Préciser le format' }],
      }, { kind: 'facilitator', html: '<p>NOTE-ANIMATEUR</p>', timing: { inPerson: 5 } }] },
      { id: 'podcast', title: 'Podcast', blocks: [{
        kind: 'media', id: 'ep1', media: 'audio', title: 'Épisode 1', src: silentWav(3), mimeType: 'audio/wav', required: true,
        cues: [{ start: 0, end: 1, text: 'Bonjour et bienvenue.' }, { start: 1, end: 2, text: 'Parlons d’IA.' }, { start: 2, end: 3, text: 'Au revoir.' }],
        chapters: [{ start: 0, title: 'Accueil' }, { start: 2, title: 'Conclusion' }],
      }] },
      { id: 'plus', title: 'Pour aller plus loin', blocks: [
        { kind: 'tabs', id: 'onglets', panels: [{ title: 'Un', html: '<p>Panneau un</p>' }, { title: 'Deux', html: '<p>Panneau deux</p>' }, { title: 'Trois', html: '<p>Panneau trois</p>' }] },
        { kind: 'accordion', id: 'faq', items: [{ title: 'Question', html: '<p>Réponse cachée</p>' }] },
        { kind: 'cards', cards: [{ title: 'Carte A', html: '<p>A</p>' }, { title: 'Carte B', html: '<p>B</p>' }] },
      ] },
    ],
    quizzes: [],
  }
}

describe('scenario, mini-défi, media, tabs in Chromium (web target)', () => {
  async function open(viewport = { width: 1024, height: 700 }, clock = false): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport })
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    if (clock) await page.clock.install()
    await serve(page, launchPage('web', blocksCourse()))
    await page.waitForSelector('main[data-cafes-page]')
    return { page, errors }
  }
  const focused = (page: Page) => page.evaluate(() => document.activeElement?.className ?? '')
  const goTo = async (page: Page, id: string, steps: number): Promise<void> => {
    for (let step = 0; step < steps; step++) await page.locator('[data-cafes="next"]').click()
    await page.waitForSelector(`main[data-cafes-page="${id}"]`)
  }

  it('scenario: choices, feedback, focus on the new node, back, an ending in words, resume', async () => {
    const { page, errors } = await open()
    const scenario = page.locator('section[data-cafes-scenario="sc-mail"]')
    expect(await scenario.locator('h2').textContent()).toBe('Le courriel')
    expect(await scenario.locator('[data-cafes="back"]').count()).toBe(0)
    await scenario.locator('button[data-cafes-choice="b"]').click()
    expect(await scenario.locator('.cafes-scenario-node').innerText()).toContain('Vous trouvez une erreur')
    expect(await focused(page)).toBe('cafes-scenario-node')
    expect(await scenario.locator('[aria-live="polite"]').innerText()).toContain('Votre choix : Vous le relisez')
    expect(await scenario.locator('[aria-live="polite"]').innerText()).toContain('Bon réflexe.')
    await scenario.locator('[data-cafes="back"]').click()
    expect(await scenario.locator('.cafes-scenario-node').getAttribute('data-cafes-node')).toBe('debut')
    expect(await scenario.locator('[aria-live="polite"]').innerText()).toBe('')
    await scenario.locator('button[data-cafes-choice="b"]').click()
    await scenario.locator('button[data-cafes-choice="a"]').click()
    expect(await scenario.locator('[data-cafes-ending]').innerText()).toBe('✓ Fin : issue favorable')
    expect(await scenario.locator('[data-cafes="back"]').count()).toBe(0)
    expect(await scenario.locator('[data-cafes-choice]').count()).toBe(0)
    await page.reload()
    await page.waitForSelector('main[data-cafes-page="scenario"]')
    expect(await scenario.locator('.cafes-scenario-node').getAttribute('data-cafes-node')).toBe('fin-ok')
    expect(await scenario.locator('[data-cafes-ending]').getAttribute('data-cafes-ending')).toBe('success')
    expect(errors).toEqual([])
    await page.close()
  }, 30_000)

  it('mini-défi: the timer starts, pauses, extends, announces, runs out with nothing lost, resumes; J\'ai terminé', async () => {
    const { page, errors } = await open(undefined, true)
    await goTo(page, 'defi', 1)
    const defi = page.locator('section[data-cafes-challenge="defi-prompt"]')
    expect(await page.locator('main').innerText()).not.toContain('NOTE-ANIMATEUR')
    const timer = defi.locator('[role="timer"]')
    const live = defi.locator('.cafes-timer-live')
    expect(await timer.textContent()).toBe('2:00')
    expect(await timer.getAttribute('aria-live')).toBeNull()
    await defi.locator('input[data-cafes-item="a"]').check()
    await defi.locator('[data-cafes="timer"]').click()
    expect(await defi.locator('[data-cafes="timer"]').textContent()).toBe('Pause')
    expect(await live.textContent()).toBe('Minuteur démarré (2:00)')
    await page.clock.runFor(60_000)
    expect(await timer.textContent()).toBe('1:00')
    expect(await live.textContent()).toBe('Temps restant : 1:00')
    await page.clock.runFor(30_000)
    expect(await live.textContent()).toBe('Temps restant : 0:30')
    await defi.locator('[data-cafes="timer"]').click()
    expect(await live.textContent()).toBe('Minuteur en pause (0:30)')
    await page.clock.runFor(20_000)
    expect(await timer.textContent()).toBe('0:30')
    await defi.locator('[data-cafes="extend"]').click()
    expect(await timer.textContent()).toBe('1:30')
    expect(await live.textContent()).toBe('Une minute de plus (1:30)')
    await defi.locator('[data-cafes="timer"]').click()
    await page.clock.runFor(95_000)
    expect(await timer.textContent()).toBe('0:00')
    expect(await live.textContent()).toBe('Temps écoulé : vos réponses sont conservées')
    expect(await defi.getAttribute('data-cafes-time-up')).toBe('')
    expect(await defi.locator('[data-cafes="timer"]').isDisabled()).toBe(true)
    expect(await defi.locator('input[data-cafes-item="a"]').isChecked()).toBe(true)
    await defi.locator('input[data-cafes-item="b"]').check()
    await page.reload()
    await page.waitForSelector('main[data-cafes-page="defi"]')
    expect(await defi.locator('input[data-cafes-item="a"]').isChecked()).toBe(true)
    expect(await defi.locator('input[data-cafes-item="b"]').isChecked()).toBe(true)
    await defi.locator('[data-cafes="done"]').click()
    expect(await defi.locator('.cafes-done').textContent()).toBe('✓ Défi terminé')
    expect(await defi.locator('input[data-cafes-item="a"]').isDisabled()).toBe(true)
    expect(errors).toEqual([])
    await page.close()
  }, 30_000)

  it('mini-défi: leaving the page pauses the timer and keeps the time left', async () => {
    const { page } = await open(undefined, true)
    await goTo(page, 'defi', 1)
    const defi = page.locator('section[data-cafes-challenge="defi-prompt"]')
    await defi.locator('[data-cafes="timer"]').click()
    await page.clock.runFor(15_000)
    await page.locator('[data-cafes="next"]').click()
    await page.clock.runFor(30_000)
    await page.locator('[data-cafes="previous"]').click()
    expect(await defi.locator('[role="timer"]').textContent()).toBe('1:45')
    expect(await defi.locator('[data-cafes="timer"]').textContent()).toBe('Démarrer')
    await page.reload()
    await page.waitForSelector('main[data-cafes-page="defi"]')
    expect(await defi.locator('[role="timer"]').textContent()).toBe('1:45')
    await page.close()
  }, 30_000)

  it('media: no autoplay, chapters and cues seek, the current cue is marked, rate, transcript read, resume', async () => {
    const { page, errors } = await open()
    await goTo(page, 'podcast', 2)
    const media = page.locator('section[data-cafes-media="ep1"]')
    const audio = media.locator('audio')
    expect(await audio.getAttribute('controls')).toBe('')
    expect(await audio.evaluate((element: HTMLAudioElement) => element.paused && !element.autoplay)).toBe(true)
    const transcript = media.locator('.cafes-transcript')
    expect(await transcript.isVisible()).toBe(false)
    await media.locator('[data-cafes="transcript"]').click()
    expect(await media.locator('[data-cafes="transcript"]').getAttribute('aria-expanded')).toBe('true')
    expect(await transcript.isVisible()).toBe(true)
    await audio.evaluate((element: HTMLAudioElement) => new Promise((resolve) => (element.readyState > 0 ? resolve(null) : element.addEventListener('loadedmetadata', resolve, { once: true }))))
    await media.locator('[data-cafes-cue="1"]').click()
    await page.waitForFunction(() => document.querySelector('[data-cafes-cue="1"]')?.getAttribute('aria-current') === 'true')
    expect(await media.locator('[aria-current="true"]').count()).toBe(1)
    await audio.evaluate((element: HTMLAudioElement) => (element.currentTime = 2.5))
    await page.waitForFunction(() => document.querySelector('[data-cafes-cue="2"]')?.getAttribute('aria-current') === 'true')
    expect(await media.locator('[data-cafes-cue="1"]').getAttribute('aria-current')).toBeNull()
    await media.locator('[data-cafes-chapter="0"]').click()
    expect(await audio.evaluate((element: HTMLAudioElement) => element.currentTime)).toBe(0)
    await media.locator('[data-cafes="rate"]').selectOption('1.5')
    expect(await audio.evaluate((element: HTMLAudioElement) => element.playbackRate)).toBe(1.5)
    expect(await media.locator('.cafes-done').textContent()).toBe('')
    await media.locator('[data-cafes="transcript-read"]').click()
    expect(await media.locator('.cafes-done').textContent()).toBe('✓ Écoute ou lecture enregistrée')
    await page.reload()
    await page.waitForSelector('main[data-cafes-page="podcast"]')
    expect(await media.locator('.cafes-done').textContent()).toBe('✓ Écoute ou lecture enregistrée')
    expect(errors).toEqual([])
    await page.close()
  }, 30_000)

  it('media: playing to the end counts', async () => {
    const { page } = await open()
    await goTo(page, 'podcast', 2)
    const audio = page.locator('section[data-cafes-media="ep1"] audio')
    await audio.evaluate((element: HTMLAudioElement) => { element.muted = true; element.currentTime = 2.8; return element.play() })
    await page.waitForFunction(() => document.querySelector('.cafes-done')?.textContent !== '')
    expect(await page.locator('section[data-cafes-media="ep1"] .cafes-done').textContent()).toBe('✓ Écoute ou lecture enregistrée')
    await page.close()
  }, 30_000)

  it('tabs by keyboard (arrows, Home, End, roving tabindex), a native accordion, cards; English strings', async () => {
    const { page, errors } = await open()
    await goTo(page, 'plus', 3)
    const tabs = page.locator('[role="tab"]')
    expect(await tabs.evaluateAll((all) => all.map((tab) => `${tab.getAttribute('aria-selected')}/${(tab as HTMLElement).tabIndex}`))).toEqual(['true/0', 'false/-1', 'false/-1'])
    await tabs.first().focus()
    await page.keyboard.press('ArrowRight')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Deux')
    expect(await page.locator('[role="tabpanel"]:visible').innerText()).toBe('Panneau deux')
    await page.keyboard.press('End')
    expect(await page.locator('[role="tabpanel"]:visible').innerText()).toBe('Panneau trois')
    await page.keyboard.press('ArrowRight')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Un')
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('Home')
    expect(await page.locator('[role="tabpanel"]:visible').innerText()).toBe('Panneau un')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tabpanel')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY')
    expect(await page.getByText('Réponse cachée').isVisible()).toBe(false)
    await page.keyboard.press('Enter')
    expect(await page.getByText('Réponse cachée').isVisible()).toBe(true)
    expect(await page.locator('article.cafes-card h2').allTextContents()).toEqual(['Carte A', 'Carte B'])
    expect(errors).toEqual([])
    await page.close()
    const english = await browser.newPage()
    await serve(english, launchPage('web', blocksCourse('en')))
    await english.waitForSelector('main[data-cafes-page]')
    await english.locator('[data-cafes-choice="b"]').click()
    expect(await english.locator('[data-cafes="back"]').textContent()).toBe('↶ Go back')
    await english.close()
  }, 30_000)
})
