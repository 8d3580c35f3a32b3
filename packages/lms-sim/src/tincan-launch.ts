import { randomBytes } from 'node:crypto'
import type { ImportedPackage } from './import-package.js'
import { basicAuth, type Lrs } from './lrs.js'
import type { XapiAgent } from './lrs-validate.js'
import type { LaunchOptions } from './types.js'

/** What the LMS knows of its learner, to build an actor. */
export interface Learner {
  /** The account name (the learner id). */
  id: string
  name: string
  /** The LMS origin: the account's `homePage`. */
  homePage: string
}

/** The learner as an xAPI Agent identified by an account on the LMS (what cmi5 requires, and the sim's Tin Can actor). */
export function learnerAgent(learner: Learner): XapiAgent {
  return { objectType: 'Agent', name: learner.name, account: { homePage: learner.homePage, name: learner.id } }
}

/** The content URL of a package file, with the package's own query kept and launch parameters appended. */
export function contentUrl(lmsOrigin: string, imported: ImportedPackage, href: string, params: URLSearchParams): string {
  const url = new URL(href, `${lmsOrigin}/content/${imported.id}/`)
  for (const [key, value] of params) url.searchParams.append(key, value)
  return url.toString()
}

/**
 * A Tin Can launch (STANDARDS §3.8, Rustici `lms_lrs.md`): the content URL with `endpoint`,
 * `auth` (a Basic credential made for this launch), `actor`, `registration` and `activity_id`.
 */
export function tincanLaunchUrl(lrs: Lrs, imported: ImportedPackage, learner: Learner, registration: string, options: LaunchOptions): string {
  const key = `tincan-${randomBytes(4).toString('hex')}`
  const auth = basicAuth(key, randomBytes(12).toString('hex'))
  lrs.addClient({ authorization: auth, name: key })
  const actor =
    options.actorForm === 'legacy'
      ? { name: [learner.name], account: [{ accountServiceHomePage: learner.homePage, accountName: learner.id }] }
      : learnerAgent(learner)
  const params = new URLSearchParams({
    endpoint: lrs.endpoint,
    auth,
    actor: JSON.stringify(actor),
    registration,
    activity_id: imported.activityId!,
  })
  options.editLaunch?.(params)
  return contentUrl(learner.homePage, imported, imported.launchHref, params)
}
