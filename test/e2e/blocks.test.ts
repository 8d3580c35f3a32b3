import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import type { ChallengeBlock, Course, MediaBlock } from '@cafes/core'
import { startLmsSim, type LmsSim } from '@cafes/lms-sim'
import { launchChromium } from '../support/browser.js'
import { ROOT, buildModulesWithReport } from '../support/build-modules.js'
import { bestPath, blocksOf, challengeSelector, courseOf, detourChoice, kitchenSinkWithBlocks, mediaSelector, scenarioSelector } from './learner.js'

/**
 * The blocks of issue 4 in the kitchen-sink's web edition, in Chromium: a scenario played with a
 * step back to an ending, a timed mini-défi started, paused, extended and run out (Playwright's
 * fake clock) with nothing lost, an audio transcript following the playhead, tabs with the
 * keyboard; and each resumed after a reload.
 */
let browser: Browser
let sim: LmsSim
let zip = ''

beforeAll(async () => {
  const { report } = await buildModulesWithReport([kitchenSinkWithBlocks(ROOT)], ['web'])
  zip = report.packages.find((pkg) => pkg.zip)!.zip!
  sim = await startLmsSim()
  browser = await launchChromium()
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await sim?.close()
})

async function open(clock = false): Promise<{ page: Page; course: Course; errors: string[]; url: string }> {
  const page = await browser.newPage({ viewport: { width: 1024, height: 700 }, bypassCSP: true })
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  if (clock) await page.clock.install()
  const url = await sim.servePackage(zip)
  await page.goto(url)
  await page.waitForSelector('main[data-cafes-page]')
  return { page, course: await courseOf(page), errors, url }
}

/**
 * The file as a blob, so that it can be sought: the simulated LMS serves no byte ranges, and
 * Chromium cannot seek in a response without them (LMSs and web servers do serve ranges).
 */
async function seekable(player: Locator): Promise<void> {
  await player.evaluate(async (element: HTMLMediaElement) => {
    const blob = await (await fetch(element.currentSrc || element.src)).blob()
    element.src = URL.createObjectURL(blob)
    await new Promise((done) => element.addEventListener('canplaythrough', done, { once: true }))
  })
}

async function showPage(page: Page, course: Course, index: number): Promise<void> {
  await page.locator('[data-cafes="menu"]').click()
  await page.locator('#cafes-menu button').nth(index).click()
  await page.waitForSelector(`main[data-cafes-page="${course.pages[index]!.id}"]`)
}

async function reload(page: Page, course: Course, index: number): Promise<void> {
  await page.reload()
  await page.waitForSelector(`main[data-cafes-page="${course.pages[index]!.id}"]`)
}

describe('issue-4 blocks in the kitchen-sink (web edition)', () => {
  it('has each block; facilitator notes are not in the learner package', async () => {
    const { page, course } = await open()
    for (const kind of ['scenario', 'challenge', 'media', 'tabs', 'accordion', 'cards'] as const) expect(blocksOf(course, kind).length, kind).toBeGreaterThan(0)
    expect(blocksOf(course, 'facilitator')).toEqual([])
    expect(await page.evaluate(() => document.documentElement.outerHTML.includes('NOTE-ANIMATEUR'))).toBe(false)
    await page.close()
  }, 60_000)

  it('scenario: a choice with its feedback, back, the best path to an ending in words; resumed on the ending', async () => {
    const { page, course, errors } = await open()
    const { page: index, block } = blocksOf(course, 'scenario')[0]!
    await showPage(page, course, index)
    const section = page.locator(scenarioSelector(block))
    const node = section.locator('.cafes-scenario-node')
    expect(await node.getAttribute('data-cafes-node')).toBe(block.start)
    const detour = detourChoice(block)
    if (block.allowBack && detour) {
      await section.locator(`[data-cafes-choice="${detour}"]`).click()
      const choice = block.nodes.find((candidate) => candidate.id === block.start)!.choices.find((candidate) => candidate.id === detour)!
      expect(await node.getAttribute('data-cafes-node')).toBe(choice.target)
      expect(await page.evaluate(() => document.activeElement?.className)).toBe('cafes-scenario-node')
      expect(await section.locator('.cafes-scenario-feedback').innerText()).toContain(`Votre choix : ${choice.text}`)
      await section.locator('[data-cafes="back"]').click()
      expect(await node.getAttribute('data-cafes-node')).toBe(block.start)
    }
    for (const choice of bestPath(block)) await section.locator(`[data-cafes-choice="${choice}"]`).click()
    const ending = section.locator('[data-cafes-ending]')
    expect(await ending.innerText()).toMatch(/^✓ Fin : issue favorable$/)
    expect(await section.locator('[data-cafes="back"], [data-cafes-choice]').count()).toBe(0)
    const endNode = await node.getAttribute('data-cafes-node')
    await reload(page, course, index)
    expect(await node.getAttribute('data-cafes-node')).toBe(endNode)
    expect(await ending.getAttribute('data-cafes-ending')).toBe('success')
    expect(errors).toEqual([])
    await page.close()
  }, 60_000)

  it('mini-défi: start, pause, +1 min, announcements, time up with nothing lost; resume keeps ticks and time', async () => {
    const { page, course, errors } = await open(true)
    const found = blocksOf(course, 'challenge').find(({ block }) => block.timeLimit !== undefined && block.checklist.length > 0)!
    const block: ChallengeBlock = found.block
    const limit = block.timeLimit!
    await showPage(page, course, found.page)
    const section = page.locator(challengeSelector(block))
    const time = section.locator('[role="timer"]')
    const live = section.locator('.cafes-timer-live')
    const toggle = section.locator('[data-cafes="timer"]')
    const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
    expect(await time.textContent()).toBe(clock(limit))
    const first = section.locator(`input[data-cafes-item="${block.checklist[0]!.id}"]`)
    await first.check()
    await toggle.click()
    expect(await toggle.textContent()).toBe('Pause')
    expect(await live.textContent()).toBe(`Minuteur démarré (${clock(limit)})`)
    await page.clock.runFor(10_000)
    expect(await time.textContent()).toBe(clock(limit - 10))
    await toggle.click()
    expect(await live.textContent()).toBe(`Minuteur en pause (${clock(limit - 10)})`)
    await page.clock.runFor(30_000)
    expect(await time.textContent()).toBe(clock(limit - 10))
    await section.locator('[data-cafes="extend"]').click()
    expect(await time.textContent()).toBe(clock(limit + 50))
    await toggle.click()
    await page.clock.runFor(50_000)
    expect(await live.textContent()).toBe(`Temps restant : ${clock(limit)}`)
    await page.clock.runFor((limit + 5) * 1000)
    expect(await time.textContent()).toBe('0:00')
    expect(await live.textContent()).toBe('Temps écoulé : vos réponses sont conservées')
    expect(await toggle.isDisabled()).toBe(true)
    expect(await first.isChecked()).toBe(true)
    await reload(page, course, found.page)
    expect(await first.isChecked()).toBe(true)
    expect(await time.textContent()).toBe('0:00')
    await section.locator('[data-cafes="done"]').click()
    expect(await section.locator('.cafes-done').textContent()).toBe('✓ Défi terminé')
    await reload(page, course, found.page)
    expect(await section.locator('.cafes-done').textContent()).toBe('✓ Défi terminé')
    expect(errors).toEqual([])
    await page.close()
  }, 60_000)

  it('mini-défi: the time left is restored after a reload mid-way', async () => {
    const { page, course } = await open(true)
    const found = blocksOf(course, 'challenge').find(({ block }) => block.timeLimit !== undefined)!
    await showPage(page, course, found.page)
    const section = page.locator(challengeSelector(found.block))
    await section.locator('[data-cafes="timer"]').click()
    await page.clock.runFor(20_000)
    await section.locator('[data-cafes="timer"]').click()
    const left = await section.locator('[role="timer"]').textContent()
    await reload(page, course, found.page)
    expect(await section.locator('[role="timer"]').textContent()).toBe(left)
    expect(await section.locator('[data-cafes="timer"]').textContent()).toBe('Démarrer')
    await page.close()
  }, 60_000)

  it('media: served from the package, transcript beside the player follows the playhead, rate, transcript read; resumed', async () => {
    const { page, course, errors, url } = await open()
    const found = blocksOf(course, 'media').find(({ block }) => block.cues.length > 1)!
    const block: MediaBlock = found.block
    const requests: string[] = []
    page.on('request', (request) => requests.push(request.url()))
    await showPage(page, course, found.page)
    const section = page.locator(mediaSelector(block))
    const player = section.locator(block.media)
    expect(await player.evaluate((element: HTMLMediaElement) => element.paused && !element.autoplay)).toBe(true)
    await player.evaluate((element: HTMLMediaElement) => new Promise((done) => (element.readyState > 0 ? done(null) : element.addEventListener('loadedmetadata', done, { once: true }))))
    const origin = new URL(url).origin
    expect(requests.filter((request) => !request.startsWith(origin) && !request.startsWith('data:'))).toEqual([])
    await seekable(player)
    if (block.captions) expect(await section.locator('track[kind="captions"]').getAttribute('src')).toBe(block.captions)
    await section.locator('[data-cafes="transcript"]').click()
    expect(await section.locator('.cafes-transcript').isVisible()).toBe(true)
    const cue = block.cues[1]!
    await player.evaluate((element: HTMLMediaElement, at) => (element.currentTime = at), (cue.start + cue.end) / 2)
    await page.waitForSelector(`${mediaSelector(block)} [data-cafes-cue="${cue.start}"][aria-current="true"]`)
    expect(await section.locator('[aria-current="true"]').innerText()).toContain(cue.text.split(/\s+/).slice(0, 4).join(' '))
    await section.locator('[data-cafes="rate"]').selectOption('1.25')
    expect(await player.evaluate((element: HTMLMediaElement) => element.playbackRate)).toBe(1.25)
    await section.locator('[data-cafes-cue]').first().click()
    expect(await player.evaluate((element: HTMLMediaElement) => element.currentTime)).toBe(block.cues[0]!.start)
    await section.locator('[data-cafes="transcript-read"]').click()
    expect(await section.locator('.cafes-done').textContent()).toBe('✓ Écoute ou lecture enregistrée')
    await reload(page, course, found.page)
    expect(await section.locator('.cafes-done').textContent()).toBe('✓ Écoute ou lecture enregistrée')
    expect(errors).toEqual([])
    await page.close()
  }, 60_000)

  it('media: playing to the end counts', async () => {
    const { page, course } = await open()
    const found = blocksOf(course, 'media')[0]!
    await showPage(page, course, found.page)
    const section = page.locator(mediaSelector(found.block))
    const player = section.locator(found.block.media)
    await seekable(player)
    await player.evaluate((element: HTMLMediaElement) => {
      element.muted = true
      element.currentTime = Math.max(0, element.duration - 0.3)
      return element.play()
    })
    await page.waitForFunction((selector) => document.querySelector(`${selector} .cafes-done`)?.textContent !== '', mediaSelector(found.block))
    await page.close()
  }, 60_000)

  it('tabs with the keyboard: arrows, Home, End, one tab stop', async () => {
    const { page, course, errors } = await open()
    const found = blocksOf(course, 'tabs')[0]!
    await showPage(page, course, found.page)
    const tabs = page.locator(`section[data-cafes-tabs="${found.block.id}"] [role="tab"]`)
    const last = found.block.panels.length - 1
    await tabs.first().focus()
    await page.keyboard.press('ArrowRight')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-selected'))).toBe('true')
    expect(await tabs.nth(1).getAttribute('tabindex')).toBe('0')
    expect(await tabs.first().getAttribute('tabindex')).toBe('-1')
    await page.keyboard.press('End')
    expect(await tabs.nth(last).getAttribute('aria-selected')).toBe('true')
    await page.keyboard.press('Home')
    expect(await tabs.first().getAttribute('aria-selected')).toBe('true')
    const panel = page.locator(`section[data-cafes-tabs="${found.block.id}"] [role="tabpanel"]:visible`)
    expect(await panel.count()).toBe(1)
    expect(await panel.getAttribute('aria-labelledby')).toBe(await tabs.first().getAttribute('id'))
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tabpanel')
    expect(errors).toEqual([])
    await page.close()
  }, 60_000)
})
