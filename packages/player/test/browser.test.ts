import { type Browser, type Frame, type Page, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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
    expect(calls.slice(0, 11)).toEqual([
      'Initialize ', 'GetValue cmi.location', 'GetValue cmi.suspend_data', 'GetValue cmi.mode', 'GetValue cmi.credit',
      'GetValue cmi.completion_status', 'GetValue cmi.learner_name', 'GetValue cmi.interactions._count',
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
