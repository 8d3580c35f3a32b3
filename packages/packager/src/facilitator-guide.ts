/**
 * The facilitator edition: one static, printable session guide (`index.html` + `guide.css`)
 * with every page, its facilitator notes, the right answers, feedback and explanations, the
 * scenario maps and the suggested timings. No script: it opens from a file or any web server.
 */
import type {
  AccordionBlock,
  CalloutBlock,
  CardsBlock,
  ChallengeBlock,
  Course,
  CourseBlock,
  CoursePage,
  FacilitatorNoteBlock,
  MediaBlock,
  Question,
  QuizBlock,
  ScenarioBlock,
  TabsBlock,
} from '@cafes/core'
import type { CompiledModule } from '@cafes/compiler'
import { GUIDE_LABELS, guideLanguage, type GuideLabel, type GuideLanguage } from './facilitator-labels.js'

/** The guide's stylesheet, beside `index.html` in the zip. */
export const GUIDE_STYLESHEET = 'guide.css'

/** No script at all; images and media from the package only. */
export const GUIDE_CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data:; media-src 'self'; style-src 'self'; script-src 'none'; base-uri 'none'; form-action 'none'"

export type GuideModule = Pick<CompiledModule, 'course' | 'meta'>

interface Context {
  course: Course
  language: GuideLanguage
}

/** `index.html` of the facilitator edition. */
export function facilitatorGuide(module: GuideModule): string {
  const { course, meta } = module
  const context: Context = { course, language: guideLanguage(course.language || 'fr') }
  const t = (label: GuideLabel): string => GUIDE_LABELS[label][context.language]
  const description = course.description ?? meta.description
  const facts: string[] = []
  if (meta.duration !== undefined) facts.push(fact(t('duration'), `${meta.duration} ${t('minutes')}`))
  const session = sessionText(context)
  if (session) facts.push(fact(t('session'), session))
  facts.push(fact(t('version'), escapeHtml(course.version)))
  return [
    '<!doctype html>',
    `<html lang="${escapeAttribute(course.language || 'fr')}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${GUIDE_CONTENT_SECURITY_POLICY}">`,
    `<title>${escapeHtml(`${t('guide')} · ${course.title}`)}</title>`,
    `<link rel="stylesheet" href="${GUIDE_STYLESHEET}">`,
    '</head>',
    '<body>',
    '<header class="guide-header">',
    `<p class="guide-kicker">${t('guide')}</p>`,
    `<h1>${escapeHtml(course.title)}</h1>`,
    description ? `<p class="guide-description">${escapeHtml(description)}</p>` : '',
    `<dl class="guide-facts">${facts.join('')}</dl>`,
    '</header>',
    '<main>',
    meta.objectives.length > 0
      ? `<section class="guide-objectives" aria-labelledby="guide-objectives"><h2 id="guide-objectives">${t('objectives')}</h2><ul>${meta.objectives.map((objective) => `<li>${escapeHtml(objective)}</li>`).join('')}</ul></section>`
      : '',
    timingsSection(context),
    ...course.pages.map((page, index) => pageSection(page, index, context)),
    '</main>',
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n')
}

function fact(term: string, value: string): string {
  return `<div><dt>${escapeHtml(term)}</dt><dd>${value}</dd></div>`
}

/** Minutes of a page's notes, in person and remote; undefined where no note gives any. */
function pageTiming(page: CoursePage): { inPerson?: number; remote?: number } {
  const timing: { inPerson?: number; remote?: number } = {}
  for (const block of page.blocks) {
    if (block.kind !== 'facilitator' || !block.timing) continue
    for (const key of ['inPerson', 'remote'] as const) {
      const minutes = block.timing[key]
      if (minutes !== undefined) timing[key] = (timing[key] ?? 0) + minutes
    }
  }
  return timing
}

function sessionText(context: Context): string | undefined {
  const facilitation = context.course.facilitation
  if (!facilitation || (facilitation.inPerson === undefined && facilitation.remote === undefined)) return undefined
  const t = (label: GuideLabel): string => GUIDE_LABELS[label][context.language]
  const parts: string[] = []
  if (facilitation.inPerson !== undefined) parts.push(`${t('inPerson')} : ${facilitation.inPerson} ${t('minutes')}`)
  if (facilitation.remote !== undefined) parts.push(`${t('remote')} : ${facilitation.remote} ${t('minutes')}`)
  return escapeHtml(context.language === 'en' ? parts.join(', ').replace(/ :/g, ':') : parts.join(', '))
}

function timingsSection(context: Context): string {
  const t = (label: GuideLabel): string => GUIDE_LABELS[label][context.language]
  const { course } = context
  const minutes = (value: number | undefined): string => (value === undefined ? '—' : `${value} ${t('minutes')}`)
  const rows = course.pages.map((page, index) => {
    const timing = pageTiming(page)
    return `<tr><th scope="row"><a href="#${pageAnchor(page)}">${index + 1}. ${escapeHtml(page.title)}</a></th><td>${minutes(timing.inPerson)}</td><td>${minutes(timing.remote)}</td></tr>`
  })
  const sum = (key: 'inPerson' | 'remote'): number | undefined => {
    const values = course.pages.map((page) => pageTiming(page)[key]).filter((value): value is number => value !== undefined)
    return values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0)
  }
  const facilitation = course.facilitation
  const session =
    facilitation && (facilitation.inPerson !== undefined || facilitation.remote !== undefined)
      ? `<tr><th scope="row">${t('session')}</th><td>${minutes(facilitation.inPerson)}</td><td>${minutes(facilitation.remote)}</td></tr>`
      : ''
  return [
    '<section class="guide-timings" aria-labelledby="guide-timings">',
    `<h2 id="guide-timings">${t('timings')}</h2>`,
    '<table>',
    `<caption>${t('timingsCaption')}</caption>`,
    `<thead><tr><th scope="col">${t('page')}</th><th scope="col">${t('inPerson')}</th><th scope="col">${t('remote')}</th></tr></thead>`,
    `<tbody>${rows.join('')}</tbody>`,
    `<tfoot><tr><th scope="row">${t('total')}</th><td>${minutes(sum('inPerson'))}</td><td>${minutes(sum('remote'))}</td></tr>${session}</tfoot>`,
    '</table>',
    '</section>',
  ].join('\n')
}

function pageAnchor(page: CoursePage): string {
  return `page-${page.id}`
}

function pageSection(page: CoursePage, index: number, context: Context): string {
  const anchor = pageAnchor(page)
  const blocks = page.blocks.map((block, blockIndex) => {
    // The page's own title is the section heading: drop a leading `<h1>` that repeats it.
    if (blockIndex === 0 && block.kind === 'html') return content(block.html.replace(/^\s*<h1(?:\s[^>]*)?>[\s\S]*?<\/h1>\s*/, ''), 3)
    return blockHtml(block, page, blockIndex, context)
  })
  return [
    `<section class="guide-page" aria-labelledby="${anchor}">`,
    `<h2 id="${anchor}"><span class="guide-page-number">${GUIDE_LABELS.page[context.language]} ${index + 1}</span> ${escapeHtml(page.title)}</h2>`,
    ...blocks,
    '</section>',
  ].join('\n')
}

function blockHtml(block: CourseBlock, page: CoursePage, index: number, context: Context): string {
  switch (block.kind) {
    case 'html':
      return content(block.html, 3)
    case 'callout':
      return calloutHtml(block, context)
    case 'facilitator':
      return noteHtml(block, `${page.id}-${index}`, context)
    case 'quiz':
      return quizHtml(block, 3, context)
    case 'scenario':
      return scenarioHtml(block, context)
    case 'challenge':
      return challengeHtml(block, context)
    case 'media':
      return mediaHtml(block, context)
    case 'tabs':
      return panelsHtml('tabs', block.id, block.panels, context)
    case 'accordion':
      return panelsHtml('accordion', block.id, block.items, context)
    case 'cards':
      return panelsHtml('cards', undefined, block.cards, context)
  }
}

function label(context: Context, key: GuideLabel): string {
  return GUIDE_LABELS[key][context.language]
}

function calloutHtml(block: CalloutBlock, context: Context): string {
  const title = block.title ?? label(context, block.callout)
  return `<div class="guide-callout guide-callout-${block.callout}" role="note"><p class="guide-callout-title"><strong>${escapeHtml(title)}</strong></p>${content(block.html, 4)}</div>`
}

function noteHtml(block: FacilitatorNoteBlock, key: string, context: Context): string {
  const id = `note-${key}`
  const timing: string[] = []
  if (block.timing?.inPerson !== undefined) timing.push(`${label(context, 'inPerson')} : ${block.timing.inPerson} ${label(context, 'minutes')}`)
  if (block.timing?.remote !== undefined) timing.push(`${label(context, 'remote')} : ${block.timing.remote} ${label(context, 'minutes')}`)
  const timingText = context.language === 'en' ? timing.join(' · ').replace(/ :/g, ':') : timing.join(' · ')
  return [
    `<section class="guide-note" aria-labelledby="${id}">`,
    `<h3 id="${id}">${label(context, 'notes')}</h3>`,
    timingText ? `<p class="guide-note-timing">${escapeHtml(timingText)}</p>` : '',
    content(block.html, 4),
    '</section>',
  ]
    .filter((line) => line !== '')
    .join('\n')
}

function quizHtml(block: QuizBlock, level: number, context: Context): string {
  const quiz = context.course.quizzes.find((candidate) => candidate.id === block.quiz)
  const facts: string[] = []
  if (quiz && block.questions.some((question) => question.weight > 0)) {
    facts.push(`${label(context, 'passMark')} : ${quiz.passMark}${context.language === 'en' ? '' : ' '}%`, `${label(context, 'attempts')} : ${quiz.attempts}`)
  }
  const title = quiz?.title ? `${label(context, 'quiz')} : ${quiz.title}` : label(context, 'quiz')
  return [
    `<div class="guide-quiz">`,
    `<h${level}>${escapeHtml(context.language === 'en' ? title.replace(' :', ':') : title)}</h${level}>`,
    facts.length > 0 ? `<p class="guide-meta">${escapeHtml(fixColons(facts.join(' · '), context))}</p>` : '',
    ...block.questions.map((question, index) => questionHtml(question, index, level + 1, context)),
    '</div>',
  ]
    .filter((line) => line !== '')
    .join('\n')
}

function labelled(name: string, html: string, level: number): string {
  return `<div class="guide-labelled"><p class="guide-label">${escapeHtml(name)}</p>${content(html, level)}</div>`
}

function questionHtml(question: Question, index: number, level: number, context: Context): string {
  const t = (key: GuideLabel): string => label(context, key)
  const inner = Math.min(level + 1, 6)
  const parts: string[] = [
    `<div class="guide-question">`,
    `<h${level}>${t('question')} ${index + 1} <span class="guide-question-type">(${t(question.type)})</span></h${level}>`,
    content(question.promptHtml, inner),
  ]
  const colon = context.language === 'en' ? ':' : ' :'
  const right = (text: string): string => `<p class="guide-answer"><strong>${t('rightAnswer')}${colon}</strong> ${text}</p>`
  switch (question.type) {
    case 'single':
    case 'multiple':
      parts.push(
        `<ul class="guide-choices">${question.choices
          .map((choice) => {
            const mark = choice.correct
              ? `<strong class="guide-right">✔ ${t('rightAnswer')}</strong>`
              : `<span class="guide-wrong">✘ ${t('wrongAnswer')}</span>`
            const feedback = choice.feedbackHtml ? `<div class="guide-feedback">${content(choice.feedbackHtml, inner)}</div>` : ''
            return `<li class="${choice.correct ? 'guide-choice-right' : 'guide-choice-wrong'}"><span class="guide-choice">${choice.html}</span> ${mark}${feedback}</li>`
          })
          .join('')}</ul>`,
      )
      break
    case 'true-false':
      parts.push(right(t(question.answer ? 'true' : 'false')))
      if (question.trueFeedbackHtml) parts.push(labelled(t('ifTrue'), question.trueFeedbackHtml, inner))
      if (question.falseFeedbackHtml) parts.push(labelled(t('ifFalse'), question.falseFeedbackHtml, inner))
      break
    case 'fill-in': {
      const rules = [t(question.caseSensitive ? 'caseSensitive' : 'caseInsensitive'), t(question.accentSensitive ? 'accentSensitive' : 'accentInsensitive')]
      parts.push(
        `<p class="guide-answer"><strong>${t('rightAnswers')}${colon}</strong> ${question.accepted.map((text) => (context.language === 'en' ? `“${escapeHtml(text)}”` : `« ${escapeHtml(text)} »`)).join(', ')} (${rules.join(', ')})</p>`,
      )
      break
    }
    case 'numeric':
      parts.push(
        right(
          question.min === question.max
            ? escapeHtml(String(question.min))
            : `${t('between')} ${escapeHtml(String(question.min))} ${t('and')} ${escapeHtml(String(question.max))}`,
        ),
      )
      break
    case 'matching': {
      const source = (id: string): string => question.sources.find((option) => option.id === id)?.html ?? escapeHtml(id)
      const target = (id: string): string => question.targets.find((option) => option.id === id)?.html ?? escapeHtml(id)
      parts.push(
        `<table class="guide-matching"><caption>${t('rightAnswer')}</caption><thead><tr><th scope="col">${t('source')}</th><th scope="col">${t('target')}</th></tr></thead><tbody>${question.pairs
          .map(([sourceId, targetId]) => `<tr><th scope="row">${source(sourceId)}</th><td>${target(targetId)}</td></tr>`)
          .join('')}</tbody></table>`,
      )
      break
    }
    case 'sequencing':
      parts.push(`<p class="guide-label">${t('rightOrder')}</p><ol class="guide-steps">${question.steps.map((step) => `<li>${step.html}</li>`).join('')}</ol>`)
      break
    case 'likert':
      parts.push(`<p class="guide-label">${t('scale')}</p><ul class="guide-scale">${question.scale.map((point) => `<li>${point.html}</li>`).join('')}</ul>`)
      parts.push(`<p class="guide-answer">${t('noRightAnswer')}</p>`)
      break
    case 'reflection':
      parts.push(`<p class="guide-answer">${t('freeAnswer')}</p>`)
      break
  }
  if (question.correctFeedbackHtml) parts.push(labelled(t('ifRight'), question.correctFeedbackHtml, inner))
  if (question.incorrectFeedbackHtml) parts.push(labelled(t('ifWrong'), question.incorrectFeedbackHtml, inner))
  if (question.explanationHtml) parts.push(labelled(t('explanation'), question.explanationHtml, inner))
  parts.push('</div>')
  return parts.join('\n')
}

function nodeAnchor(block: ScenarioBlock, nodeId: string): string {
  return `scenario-${block.id}-${nodeId}`
}

function scenarioHtml(block: ScenarioBlock, context: Context): string {
  const t = (key: GuideLabel): string => label(context, key)
  const nodeName = (id: string): string => {
    const node = block.nodes.find((candidate) => candidate.id === id)
    return escapeHtml(node?.title ?? id)
  }
  const points = (value: number): string => `${value} ${t(value === 1 || value === 0 ? 'point' : 'points')}`
  const title = block.title ? `${t('scenario')} : ${block.title}` : t('scenario')
  const facts = [
    `${t('start')} : ${nodeName(block.start)}`,
    `${t('maxPoints')} : ${block.maxPoints}`,
    t(block.allowBack ? 'backAllowed' : 'backNotAllowed'),
  ]
  const nodes = block.nodes.map((node) => {
    const ending = node.ending ? ` <span class="guide-ending guide-ending-${node.ending.outcome}">${t('ending')} (${t(node.ending.outcome)})</span>` : ''
    const start = node.id === block.start ? ` <span class="guide-start">${t('start')}</span>` : ''
    const choices = node.choices.map((choice) => {
      const feedback = choice.feedbackHtml ? `<div class="guide-feedback">${content(choice.feedbackHtml, 6)}</div>` : ''
      return `<li><span class="guide-choice">${choice.html}</span> → ${t('leadsTo')} <a href="#${nodeAnchor(block, choice.target)}">${nodeName(choice.target)}</a> (${points(choice.points)})${feedback}</li>`
    })
    return [
      `<li class="guide-node${node.ending ? ' guide-node-ending' : ''}" id="${nodeAnchor(block, node.id)}">`,
      `<h5>${nodeName(node.id)}${start}${ending}</h5>`,
      content(node.html, 6),
      choices.length > 0 ? `<ul class="guide-node-choices">${choices.join('')}</ul>` : '',
      '</li>',
    ]
      .filter((line) => line !== '')
      .join('')
  })
  return [
    '<section class="guide-scenario" aria-labelledby="' + `scenario-${block.id}` + '">',
    `<h3 id="scenario-${block.id}">${escapeHtml(fixColons(title, context))}</h3>`,
    `<p class="guide-meta">${fixColons(facts.join(' · '), context)}</p>`,
    `<h4>${t('scenarioMap')}</h4>`,
    `<ol class="guide-map">${nodes.join('\n')}</ol>`,
    '</section>',
  ].join('\n')
}

function challengeHtml(block: ChallengeBlock, context: Context): string {
  const t = (key: GuideLabel): string => label(context, key)
  const parts = [
    `<section class="guide-challenge" aria-labelledby="challenge-${block.id}">`,
    `<h3 id="challenge-${block.id}">${escapeHtml(fixColons(`${t('challenge')} : ${block.title}`, context))}</h3>`,
  ]
  if (block.timeLimit !== undefined) parts.push(`<p class="guide-meta">${fixColons(`${t('timeLimit')} : ${formatDuration(block.timeLimit)}`, context)}</p>`)
  parts.push(`<h4>${t('instructions')}</h4>`, content(block.instructionsHtml, 5))
  if (block.checklist.length > 0) {
    parts.push(`<h4>${t('checklist')}</h4>`, `<ul class="guide-checklist">${block.checklist.map((item) => `<li>${item.html}</li>`).join('')}</ul>`)
  }
  if (block.quiz) parts.push(quizHtml(block.quiz, 4, context))
  parts.push('</section>')
  return parts.join('\n')
}

function mediaHtml(block: MediaBlock, context: Context): string {
  const t = (key: GuideLabel): string => label(context, key)
  const parts = [
    `<section class="guide-media" aria-labelledby="media-${block.id}">`,
    `<h3 id="media-${block.id}">${escapeHtml(fixColons(`${t(block.media)} : ${block.title}`, context))}</h3>`,
    `<p class="guide-meta">${fixColons(`${t('file')} : <a href="${escapeAttribute(block.src)}">${escapeHtml(block.src)}</a>`, context)}${block.required ? ` · ${t('required')}` : ''}</p>`,
  ]
  if (block.chapters.length > 0) {
    parts.push(
      `<h4>${t('chapters')}</h4>`,
      `<table class="guide-chapters"><thead><tr><th scope="col">${t('time')}</th><th scope="col">${t('chapter')}</th></tr></thead><tbody>${block.chapters
        .map((chapter) => `<tr><td>${formatClock(chapter.start)}</td><td>${escapeHtml(chapter.title)}</td></tr>`)
        .join('')}</tbody></table>`,
    )
  }
  if (block.cues.length > 0 || block.transcriptHtml) {
    parts.push(`<h4>${t('transcript')}</h4>`)
    if (block.cues.length > 0) {
      parts.push(
        `<div class="guide-transcript">${block.cues.map((cue) => `<p><span class="guide-time">${formatClock(cue.start)}</span> ${escapeHtml(cue.text)}</p>`).join('')}</div>`,
      )
    } else if (block.transcriptHtml) {
      parts.push(`<div class="guide-transcript">${content(block.transcriptHtml, 5)}</div>`)
    }
  }
  parts.push('</section>')
  return parts.join('\n')
}

function panelsHtml(
  kind: 'tabs' | 'accordion' | 'cards',
  id: string | undefined,
  panels: TabsBlock['panels'] | AccordionBlock['items'] | CardsBlock['cards'],
  context: Context,
): string {
  return [
    `<div class="guide-panels guide-${kind}"${id ? ` id="${escapeAttribute(`${kind}-${id}`)}"` : ''}>`,
    `<p class="guide-label">${label(context, kind)}</p>`,
    ...panels.map((panel) => `<div class="guide-panel"><h3>${escapeHtml(panel.title)}</h3>${content(panel.html, 4)}</div>`),
    '</div>',
  ].join('\n')
}

/** French puts a space before a colon; English does not. */
function fixColons(text: string, context: Context): string {
  return context.language === 'en' ? text.replace(/ :/g, ':') : text
}

/**
 * Sanitised HTML from the compiler, fitted into the guide: its headings shifted so the
 * highest becomes `<h{top}>` (never above h6), and images loaded at once (a lazy image
 * may be missing from a printout).
 */
export function content(html: string, top: number): string {
  const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((match) => Number(match[1]))
  const shift = levels.length === 0 ? 0 : top - Math.min(...levels)
  const shifted =
    shift === 0
      ? html
      : html.replace(/<(\/?)h([1-6])([\s>])/g, (_, slash: string, level: string, after: string) => `<${slash}h${Math.min(6, Math.max(1, Number(level) + shift))}${after}`)
  return shifted.replace(/\sloading="lazy"/g, '')
}

function formatClock(seconds: number): string {
  const whole = Math.floor(seconds)
  const hours = Math.floor(whole / 3600)
  const minutes = Math.floor((whole % 3600) / 60)
  const rest = whole % 60
  const pad = (value: number): string => String(value).padStart(2, '0')
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(rest)}` : `${pad(minutes)}:${pad(rest)}`
}

function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`
  const minutes = Math.floor(seconds / 60)
  const rest = seconds % 60
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function escapeAttribute(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;')
}
