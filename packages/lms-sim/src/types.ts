export type ScormEdition = 'scorm12' | 'scorm2004'

/** One call the content made on the LMS API, as the LMS saw it. */
export interface ApiCall {
  /** Order within the session. */
  seq: number
  method: string
  args: string[]
  /** What the LMS returned (always a string, as the standards say); `throw` when the sim threw. */
  result: string
  /** `GetLastError` right after the call. */
  errorCode: string
}

/** A CMI tree as scorm-again renders it (`renderCMIToJSONObject().cmi`). */
export type CmiTree = Record<string, unknown>

/** Faults the sim can inject, to test that the player loses nothing. */
export interface LmsFaults {
  /** Every Commit returns "false" (data still kept in the API, not persisted). */
  failCommits?: boolean
  /** After this many calls, every API method throws, as if the LMS frame broke. */
  throwAfterCalls?: number
}

export interface LaunchOptions {
  /** Learner id; one attempt per package and learner. Default `learner-1`. */
  learner?: string
  learnerName?: string
  mode?: 'normal' | 'browse' | 'review'
  credit?: 'credit' | 'no-credit'
  faults?: LmsFaults
  /** Put the API on the opener chain instead of the parent chain (content in a child window). */
  viaOpener?: boolean
}

export interface SimSession {
  id: string
  packageId: string
  learner: string
  edition: ScormEdition
  options: LaunchOptions
  calls: ApiCall[]
}

export interface SimAttempt {
  packageId: string
  learner: string
  /** What the LMS holds: the launch CMI plus the values accepted up to the last successful Commit/Finish. */
  cmi: CmiTree | null
  sessions: SimSession[]
}
