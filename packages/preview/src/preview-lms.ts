import { join } from 'node:path'
import type { PackageTarget } from '@cafes/packager'
import type { ImportedPackage, LaunchOptions, LmsSim, XapiStatement } from '@cafes/lms-sim'
import { EMPTY_RECORD, scormRecord, xapiRecord, type LmsRecord, type XapiSavedState } from './lms-record.js'

/** The longest wait for the previous session to end before a relaunch (it ends from `pagehide`). */
const SETTLE_MS = 2000
const SETTLE_POLL_MS = 20
/** Calls and statements sent from `pagehide` arrive as separate requests: let the last ones land. */
const SETTLE_GRACE_MS = 40

/** The player's state document id in the LRS (`player/src/tracker/xapi.ts` `STATE_ID`). */
const PLAYER_STATE_ID = 'cafes-state'

const LEARNER_PREFIX = 'learner-'

/** One installed package per target: SCORM, xAPI and cmi5 imported by the LMS; web served as files. */
type Slot = { kind: 'lms'; imported: ImportedPackage } | { kind: 'web'; url: string }

/**
 * The preview's side of the simulated LMS: one package per target, replaced in place at each
 * rebuild (as an LMS administrator replaces a package, so the learner's attempt carries over
 * and resumes), the current learner (a new one for "reset attempt"), launches, and what the
 * LMS or LRS recorded for that learner.
 */
export class PreviewLms {
  private readonly slots = new Map<PackageTarget, Slot>()
  private learnerNumber = 1
  /** Set by a reset on the web target: the next launch clears the browser's storage first. */
  private clearWebStorage = false
  private storageResetUrl: string | undefined

  constructor(
    private readonly sim: LmsSim,
    /** A zip holding only the page that clears the web player's storage (see `installStorageReset`). */
    private readonly storageResetZip: () => Promise<string>,
  ) {}

  get learner(): string {
    return `${LEARNER_PREFIX}${this.learnerNumber}`
  }

  /** Whether a package is installed for the target. */
  has(target: PackageTarget): boolean {
    return this.slots.has(target)
  }

  /**
   * Makes the zip the target's package. Rejects with the LMS's reason when it refuses the
   * package (the slot keeps the previous package then).
   */
  async install(target: PackageTarget, zipPath: string): Promise<void> {
    if (target === 'web') {
      this.slots.set(target, { kind: 'web', url: await this.sim.servePackage(zipPath) })
      return
    }
    const slot = this.slots.get(target)
    if (!slot || slot.kind !== 'lms') {
      this.slots.set(target, { kind: 'lms', imported: await this.sim.importPackage(zipPath) })
      return
    }
    // Read by the sim's own importer, then written over the package the LMS already holds:
    // lms-sim keeps the object `importPackage` returned and reads it at each launch, so the
    // package id, and with it the learner's attempt or registration, stays.
    const { importPackage } = await import('@cafes/lms-sim')
    const fresh = await importPackage(zipPath)
    const current = slot.imported as unknown as Record<string, unknown>
    for (const key of Object.keys(current)) if (key !== 'id') delete current[key]
    Object.assign(current, fresh, { id: slot.imported.id })
  }

  /** A new learner: the next launch starts a fresh attempt (SCORM) or registration (xAPI, cmi5), or, on the web target, clears the browser's storage. */
  resetLearner(): void {
    this.learnerNumber++
    this.clearWebStorage = true
  }

  /**
   * Waits (bounded) until the target's latest session has ended: the player finishes from
   * `pagehide`, and a launch before that LMS has the Finish would not resume.
   */
  async settle(target: PackageTarget): Promise<void> {
    const ended = this.sessionEnded(target)
    if (ended === undefined) return
    const deadline = Date.now() + SETTLE_MS
    while (!ended() && Date.now() < deadline) await sleep(SETTLE_POLL_MS)
    await sleep(SETTLE_GRACE_MS)
  }

  /** The URL the preview frame opens: a new session of the current learner on the target's package. */
  async launchUrl(target: PackageTarget, options: Pick<LaunchOptions, 'languagePreference'> = {}): Promise<string> {
    const slot = this.slots.get(target)
    if (!slot) throw new Error(`no ${target} package installed`)
    if (slot.kind === 'web') {
      if (!this.clearWebStorage) return slot.url
      this.clearWebStorage = false
      this.storageResetUrl ??= await this.sim.servePackage(await this.storageResetZip())
      return `${this.storageResetUrl}#${encodeURIComponent(slot.url)}`
    }
    return this.sim.launchUrl(slot.imported.id, { learner: this.learner, ...options })
  }

  /** What the LMS or LRS holds for the current learner on the target's package. */
  record(target: PackageTarget): LmsRecord {
    const slot = this.slots.get(target)
    if (!slot || slot.kind === 'web') return EMPTY_RECORD
    const id = slot.imported.id
    if (target === 'scorm12' || target === 'scorm2004') {
      return scormRecord(target, this.sim.attempt(id, this.learner), this.sim.lastSession(id, this.learner))
    }
    const registration = this.sim.registration(id, this.learner)
    if (registration === undefined) return EMPTY_RECORD
    const statements = this.sim.lrs.statements().filter((statement: XapiStatement) => statement.context?.registration === registration)
    const agent = { objectType: 'Agent', account: { homePage: this.sim.origin, name: this.learner } }
    const activityId = target === 'cmi5' ? this.sim.cmi5Session(id, this.learner)?.activityId : slot.imported.activityId
    const saved =
      activityId === undefined
        ? undefined
        : (this.sim.lrs.stateDocument({ activityId, agent, registration, stateId: PLAYER_STATE_ID }) as XapiSavedState | undefined)
    return xapiRecord(statements, typeof saved === 'object' && saved !== null ? saved : undefined)
  }

  /** A test that the latest session has ended, or undefined when there is none to wait for. */
  private sessionEnded(target: PackageTarget): (() => boolean) | undefined {
    const slot = this.slots.get(target)
    if (!slot || slot.kind === 'web') return undefined
    const id = slot.imported.id
    if (target === 'scorm12' || target === 'scorm2004') {
      const session = this.sim.lastSession(id, this.learner)
      if (!session) return undefined
      const finish = target === 'scorm12' ? 'LMSFinish' : 'Terminate'
      return () => session.calls.length === 0 || session.calls.some((call) => call.method === finish || call.result === 'throw')
    }
    if (target === 'cmi5') {
      const session = this.sim.cmi5Session(id, this.learner)
      if (!session || session.status !== 'open') return undefined
      return () => session.status !== 'open' || session.verbs.at(-1) === 'terminated' || !session.fetched
    }
    const registration = this.sim.registration(id, this.learner)
    if (registration === undefined) return undefined
    return () => {
      const verbs = this.sim.lrs
        .statements()
        .filter((statement) => statement.context?.registration === registration)
        .map((statement) => statement.verb.id.split('/').at(-1))
      return verbs.length === 0 || verbs.at(-1) === 'terminated'
    }
  }
}

/** The page `resetLearner` opens first on the web target: it empties the origin's storage, then opens the module. */
export const STORAGE_RESET_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Resetting the learner's progress</title></head>
<body><script>
try { localStorage.clear(); sessionStorage.clear() } catch (error) {}
location.replace(decodeURIComponent(location.hash.slice(1)))
</script></body></html>
`

export function storageResetZipPath(outDir: string): string {
  return join(outDir, 'storage-reset.zip')
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
