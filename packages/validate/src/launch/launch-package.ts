import type { Diagnostic } from '@cafes/core'
import type { ApiCall, LmsSim } from '@cafes/lms-sim'
import type { BrowserContext, Page } from 'playwright-core'
import { report, RULES } from '../rules.js'
import { chromiumPath, hasChromium, launchChromium } from './chromium.js'

export type LaunchFormat = 'scorm12' | 'scorm2004' | 'xapi' | 'cmi5' | 'web'

/** One step of a launch, in the order it must happen. */
export interface LaunchStep {
  name: string
  ok: boolean
}

/** What `--launch` saw: each step, and whether all passed with no error. */
export interface LaunchReport {
  ok: boolean
  steps: LaunchStep[]
}

/** How long the content gets for each step: generous, a first load of a big course included. */
const STEP_TIMEOUT_MS = 15_000
/** Calls and statements sent from `pagehide` travel in keepalive requests: let them land. */
const SETTLE_MS = 300

/** The SCORM API names of each edition. */
const API = {
  scorm12: { initialize: 'LMSInitialize', set: 'LMSSetValue', commit: 'LMSCommit', finish: 'LMSFinish', get: 'LMSGetValue' },
  scorm2004: { initialize: 'Initialize', set: 'SetValue', commit: 'Commit', finish: 'Terminate', get: 'GetValue' },
} as const

const VERB = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
} as const

/**
 * Plays the package once in headless Chromium against lms-sim, as a learner who opens it,
 * waits, then closes the tab. SCORM: Initialize, some SetValue, Commit and Terminate (Finish)
 * reach scorm-again with no error code. xAPI, cmi5: an `initialized` statement reaches the
 * LRS, then `terminated` once the page is closed. Web: the page loads with no uncaught error.
 */
export async function launchPackage(zipPath: string, format: LaunchFormat, file: string): Promise<{ report: LaunchReport; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = []
  const steps: LaunchStep[] = []
  const done = (): { report: LaunchReport; diagnostics: Diagnostic[] } => ({
    report: { ok: steps.every((step) => step.ok) && !diagnostics.some((diagnostic) => diagnostic.severity === 'error'), steps },
    diagnostics,
  })
  if (!hasChromium()) {
    diagnostics.push(report(RULES.launchBrowserMissing, { path: chromiumPath() }, { file }))
    return done()
  }
  const { startLmsSim } = await import('@cafes/lms-sim')
  const sim = await startLmsSim()
  const browser = await launchChromium()
  try {
    const context = await browser.newContext()
    const page = await context.newPage()
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(error.message))
    const step = (name: string, ok: boolean, reason: string): void => {
      steps.push({ name, ok })
      if (!ok) diagnostics.push(report(RULES.launchFailed, { step: name, reason }, { file }))
    }
    if (format === 'web') {
      const url = await sim.servePackage(zipPath)
      const response = await page.goto(url, { waitUntil: 'load', timeout: STEP_TIMEOUT_MS }).catch(() => null)
      step('load', response !== null && response.ok(), 'index.html did not load')
      await leave(context, page)
    } else {
      let packageId: string
      try {
        packageId = (await sim.importPackage(zipPath)).id
      } catch (error) {
        diagnostics.push(report(RULES.launchImportRefused, { reason: (error as Error).message.replace(`${zipPath}: `, '') }, { file }))
        return done()
      }
      await page.goto(sim.launchUrl(packageId), { timeout: STEP_TIMEOUT_MS }).catch(() => undefined)
      if (format === 'scorm12' || format === 'scorm2004') await playScorm(sim, packageId, format, context, page, step, diagnostics, file)
      else await playXapi(sim, packageId, context, page, step)
    }
    for (const reason of pageErrors) diagnostics.push(report(RULES.launchPageError, { reason }, { file }))
    return done()
  } finally {
    await browser.close()
    await sim.close()
  }
}

type Step = (name: string, ok: boolean, reason: string) => void

async function playScorm(
  sim: LmsSim,
  packageId: string,
  edition: 'scorm12' | 'scorm2004',
  context: BrowserContext,
  page: Page,
  step: Step,
  diagnostics: Diagnostic[],
  file: string,
): Promise<void> {
  const api = API[edition]
  const calls = (): ApiCall[] => sim.lastSession(packageId)?.calls ?? []
  const succeeded = (method: string): boolean => calls().some((call) => call.method === method && call.result === 'true')
  const initialized = await until(() => succeeded(api.initialize))
  step('initialize', initialized, `\`${api.initialize}("")\` never returned "true"`)
  if (initialized) await until(() => succeeded(api.set) && succeeded(api.commit))
  await leave(context, page)
  if (initialized) await until(() => calls().some((call) => call.method === api.finish))
  await sleep(SETTLE_MS)
  if (!initialized) return
  step('set-value', succeeded(api.set), `no \`${api.set}\` was accepted`)
  step('commit', succeeded(api.commit), `no \`${api.commit}("")\` returned "true"`)
  step('terminate', succeeded(api.finish), `\`${api.finish}("")\` was not called, or did not return "true"`)
  const errorFunctions = /GetLastError|GetErrorString|GetDiagnostic/
  const refused = calls().filter(
    // Reading an element never set is no fault of the content (2004 answers 403).
    (call) => !errorFunctions.test(call.method) && call.errorCode !== '0' && !(call.method === api.get && call.errorCode === '403'),
  )
  for (const call of refused.slice(0, 10)) {
    diagnostics.push(report(RULES.launchApiError, { call: `${call.method}(${call.args.map((arg) => JSON.stringify(arg)).join(', ')})`, code: call.errorCode }, { file }))
  }
}

async function playXapi(sim: LmsSim, packageId: string, context: BrowserContext, page: Page, step: Step): Promise<void> {
  const registration = sim.registration(packageId)
  const sent = (verb: string): boolean =>
    sim.lrs.statements().some((statement) => statement.verb.id === verb && statement.context?.registration === registration)
  const initialized = await until(() => sent(VERB.initialized))
  step('initialized', initialized, 'no `initialized` statement reached the LRS')
  await leave(context, page)
  if (!initialized) return
  const terminated = await until(() => sent(VERB.terminated))
  step('terminated', terminated, 'no `terminated` statement reached the LRS after the page was closed')
}

/** Closes the tab as a learner would: the content gets `pagehide`. */
async function leave(context: BrowserContext, page: Page): Promise<void> {
  await page.goto('about:blank').catch(() => undefined)
  await context.close().catch(() => undefined)
}

async function until(predicate: () => boolean, timeoutMs = STEP_TIMEOUT_MS): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (!predicate()) {
    if (Date.now() > deadline) return false
    await sleep(50)
  }
  return true
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
