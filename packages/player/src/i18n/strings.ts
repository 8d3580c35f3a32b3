import type { CalloutKind, UiLanguage } from '@cafes/core'

/** Every string the player shows, in each interface language. Both languages have every key. */
export interface UiStrings {
  menu: string
  menuLabel: string
  previous: string
  next: string
  finish: string
  submit: string
  pageOf: (page: number, total: number) => string
  seen: string
  notSeen: string
  currentPage: string
  correct: string
  incorrect: string
  yourChoice: string
  rightChoice: string
  explanation: string
  quizResult: (score: number, passed: boolean, passMark: number) => string
  callout: Record<CalloutKind, string>
  detached: string
  failing: string
  closedTitle: string
  closedBody: string
  courseMissing: string
}

export const STRINGS = {
  fr: {
    menu: 'Menu',
    menuLabel: 'Menu du module',
    previous: 'Précédent',
    next: 'Suivant',
    finish: 'Terminer',
    submit: 'Valider',
    pageOf: (page, total) => `Page ${page} / ${total}`,
    seen: 'vue',
    notSeen: 'non vue',
    currentPage: 'page actuelle',
    correct: 'Bonne réponse',
    incorrect: 'Réponse incorrecte',
    yourChoice: 'votre choix',
    rightChoice: 'bonne réponse',
    explanation: 'Explication',
    quizResult: (score, passed, passMark) =>
      `Votre score : ${score} % — ${passed ? 'réussi' : 'non réussi'} (seuil de réussite : ${passMark} %)`,
    callout: { info: 'Information', tip: 'Astuce', warning: 'Attention', important: 'Important' },
    detached: "Pas de connexion à la plateforme : votre progression n'est pas enregistrée.",
    failing: "Votre progression n'a pas pu être enregistrée. Nouvelle tentative…",
    closedTitle: 'Session terminée',
    closedBody: 'Vous pouvez fermer cette fenêtre.',
    courseMissing: 'Ce module ne peut pas être affiché : ses données sont absentes ou illisibles.',
  },
  en: {
    menu: 'Menu',
    menuLabel: 'Module menu',
    previous: 'Previous',
    next: 'Next',
    finish: 'Finish',
    submit: 'Submit',
    pageOf: (page, total) => `Page ${page} / ${total}`,
    seen: 'seen',
    notSeen: 'not seen',
    currentPage: 'current page',
    correct: 'Correct',
    incorrect: 'Incorrect',
    yourChoice: 'your choice',
    rightChoice: 'right answer',
    explanation: 'Explanation',
    quizResult: (score, passed, passMark) =>
      `Your score: ${score}% — ${passed ? 'passed' : 'not passed'} (pass mark: ${passMark}%)`,
    callout: { info: 'Information', tip: 'Tip', warning: 'Warning', important: 'Important' },
    detached: 'No connection to the platform: your progress is not being saved.',
    failing: 'Your progress could not be saved. Retrying…',
    closedTitle: 'Session ended',
    closedBody: 'You can close this window.',
    courseMissing: 'This module cannot be shown: its data is missing or unreadable.',
  },
} as const satisfies Record<UiLanguage, UiStrings>

/** English when the course language starts with `en`, French otherwise. */
export function uiLanguage(courseLanguage: string): UiLanguage {
  return /^en\b/i.test(courseLanguage) ? 'en' : 'fr'
}

export function uiStrings(courseLanguage: string): UiStrings {
  return STRINGS[uiLanguage(courseLanguage)]
}
