import { formatDiagnostic, QUESTION_TYPES, type Question, type QuizBlock } from '@cafes/core'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { pageProcessor } from '../processor.js'
import { toDiagnostics } from '../report.js'
import { QUESTION_ATTRIBUTES, TYPE_ATTRIBUTES } from './read-question.js'

/** The questions of a page holding `value` after its title, and the first line of each message. */
function compile(value: string): { questions: Question[]; messages: string[] } {
  const file = new VFile({ path: '/m/01-page.md', value: `# Page\n\n${value}` })
  const page = pageProcessor().processSync(file).result
  const questions = page.blocks.flatMap((block) => (block.kind === 'quiz' ? (block as QuizBlock).questions : []))
  const messages = toDiagnostics([file], '/m').map((diagnostic) => formatDiagnostic(diagnostic).split('\n')[0] ?? '')
  return { questions, messages }
}

/** A short-form quiz with `attributes` and `body`. */
const quiz = (attributes: string, body: string) => compile(`:::quiz{#q pass=50 ${attributes}}\n${body}\n:::`)

describe('readQuestion', () => {
  it('knows every type of the model, and the attributes of each', () => {
    expect(Object.keys(TYPE_ATTRIBUTES)).toEqual([...QUESTION_TYPES])
    expect(QUESTION_ATTRIBUTES).toEqual([
      'id', 'type', 'weight', 'multiple', 'case-sensitive', 'accent-sensitive', 'maxlength', 'answer', 'min', 'max',
    ])
  })

  it('defaults to single, or multiple with the flag; type= picks any type', () => {
    expect(quiz('', 'A ?\n- [x] a\n- [ ] b').questions[0]?.type).toBe('single')
    expect(quiz('multiple', 'A ?\n- [x] a\n- [x] b').questions[0]?.type).toBe('multiple')
    expect(quiz('type=multiple', 'A ?\n- [x] a\n- [x] b').questions[0]?.type).toBe('multiple')
    expect(quiz('type=multiple multiple', 'A ?\n- [x] a\n- [x] b').messages).toEqual([])
  })

  it('reads a true-false question: the first item is true, the [x] marks the right one', () => {
    const { questions, messages } = quiz('type=true-false', 'Vrai ?\n\n- [ ] Oui\n- [x] Non\n  > Exact.')
    expect(messages).toEqual([])
    expect(questions[0]).toEqual({
      id: 'q', type: 'true-false', weight: 1, promptHtml: '<p>Vrai ?</p>', prompt: 'Vrai ?', answer: false, falseFeedbackHtml: '<p>Exact.</p>',
    })
  })

  it('reads a fill-in question: plain text answers, whitespace collapsed, flags and length', () => {
    const { questions, messages } = quiz('type=fill-in accent-sensitive maxlength=30', 'Qui ?\n\n- la   *CNIL*\n- CNIL')
    expect(messages).toEqual([])
    expect(questions[0]).toMatchObject({ accepted: ['la CNIL', 'CNIL'], caseSensitive: false, accentSensitive: true, maxLength: 30 })
    expect(quiz('type=fill-in', 'Qui ?\n\n- CNIL').questions[0]).toMatchObject({ maxLength: 100, caseSensitive: false })
    expect(quiz('type=fill-in maxlength=250', 'Qui ?\n\n- CNIL').messages).toEqual([])
    expect(quiz('type=fill-in maxlength=251', 'Qui ?\n\n- CNIL').messages).toEqual([
      '01-page.md:3:33: error: `maxlength=251` is not valid for a `fill-in` question: use a whole number from 1 to 250 [question-invalid-max-length]',
    ])
  })

  it('reads a numeric question: an exact answer is a range of one value', () => {
    expect(quiz('type=numeric answer=-3.5', 'Combien ?').questions[0]).toMatchObject({ min: -3.5, max: -3.5, maxLength: 20 })
    expect(quiz('type=numeric min=0 max=0.5 maxlength=5', 'Combien ?').questions[0]).toMatchObject({ min: 0, max: 0.5, maxLength: 5 })
    expect(quiz('type=numeric min=3 max=3', 'Combien ?').messages).toEqual([])
    expect(quiz('type=numeric max=3', 'Combien ?').messages).toEqual([
      '01-page.md:3:33: error: The range has `max` but no `min` [question-numeric-incomplete-range]',
    ])
  })

  it('reads a matching question: sources 1…9, targets a…z by first appearance, distractors, arrows in text only', () => {
    const { questions, messages } = quiz(
      'type=matching',
      'Associez.\n\n- `a -> b` → **Code**\n- Deux -> Une *cible*\n- -> Leurre\n- Trois ->   Une cible',
    )
    expect(messages).toEqual([])
    expect(questions[0]).toMatchObject({
      sources: [
        { id: '1', html: '<code>a -> b</code>', text: 'a -> b' },
        { id: '2', html: 'Deux', text: 'Deux' },
        { id: '3', html: 'Trois', text: 'Trois' },
      ],
      targets: [
        { id: 'a', html: '<strong>Code</strong>', text: 'Code' },
        { id: 'b', html: 'Une <em>cible</em>', text: 'Une cible' },
        { id: 'c', html: 'Leurre', text: 'Leurre' },
      ],
      pairs: [['1', 'a'], ['2', 'b'], ['3', 'b']],
    })
  })

  it('names at most 26 matching targets', () => {
    const items = Array.from({ length: 27 }, (_, index) => (index < 2 ? `- S${index} -> T${index}` : `- -> T${index}`))
    const { questions, messages } = quiz('type=matching', `Associez.\n\n${items.join('\n')}`)
    expect(messages).toEqual([
      '01-page.md:32:1: error: Question `q` has 27 targets; LMS reports name them `a` to `z`, so 26 at most [question-too-many-items]',
    ])
    expect(questions[0]?.type === 'matching' && questions[0].targets.at(-1)?.id).toBe('z')
  })

  it('reads sequencing steps and likert points a…z in authored order, from any list', () => {
    expect(quiz('type=sequencing', 'Ordre ?\n\n1. Un\n2. *Deux*').questions[0]).toMatchObject({
      steps: [{ id: 'a', text: 'Un' }, { id: 'b', html: '<em>Deux</em>', text: 'Deux' }],
    })
    expect(quiz('type=sequencing', 'Ordre ?\n\n- Un\n- Deux').messages).toEqual([])
    expect(quiz('type=likert', 'Avis ?\n\n- Non\n- Oui').questions[0]).toMatchObject({
      weight: 0,
      scale: [{ id: 'a', text: 'Non' }, { id: 'b', text: 'Oui' }],
    })
  })

  it('reads a reflection: weight 0, maxlength 500 by default, up to 4000', () => {
    expect(quiz('type=reflection', 'Et vous ?').questions[0]).toEqual({
      id: 'q', type: 'reflection', weight: 0, promptHtml: '<p>Et vous ?</p>', prompt: 'Et vous ?', maxLength: 500,
    })
    expect(quiz('type=reflection maxlength=4000', 'Et vous ?').questions[0]).toMatchObject({ maxLength: 4000 })
  })

  it('gives every type per-question feedback, but drops it from questions never right or wrong', () => {
    const feedback = '\n\n> [!correct] Oui.\n\n> [!incorrect] Non.'
    for (const [attributes, body] of [
      ['', 'A ?\n\n- [x] a\n- [ ] b'],
      ['type=true-false', 'A ?\n\n- [x] V\n- [ ] F'],
      ['type=fill-in', 'A ?\n\n- a'],
      ['type=numeric answer=1', 'A ?'],
      ['type=matching', 'A ?\n\n- 1 -> a\n- 2 -> b'],
      ['type=sequencing', 'A ?\n\n1. a\n2. b'],
    ]) {
      const { questions, messages } = quiz(attributes ?? '', `${body}${feedback}`)
      expect(messages, attributes).toEqual([])
      expect(questions[0], attributes).toMatchObject({ correctFeedbackHtml: '<p>Oui.</p>', incorrectFeedbackHtml: '<p>Non.</p>' })
    }
    const likert = quiz('type=likert', `A ?\n\n- a\n- b${feedback}`)
    expect(likert.questions[0]).not.toHaveProperty('correctFeedbackHtml')
    expect(likert.messages.map((message) => message.replace(/^.*\[/, '['))).toEqual([
      '[question-feedback-unused]',
      '[question-feedback-unused]',
    ])
  })

  it('names the type in warnings about attributes of other types', () => {
    expect(quiz('type=likert maxlength=3 couleur=bleu', 'A ?\n\n- a\n- b').messages).toEqual([
      '01-page.md:3:32: warning: `:::quiz` of type `likert` has no attribute `maxlength`; it is ignored [directive-unknown-attribute]',
      '01-page.md:3:44: warning: `:::quiz` has no attribute `couleur`; it is ignored [directive-unknown-attribute]',
    ])
  })
})
