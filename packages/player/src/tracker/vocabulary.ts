/**
 * What SCORM 1.2 and SCORM 2004 call the same thing: one row per meaning, one column per
 * edition (STANDARDS.md §2.2–2.6). `null`: the edition has no such element, and an adapter
 * must never write the other edition's name instead (B13).
 */
export const SCORM_EDITIONS = ['scorm12', 'scorm2004'] as const
export type ScormEdition = (typeof SCORM_EDITIONS)[number]

type Row = Record<ScormEdition, string | null>

export const VOCABULARY = {
  // API objects and methods
  apiObject: { scorm12: 'API', scorm2004: 'API_1484_11' },
  initialize: { scorm12: 'LMSInitialize', scorm2004: 'Initialize' },
  terminate: { scorm12: 'LMSFinish', scorm2004: 'Terminate' },
  getValue: { scorm12: 'LMSGetValue', scorm2004: 'GetValue' },
  setValue: { scorm12: 'LMSSetValue', scorm2004: 'SetValue' },
  commit: { scorm12: 'LMSCommit', scorm2004: 'Commit' },
  getLastError: { scorm12: 'LMSGetLastError', scorm2004: 'GetLastError' },
  getErrorString: { scorm12: 'LMSGetErrorString', scorm2004: 'GetErrorString' },
  getDiagnostic: { scorm12: 'LMSGetDiagnostic', scorm2004: 'GetDiagnostic' },

  // Data model elements
  location: { scorm12: 'cmi.core.lesson_location', scorm2004: 'cmi.location' },
  suspendData: { scorm12: 'cmi.suspend_data', scorm2004: 'cmi.suspend_data' },
  mode: { scorm12: 'cmi.core.lesson_mode', scorm2004: 'cmi.mode' },
  credit: { scorm12: 'cmi.core.credit', scorm2004: 'cmi.credit' },
  learnerName: { scorm12: 'cmi.core.student_name', scorm2004: 'cmi.learner_name' },
  learnerId: { scorm12: 'cmi.core.student_id', scorm2004: 'cmi.learner_id' },
  completionStatus: { scorm12: 'cmi.core.lesson_status', scorm2004: 'cmi.completion_status' },
  successStatus: { scorm12: null, scorm2004: 'cmi.success_status' },
  scoreMin: { scorm12: 'cmi.core.score.min', scorm2004: 'cmi.score.min' },
  scoreMax: { scorm12: 'cmi.core.score.max', scorm2004: 'cmi.score.max' },
  scoreRaw: { scorm12: 'cmi.core.score.raw', scorm2004: 'cmi.score.raw' },
  scoreScaled: { scorm12: null, scorm2004: 'cmi.score.scaled' },
  progressMeasure: { scorm12: null, scorm2004: 'cmi.progress_measure' },
  sessionTime: { scorm12: 'cmi.core.session_time', scorm2004: 'cmi.session_time' },
  exit: { scorm12: 'cmi.core.exit', scorm2004: 'cmi.exit' },
  interactions: { scorm12: 'cmi.interactions', scorm2004: 'cmi.interactions' },

  // Interaction fields (after `cmi.interactions.n.`)
  interactionId: { scorm12: 'id', scorm2004: 'id' },
  interactionType: { scorm12: 'type', scorm2004: 'type' },
  interactionDescription: { scorm12: null, scorm2004: 'description' },
  interactionResponse: { scorm12: 'student_response', scorm2004: 'learner_response' },
  /** `correct_responses.<n>.pattern`. */
  interactionCorrectResponses: { scorm12: 'correct_responses', scorm2004: 'correct_responses' },
  interactionPattern: { scorm12: 'pattern', scorm2004: 'pattern' },
  interactionResult: { scorm12: 'result', scorm2004: 'result' },
  interactionWeighting: { scorm12: 'weighting', scorm2004: 'weighting' },
  interactionTime: { scorm12: 'time', scorm2004: 'timestamp' },
  interactionLatency: { scorm12: 'latency', scorm2004: 'latency' },

  // Values
  // Interaction types (the learner's response syntax is `formatResponse` in @cafes/core)
  typeTrueFalse: { scorm12: 'true-false', scorm2004: 'true-false' },
  typeChoice: { scorm12: 'choice', scorm2004: 'choice' },
  typeFillIn: { scorm12: 'fill-in', scorm2004: 'fill-in' },
  /** Free text longer than a fill-in: 1.2 has no `long-fill-in`, its `fill-in` is the nearest. */
  typeLongFillIn: { scorm12: 'fill-in', scorm2004: 'long-fill-in' },
  typeNumeric: { scorm12: 'numeric', scorm2004: 'numeric' },
  typeMatching: { scorm12: 'matching', scorm2004: 'matching' },
  typeSequencing: { scorm12: 'sequencing', scorm2004: 'sequencing' },
  typeLikert: { scorm12: 'likert', scorm2004: 'likert' },
  /** A scenario's path, a free string: 1.2 has no `other`, its `performance` is a free CMIFeedback. */
  typeOther: { scorm12: 'performance', scorm2004: 'other' },
  resultCorrect: { scorm12: 'correct', scorm2004: 'correct' },
  resultWrong: { scorm12: 'wrong', scorm2004: 'incorrect' },
  /** Neither right nor wrong: questions that are not scored. */
  resultNeutral: { scorm12: 'neutral', scorm2004: 'neutral' },
  statusIncomplete: { scorm12: 'incomplete', scorm2004: 'incomplete' },
  statusCompleted: { scorm12: 'completed', scorm2004: 'completed' },
  statusPassed: { scorm12: 'passed', scorm2004: 'passed' },
  statusFailed: { scorm12: 'failed', scorm2004: 'failed' },
  exitSuspend: { scorm12: 'suspend', scorm2004: 'suspend' },
  exitNormal: { scorm12: '', scorm2004: 'normal' },
  modeNormal: { scorm12: 'normal', scorm2004: 'normal' },
  modeBrowse: { scorm12: 'browse', scorm2004: 'browse' },
  modeReview: { scorm12: 'review', scorm2004: 'review' },
  noCredit: { scorm12: 'no-credit', scorm2004: 'no-credit' },
  /** Error code of a GetValue on an element the LMS holds no value for yet (normal at first launch). */
  errorNotInitialized: { scorm12: null, scorm2004: '403' },
} as const satisfies Record<string, Row>

export type VocabularyKey = keyof typeof VOCABULARY

/**
 * Completion statuses an LMS reports before the learner's first launch (B10). Not `''`: a read
 * that failed must not turn a finished attempt back to `incomplete`.
 */
export const FIRST_LAUNCH_STATUSES = {
  scorm12: ['not attempted'],
  scorm2004: ['unknown', 'not attempted'],
} as const satisfies Record<ScormEdition, readonly string[]>

