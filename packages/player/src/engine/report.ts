/**
 * What the engine has decided about the attempt; trackers only translate it.
 * Produced by the engine alone (scoring, pass mark, completion rule).
 */
export interface LearnerReport {
  completion: 'incomplete' | 'completed'
  success: 'unknown' | 'passed' | 'failed'
  /** Only on a final report of a module with scored questions or weighted scenarios. */
  score?: ReportScore
  /** Share of pages seen and required media done, 0–1. */
  progress: number
  /**
   * The completion rule is met, or the quiz can no longer be passed: the one report that
   * carries the final status and score. Sent once per attempt.
   */
  final: boolean
}

export interface ReportScore {
  /** Integer 0–100 (Moodle grades from raw; Open edX divides it by 100). */
  raw: number
  min: 0
  max: 100
  /** raw / 100, for SCORM 2004 and xAPI. */
  scaled: number
}
