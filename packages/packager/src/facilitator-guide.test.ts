import type { CoursePage, Question } from '@cafes/core'
import { describe, expect, it } from 'vitest'
import { makeModule } from '../test/helpers.js'
import { GUIDE_CSS } from './facilitator-guide-css.js'
import { content, facilitatorGuide, GUIDE_STYLESHEET } from './facilitator-guide.js'

const QUESTIONS: Question[] = [
  {
    id: 'q-single', type: 'single', weight: 1, promptHtml: '<p>Choix unique ?</p>', prompt: 'Choix unique ?',
    explanationHtml: '<p>EXPLICATION-SINGLE</p>', correctFeedbackHtml: '<p>BRAVO-SINGLE</p>', incorrectFeedbackHtml: '<p>DOMMAGE-SINGLE</p>',
    choices: [
      { id: 'a', html: 'Choix A', text: 'Choix A', correct: false, feedbackHtml: '<p>RETOUR-A</p>' },
      { id: 'b', html: 'Choix B', text: 'Choix B', correct: true, feedbackHtml: '<p>RETOUR-B</p>' },
    ],
  },
  {
    id: 'q-multiple', type: 'multiple', weight: 1, promptHtml: '<p>Plusieurs ?</p>', prompt: 'Plusieurs ?',
    choices: [
      { id: 'a', html: 'M1', text: 'M1', correct: true },
      { id: 'b', html: 'M2', text: 'M2', correct: true },
      { id: 'c', html: 'M3', text: 'M3', correct: false },
    ],
  },
  { id: 'q-tf', type: 'true-false', weight: 1, promptHtml: '<p>Vrai ?</p>', prompt: 'Vrai ?', answer: false, trueFeedbackHtml: '<p>SI-VRAI</p>', falseFeedbackHtml: '<p>SI-FAUX</p>' },
  { id: 'q-fill', type: 'fill-in', weight: 1, promptHtml: '<p>Mot ?</p>', prompt: 'Mot ?', accepted: ['transparence', 'la transparence'], caseSensitive: false, accentSensitive: true, maxLength: 40 },
  { id: 'q-num', type: 'numeric', weight: 1, promptHtml: '<p>Combien ?</p>', prompt: 'Combien ?', min: 3, max: 5, maxLength: 10 },
  { id: 'q-exact', type: 'numeric', weight: 1, promptHtml: '<p>Article ?</p>', prompt: 'Article ?', min: 22, max: 22, maxLength: 10 },
  {
    id: 'q-match', type: 'matching', weight: 1, promptHtml: '<p>Associez</p>', prompt: 'Associez',
    sources: [{ id: '1', html: 'SOURCE-UN', text: 'SOURCE-UN' }, { id: '2', html: 'SOURCE-DEUX', text: 'SOURCE-DEUX' }],
    targets: [{ id: 'a', html: 'CIBLE-A', text: 'CIBLE-A' }, { id: 'b', html: 'CIBLE-B', text: 'CIBLE-B' }],
    pairs: [['1', 'b'], ['2', 'a']],
  },
  {
    id: 'q-seq', type: 'sequencing', weight: 1, promptHtml: '<p>Ordonnez</p>', prompt: 'Ordonnez',
    steps: [{ id: 'a', html: 'ETAPE-1', text: 'ETAPE-1' }, { id: 'b', html: 'ETAPE-2', text: 'ETAPE-2' }],
  },
  { id: 'q-likert', type: 'likert', weight: 0, promptHtml: '<p>Avis ?</p>', prompt: 'Avis ?', scale: [{ id: 'a', html: 'Pas du tout', text: 'Pas du tout' }, { id: 'b', html: 'Tout à fait', text: 'Tout à fait' }] },
  { id: 'q-refl', type: 'reflection', weight: 0, promptHtml: '<p>Et vous ?</p>', prompt: 'Et vous ?', maxLength: 500 },
]

const PAGES: CoursePage[] = [
  {
    id: 'index',
    title: 'Accueil',
    blocks: [
      { kind: 'html', html: '<h1>Accueil</h1>\n<p>Bonjour <a href="https://example.org/">lien</a></p><p><img src="assets/tasse.svg" alt="Une tasse" loading="lazy"></p><h2>Sous-titre</h2>' },
      { kind: 'facilitator', html: '<p>NOTE-ACCUEIL</p>', timing: { inPerson: 5, remote: 8 } },
      { kind: 'callout', callout: 'tip', title: 'Bon à savoir', html: '<p>CALLOUT-TEXTE</p>' },
      { kind: 'callout', callout: 'warning', html: '<p>SANS-TITRE</p>' },
    ],
  },
  {
    id: 'quiz',
    title: 'Le quiz',
    blocks: [
      { kind: 'quiz', quiz: 'q', questions: QUESTIONS },
      { kind: 'facilitator', html: '<p>NOTE-QUIZ</p>', timing: { inPerson: 10 } },
    ],
  },
  {
    id: 'scenario',
    title: 'Le scénario',
    blocks: [
      {
        kind: 'scenario', id: 'sc', title: 'Le courriel', prompt: 'Le courriel', weight: 1, allowBack: true, start: 'debut', maxPoints: 2,
        nodes: [
          {
            id: 'debut', title: 'Le début', html: '<p>NOEUD-DEBUT</p>',
            choices: [
              { id: 'a', html: 'CHOIX-PRUDENT', text: 'CHOIX-PRUDENT', target: 'bien', points: 2, feedbackHtml: '<p>RETOUR-PRUDENT</p>' },
              { id: 'b', html: 'CHOIX-RISQUE', text: 'CHOIX-RISQUE', target: 'mal', points: 0 },
            ],
          },
          { id: 'bien', title: 'Bonne fin', html: '<p>NOEUD-BIEN</p>', ending: { outcome: 'success' }, choices: [] },
          { id: 'mal', html: '<p>NOEUD-MAL</p>', ending: { outcome: 'failure' }, choices: [] },
        ],
      },
    ],
  },
  {
    id: 'defi',
    title: 'Le défi',
    blocks: [
      { kind: 'challenge', id: 'ch', title: 'Trois minutes', instructionsHtml: '<p>CONSIGNE-DEFI</p>', checklist: [{ id: 'a', html: 'CASE-1', text: 'CASE-1' }], timeLimit: 180 },
      {
        kind: 'challenge', id: 'ch2', title: 'Défi quiz', instructionsHtml: '<p>CONSIGNE-2</p>', checklist: [],
        quiz: { kind: 'quiz', quiz: 'q2', questions: [{ id: 'q-defi', type: 'true-false', weight: 1, promptHtml: '<p>DEFI-QUESTION</p>', prompt: 'DEFI-QUESTION', answer: true }] },
      },
    ],
  },
  {
    id: 'media',
    title: 'Écouter et lire',
    blocks: [
      {
        kind: 'media', id: 'pod', media: 'audio', title: 'Le témoignage', src: 'assets/pod.mp3', mimeType: 'audio/mpeg', captions: 'assets/pod.vtt',
        cues: [{ start: 0, end: 4, text: 'CUE-UN' }, { start: 65, end: 70, text: 'CUE-DEUX' }],
        chapters: [{ start: 0, title: 'CHAPITRE-INTRO' }, { start: 65, title: 'CHAPITRE-SUITE' }], required: true,
      },
      { kind: 'media', id: 'vid', media: 'video', title: 'La vidéo', src: 'assets/v.mp4', mimeType: 'video/mp4', cues: [], transcriptHtml: '<p>TRANSCRIPTION-MD</p>', chapters: [], required: false },
      { kind: 'tabs', id: 'tb', panels: [{ title: 'ONGLET-1', html: '<p>PANNEAU-1</p>' }, { title: 'ONGLET-2', html: '<p>PANNEAU-2</p>' }] },
      { kind: 'accordion', id: 'ac', items: [{ title: 'PLI-1', html: '<p>CONTENU-PLI</p>' }] },
      { kind: 'cards', cards: [{ title: 'CARTE-1', html: '<p>CONTENU-CARTE</p>' }] },
    ],
  },
]

function guide(language = 'fr'): string {
  const module = makeModule({ pages: PAGES, language, passMark: 70 })
  module.meta.duration = 20
  module.meta.objectives = ['OBJECTIF-UN']
  module.course.description = 'DESCRIPTION-MODULE'
  module.course.facilitation = { inPerson: 45, remote: 60 }
  module.course.quizzes.push({ id: 'q2', passMark: 70, questionIds: ['q-defi'], attempts: 2, shuffle: false, showCorrect: true })
  return facilitatorGuide(module)
}

describe('facilitatorGuide', () => {
  it('is a static page: lang, title, stylesheet, no script', () => {
    const html = guide()
    expect(html).toMatch(/^<!doctype html>\n<html lang="fr">/)
    expect(html).toContain(`<link rel="stylesheet" href="${GUIDE_STYLESHEET}">`)
    expect(html).toContain("<title>Guide d'animation · Démo</title>")
    expect(html).not.toMatch(/<script/i)
    expect(html).toContain('<h1>Démo</h1>')
    expect(html).toContain('DESCRIPTION-MODULE')
    expect(html).toContain('<dd>20 min</dd>')
    expect(html).toContain('<li>OBJECTIF-UN</li>')
  })

  it('lists timings per page and in total, in person and remote', () => {
    const html = guide()
    expect(html).toContain('<h2 id="guide-timings">Minutage suggéré</h2>')
    expect(html).toContain('<tr><th scope="row"><a href="#page-index">1. Accueil</a></th><td>5 min</td><td>8 min</td></tr>')
    expect(html).toContain('<tr><th scope="row"><a href="#page-quiz">2. Le quiz</a></th><td>10 min</td><td>—</td></tr>')
    expect(html).toContain(
      '<tfoot><tr><th scope="row">Total des pages</th><td>15 min</td><td>8 min</td></tr><tr><th scope="row">Durée suggérée de la séance</th><td>45 min</td><td>60 min</td></tr></tfoot>',
    )
    expect(html).toContain('En présentiel : 45 min, À distance : 60 min')
  })

  it('shows no session row when the module sets no session length', () => {
    const module = makeModule({ pages: PAGES })
    expect(facilitatorGuide(module)).toContain('<tfoot><tr><th scope="row">Total des pages</th><td>15 min</td><td>8 min</td></tr></tfoot>')
  })

  it('shows every page in order with its notes highlighted', () => {
    const html = guide()
    const order = ['page-index', 'page-quiz', 'page-scenario', 'page-defi', 'page-media'].map((id) => html.indexOf(`<h2 id="${id}">`))
    expect(order.every((position, index) => position > 0 && (index === 0 || position > order[index - 1]!))).toBe(true)
    expect(html).toContain('<section class="guide-note" aria-labelledby="note-index-1">\n<h3 id="note-index-1">Notes pour l\'animation</h3>')
    expect(html).toContain('<p class="guide-note-timing">En présentiel : 5 min · À distance : 8 min</p>')
    expect(html).toContain('NOTE-ACCUEIL')
    expect(html).toContain('NOTE-QUIZ')
    // The page's h1 is the section heading; its h2 becomes h3; images load at once.
    expect(html).not.toContain('<h1>Accueil</h1>')
    expect(html).toContain('<h3>Sous-titre</h3>')
    expect(html).toContain('<img src="assets/tasse.svg" alt="Une tasse">')
    expect(html).toContain('CALLOUT-TEXTE')
    expect(html).toContain('<strong>Attention</strong>')
  })

  it('shows the right answer, per-choice feedback and explanation of every question type', () => {
    const html = guide()
    expect(html).toMatch(/Choix B<\/span> <strong class="guide-right">✔ Bonne réponse<\/strong><div class="guide-feedback"><p>RETOUR-B<\/p>/)
    expect(html).toMatch(/Choix A<\/span> <span class="guide-wrong">✘ Mauvaise réponse<\/span><div class="guide-feedback"><p>RETOUR-A<\/p>/)
    for (const text of ['EXPLICATION-SINGLE', 'BRAVO-SINGLE', 'DOMMAGE-SINGLE', 'SI-VRAI', 'SI-FAUX']) expect(html).toContain(text)
    expect(html).toMatch(/M1<\/span> <strong class="guide-right">/)
    expect(html).toMatch(/M2<\/span> <strong class="guide-right">/)
    expect(html).toContain('<strong>Bonne réponse :</strong> Faux')
    expect(html).toContain('« transparence », « la transparence » (majuscules ignorées, accents comptés)')
    expect(html).toContain('<strong>Bonne réponse :</strong> entre 3 et 5')
    expect(html).toContain('<strong>Bonne réponse :</strong> 22')
    expect(html).toContain('<tr><th scope="row">SOURCE-UN</th><td>CIBLE-B</td></tr><tr><th scope="row">SOURCE-DEUX</th><td>CIBLE-A</td></tr>')
    expect(html).toContain('<ol class="guide-steps"><li>ETAPE-1</li><li>ETAPE-2</li></ol>')
    expect(html).toContain("Pas de bonne réponse : c'est un avis, non noté.")
    expect(html).toContain('Réponse libre, non notée.')
    expect(html).toContain('Seuil de réussite : 70 % · Tentatives : 1')
    expect(html).toContain('(choix multiple)')
  })

  it('draws each scenario as a map: nodes, choices to targets with points, endings', () => {
    const html = guide()
    expect(html).toContain('<h3 id="scenario-sc">Scénario : Le courriel</h3>')
    expect(html).toContain('Départ : Le début · Points maximum : 2 · Retour en arrière possible')
    expect(html).toContain('<span class="guide-choice">CHOIX-PRUDENT</span> → mène à <a href="#scenario-sc-bien">Bonne fin</a> (2 points)<div class="guide-feedback"><p>RETOUR-PRUDENT</p></div>')
    expect(html).toContain('→ mène à <a href="#scenario-sc-mal">mal</a> (0 point)')
    expect(html).toContain('<li class="guide-node guide-node-ending" id="scenario-sc-bien"><h5>Bonne fin <span class="guide-ending guide-ending-success">Fin (réussite)</span></h5>')
    expect(html).toContain('Fin (échec)')
    expect(html).toContain('NOEUD-DEBUT')
  })

  it('shows mini-défis, media with chapters and transcript, and panels expanded', () => {
    const html = guide()
    expect(html).toContain('<h3 id="challenge-ch">Mini-défi : Trois minutes</h3>')
    expect(html).toContain('Temps imparti : 3 min')
    expect(html).toContain('<ul class="guide-checklist"><li>CASE-1</li></ul>')
    expect(html).toContain('CONSIGNE-DEFI')
    expect(html).toContain('<h5>Question 1 <span class="guide-question-type">(vrai ou faux)</span></h5>')
    expect(html).toContain('Seuil de réussite : 70 % · Tentatives : 2')
    expect(html).toContain('<h3 id="media-pod">Podcast : Le témoignage</h3>')
    expect(html).toContain('<tr><td>01:05</td><td>CHAPITRE-SUITE</td></tr>')
    expect(html).toContain('<p><span class="guide-time">01:05</span> CUE-DEUX</p>')
    expect(html).toContain('TRANSCRIPTION-MD')
    expect(html).toContain('<h3 id="media-vid">Vidéo : La vidéo</h3>')
    for (const text of ['ONGLET-1', 'PANNEAU-1', 'ONGLET-2', 'PANNEAU-2', 'PLI-1', 'CONTENU-PLI', 'CARTE-1', 'CONTENU-CARTE']) expect(html).toContain(text)
  })

  it('keeps headings in order: no level skipped going down', () => {
    const levels = [...guide().matchAll(/<h([1-6])[\s>]/g)].map((match) => Number(match[1]))
    expect(levels[0]).toBe(1)
    for (let index = 1; index < levels.length; index++) expect(levels[index]! - levels[index - 1]!).toBeLessThanOrEqual(1)
  })

  it('speaks English when the course does', () => {
    const html = guide('en-GB')
    expect(html).toContain('<html lang="en-GB">')
    expect(html).toContain('Facilitator notes')
    expect(html).toContain('Suggested timings')
    expect(html).toContain('In person: 5 min · Remote: 8 min')
    expect(html).toContain('<strong>Right answer:</strong> False')
    expect(html).toContain('Scenario: Le courriel')
    expect(html).toContain('Pass mark: 70% · Attempts: 1')
    expect(html).not.toMatch(/[a-z] :/)
  })

  it('escapes titles', () => {
    const module = makeModule({ title: 'A <b> & "c"' })
    expect(facilitatorGuide(module)).toContain('<h1>A &lt;b&gt; &amp; "c"</h1>')
  })
})

describe('content', () => {
  it('shifts headings so the highest is the given level', () => {
    expect(content('<h1>a</h1><h2 id="x">b</h2>', 3)).toBe('<h3>a</h3><h4 id="x">b</h4>')
    expect(content('<h4>a</h4>', 3)).toBe('<h3>a</h3>')
    expect(content('<h1>a</h1><h6>b</h6>', 5)).toBe('<h5>a</h5><h6>b</h6>')
    expect(content('<p>rien</p>', 3)).toBe('<p>rien</p>')
  })
})

describe('guide.css', () => {
  it('prints on A4 with 18 mm margins, a page per module page, 11pt type, links in full', () => {
    expect(GUIDE_CSS).toContain('@page { size: A4; margin: 18mm; }')
    expect(GUIDE_CSS).toContain('.guide-page { break-before: page; }')
    expect(GUIDE_CSS).toContain('font-size: 11pt')
    expect(GUIDE_CSS).toMatch(/a\[href\^="http"\]::after[^{]*\{ content: " \(" attr\(href\) "\)"/)
  })
})
