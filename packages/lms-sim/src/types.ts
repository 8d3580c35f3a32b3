export type ScormEdition = 'scorm12' | 'scorm2004'

/** What an imported package is, from the descriptor at its root. */
export type PackageEdition = ScormEdition | 'xapi' | 'cmi5'

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
  /** Learner id; one attempt (SCORM) or registration (xAPI, cmi5) per package and learner. Default `learner-1`. */
  learner?: string
  /** Display name: SCORM `learner_name`, the actor's `name` in xAPI and cmi5. */
  learnerName?: string
  /** SCORM lesson mode; cmi5 `launchMode` (`Normal`/`Browse`/`Review`). Default `normal`. */
  mode?: 'normal' | 'browse' | 'review'
  credit?: 'credit' | 'no-credit'
  /** SCORM only: faults of the API in the LMS page (the LRS has its own, `LmsSim.lrs.faults`). */
  faults?: LmsFaults
  /** SCORM only: put the API on the opener chain instead of the parent chain (content in a child window). */
  viaOpener?: boolean
  /** xAPI: `legacy` sends the actor in the 0.95 array form TinCanJS still reads. Default `standard`. */
  actorForm?: 'standard' | 'legacy'
  /** xAPI, cmi5: start a new registration instead of reusing the learner's enrolment. */
  newRegistration?: boolean
  /** xAPI, cmi5: edit the launch query parameters (remove or corrupt some) before the URL is built. */
  editLaunch?: (params: URLSearchParams) => void
  /** cmi5: overrides the AU's `masteryScore` in LMS.LaunchData (cmi5 lets the LMS do so). */
  masteryScore?: number
  /** cmi5: overrides the AU's `moveOn` in LMS.LaunchData. */
  moveOn?: Cmi5MoveOn
  /** cmi5: overrides the AU's `launchParameters` in LMS.LaunchData. */
  launchParameters?: string
  /** cmi5: LaunchData `returnURL`; default a page of the sim (`/lms/returned?session=…`); `null` leaves it out. */
  returnUrl?: string | null
  /** cmi5: `languagePreference` of the `cmi5LearnerPreferences` agent profile; the profile is not written when both preferences are absent. */
  languagePreference?: string
  /** cmi5: `audioPreference` of the `cmi5LearnerPreferences` agent profile. */
  audioPreference?: 'on' | 'off'
}

/** cmi5 `au/@moveOn` (cmi5 §13.1.4). */
export type Cmi5MoveOn = 'NotApplicable' | 'Passed' | 'Completed' | 'CompletedAndPassed' | 'CompletedOrPassed'

/** cmi5 `launchMode` in LMS.LaunchData. */
export type Cmi5LaunchMode = 'Normal' | 'Browse' | 'Review'

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
