import type { Response } from '@cafes/core'
import type { AnswerView, PlayerEngine } from '../engine/engine.js'
import type { UiStrings } from '../i18n/strings.js'

/** What every part of the view needs: the engine, the strings, and how to write numbers. */
export interface ViewContext {
  engine: PlayerEngine
  t: UiStrings
  /** `lang` of elements holding interface strings, when it differs from the content's; else undefined. */
  uiLang: string | undefined
  /** Formats a number in the content's language (`3,5` in French). */
  number: (value: number) => string
  /** Registers what to undo when the page is left (timers, listeners). */
  onLeave: (cleanup: () => void) => void
}

/**
 * The inputs of one question type, between the prompt and the submit button. The question
 * frame (`question.ts`) owns the form, the submit button and the feedback region.
 */
export interface QuestionControl {
  nodes: Node[]
  /** The learner's response as the engine takes it, or null while it cannot be submitted. */
  response(): Response | null
  /**
   * Shows a submitted answer: the learner's response in the inputs, locked. Returns what the
   * feedback region adds for this type: the feedback of the chosen options (before the
   * question's feedback) and the right answer when the engine gives it (after it). Called
   * again when the right answer is revealed later: it must not add anything twice.
   */
  lock(answer: AnswerView): ControlFeedback
}

export interface ControlFeedback {
  chosen: Node[]
  expected: Node[]
}
