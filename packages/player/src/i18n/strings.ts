import type { CalloutKind, UiLanguage } from '@cafes/core'

/** Every string the player shows, in each interface language. Both languages have every key. */
export interface UiStrings {
  menu: string
  menuLabel: string
  previous: string
  next: string
  finish: string
  submit: string
  /** The submit button of a free-text reflection (not graded). */
  save: string
  pageOf: (page: number, total: number) => string
  seen: string
  notSeen: string
  currentPage: string
  correct: string
  incorrect: string
  /** Result of a question that is not graded (opinion scale, reflection). */
  recorded: string
  yourChoice: string
  rightChoice: string
  explanation: string
  true: string
  false: string
  /** Label of a short text answer (fill-in). */
  yourAnswer: string
  /** Label of a numeric answer. */
  yourNumber: string
  /** Label of a free-text reflection. */
  yourText: string
  /** A numeric answer the player cannot read as a number. */
  notANumber: string
  characters: (count: number, max: number) => string
  /** First, empty option of a matching select. */
  choose: string
  up: string
  down: string
  moved: (position: number, total: number) => string
  expected: string
  /** A numeric range, as the right answer. */
  between: (min: string, max: string) => string
  expectedPairs: string
  expectedOrder: string
  quizResult: (score: number, passed: boolean, passMark: number) => string
  attemptOf: (attempt: number, attempts: number) => string
  retry: string
  /** Said with the quiz result when right answers held back during the attempts appear. */
  answersShown: string
  callout: Record<CalloutKind, string>
  detached: string
  failing: string
  closedTitle: string
  closedBody: string
  courseMissing: string
  /** Scenario: step back one choice. */
  back: string
  /** Scenario: heading of the ending, with its outcome in words. */
  ending: Record<'success' | 'neutral' | 'failure', string>
  /** Scenario: the feedback of the choice just made. */
  yourChoiceWas: string
  /** Mini-défi. */
  timerStart: string
  timerPause: string
  extend: string
  timeLeft: string
  done: string
  challengeDone: string
  timerStarted: string
  timerPaused: string
  timerExtended: string
  timeUp: string
  checklist: string
  /** Media. */
  chapters: string
  captions: string
  rate: string
  transcript: string
  showTranscript: string
  transcriptRead: string
  mediaDone: string
}

export const STRINGS = {
  fr: {
    menu: 'Menu',
    menuLabel: 'Menu du module',
    previous: 'Précédent',
    next: 'Suivant',
    finish: 'Terminer',
    submit: 'Valider',
    save: 'Enregistrer',
    pageOf: (page, total) => `Page ${page} / ${total}`,
    seen: 'vue',
    notSeen: 'non vue',
    currentPage: 'page actuelle',
    correct: 'Bonne réponse',
    incorrect: 'Mauvaise réponse',
    recorded: 'Réponse enregistrée',
    yourChoice: 'votre choix',
    rightChoice: 'bonne réponse',
    explanation: 'Explication',
    true: 'Vrai',
    false: 'Faux',
    yourAnswer: 'Votre réponse',
    yourNumber: 'Votre réponse (un nombre)',
    yourText: 'Votre texte',
    notANumber: 'Saisissez un nombre, par exemple 12 ou 3,5.',
    characters: (count, max) => `${count} / ${max} caractères`,
    choose: 'Choisir…',
    up: 'Monter',
    down: 'Descendre',
    moved: (position, total) => `Étape déplacée en position ${position} sur ${total}`,
    expected: 'Réponse attendue : ',
    between: (min, max) => `entre ${min} et ${max}`,
    expectedPairs: 'Associations attendues :',
    expectedOrder: 'Ordre attendu :',
    quizResult: (score, passed, passMark) =>
      `Votre score : ${score} % — ${passed ? 'réussi' : 'non réussi'} (seuil de réussite : ${passMark} %)`,
    attemptOf: (attempt, attempts) => `Tentative ${attempt} sur ${attempts}`,
    retry: 'Recommencer le quiz',
    answersShown: 'Les réponses attendues sont affichées sous chaque question',
    callout: { info: 'Information', tip: 'Astuce', warning: 'Attention', important: 'Important' },
    detached: "Pas de connexion à la plateforme : votre progression n'est pas enregistrée.",
    failing: "Votre progression n'a pas pu être enregistrée. Nouvelle tentative…",
    closedTitle: 'Session terminée',
    closedBody: 'Vous pouvez fermer cette fenêtre.',
    courseMissing: 'Ce module ne peut pas être affiché : ses données sont absentes ou illisibles.',
    back: 'Revenir en arrière',
    ending: { success: 'Fin : issue favorable', neutral: 'Fin : issue mitigée', failure: 'Fin : issue défavorable' },
    yourChoiceWas: 'Votre choix : ',
    timerStart: 'Démarrer',
    timerPause: 'Pause',
    extend: '+1 min',
    timeLeft: 'Temps restant : ',
    done: "J'ai terminé",
    challengeDone: 'Défi terminé',
    timerStarted: 'Minuteur démarré',
    timerPaused: 'Minuteur en pause',
    timerExtended: 'Une minute de plus',
    timeUp: 'Temps écoulé : vos réponses sont conservées',
    checklist: 'Liste à cocher',
    chapters: 'Chapitres',
    captions: 'Sous-titres',
    rate: 'Vitesse de lecture',
    transcript: 'Transcription',
    showTranscript: 'Afficher la transcription',
    transcriptRead: "J'ai lu la transcription",
    mediaDone: 'Écoute ou lecture enregistrée',
  },
  en: {
    menu: 'Menu',
    menuLabel: 'Module menu',
    previous: 'Previous',
    next: 'Next',
    finish: 'Finish',
    submit: 'Submit',
    save: 'Save',
    pageOf: (page, total) => `Page ${page} / ${total}`,
    seen: 'seen',
    notSeen: 'not seen',
    currentPage: 'current page',
    correct: 'Correct',
    incorrect: 'Incorrect',
    recorded: 'Answer saved',
    yourChoice: 'your choice',
    rightChoice: 'right answer',
    explanation: 'Explanation',
    true: 'True',
    false: 'False',
    yourAnswer: 'Your answer',
    yourNumber: 'Your answer (a number)',
    yourText: 'Your text',
    notANumber: 'Enter a number, for example 12 or 3.5.',
    characters: (count, max) => `${count} / ${max} characters`,
    choose: 'Choose…',
    up: 'Move up',
    down: 'Move down',
    moved: (position, total) => `Step moved to position ${position} of ${total}`,
    expected: 'Expected answer: ',
    between: (min, max) => `between ${min} and ${max}`,
    expectedPairs: 'Expected pairs:',
    expectedOrder: 'Expected order:',
    quizResult: (score, passed, passMark) =>
      `Your score: ${score}% — ${passed ? 'passed' : 'not passed'} (pass mark: ${passMark}%)`,
    attemptOf: (attempt, attempts) => `Attempt ${attempt} of ${attempts}`,
    retry: 'Retry the quiz',
    answersShown: 'The expected answers are shown under each question',
    callout: { info: 'Information', tip: 'Tip', warning: 'Warning', important: 'Important' },
    detached: 'No connection to the platform: your progress is not being saved.',
    failing: 'Your progress could not be saved. Retrying…',
    closedTitle: 'Session ended',
    closedBody: 'You can close this window.',
    courseMissing: 'This module cannot be shown: its data is missing or unreadable.',
    back: 'Go back',
    ending: { success: 'End: a good outcome', neutral: 'End: a mixed outcome', failure: 'End: a poor outcome' },
    yourChoiceWas: 'Your choice: ',
    timerStart: 'Start',
    timerPause: 'Pause',
    extend: '+1 min',
    timeLeft: 'Time left: ',
    done: "I'm done",
    challengeDone: 'Challenge done',
    timerStarted: 'Timer started',
    timerPaused: 'Timer paused',
    timerExtended: 'One more minute',
    timeUp: 'Time is up: your answers are kept',
    checklist: 'Checklist',
    chapters: 'Chapters',
    captions: 'Captions',
    rate: 'Playback speed',
    transcript: 'Transcript',
    showTranscript: 'Show the transcript',
    transcriptRead: 'I have read the transcript',
    mediaDone: 'Listening or reading recorded',
  },
} as const satisfies Record<UiLanguage, UiStrings>

/** English when the course language starts with `en`, French otherwise. */
/**
 * The interface language: the first of the learner's preferences (cmi5 `languagePreference`,
 * `en-US,fr-FR`) the player speaks, else the content's.
 */
export function uiLanguage(courseLanguage: string, preference = ''): UiLanguage {
  const preferred = preference.split(',').map((tag) => tag.trim().toLowerCase().split('-')[0]).find((tag) => tag === 'fr' || tag === 'en')
  return preferred ?? (/^en\b/i.test(courseLanguage) ? 'en' : 'fr')
}

export function uiStrings(courseLanguage: string, preference?: string): UiStrings {
  return STRINGS[uiLanguage(courseLanguage, preference)]
}
