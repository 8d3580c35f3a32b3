import { formatDiagnostic, type QuizBlock } from '@cafes/core'
import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import { pageProcessor } from '../processor.js'
import { toDiagnostics } from '../report.js'

function compile(value: string) {
  const file = new VFile({ path: '/m/02-quiz.md', value: `# Quiz\n\n${value}` })
  const page = pageProcessor().processSync(file).result
  const quizzes = page.blocks.filter((block): block is QuizBlock => block.kind === 'quiz')
  return { page, quizzes, messages: toDiagnostics([file], '/m').map(formatDiagnostic) }
}

/** The first line of each message: place, severity, text, rule. */
function firstLines(messages: string[]): string[] {
  return messages.map((message) => message.split('\n')[0] ?? '')
}

describe('remarkCafesQuiz', () => {
  it('reads a quiz of questions: prompt, choices, feedback, explanation, type, weight', () => {
    const { page, quizzes, messages } = compile(
      [
        '::::quiz{#quiz-a title="Vérifiez" pass=70}',
        ':::question{#q-un}',
        'Quelle **bonne** réponse ?',
        '',
        '- [ ] Non',
        '  > Pas *celle-ci*.',
        '- [x] Oui',
        '',
        'Parce que.',
        ':::',
        '',
        ':::question{#q-deux multiple weight=2.5}',
        'Lesquelles ?',
        '',
        '- [x] A',
        '- [x] B',
        '- [ ] C',
        ':::',
        '::::',
      ].join('\n'),
    )
    expect(messages).toEqual([])
    expect(page.quizzes).toEqual([
      {
        id: 'quiz-a',
        title: 'Vérifiez',
        pass: 70,
        attempts: 1,
        shuffle: false,
        showCorrect: true,
        short: false,
        place: expect.anything(),
        idPlace: { line: 3, column: 10, offset: 17 },
        questions: [
          { id: 'q-un', idPlace: expect.objectContaining({ line: 4, column: 13 }), scored: true },
          { id: 'q-deux', idPlace: expect.objectContaining({ line: 14, column: 13 }), scored: true },
        ],
      },
    ])
    expect(quizzes).toEqual([
      {
        kind: 'quiz',
        quiz: 'quiz-a',
        questions: [
          {
            id: 'q-un',
            type: 'single',
            weight: 1,
            promptHtml: '<p>Quelle <strong>bonne</strong> réponse ?</p>',
            prompt: 'Quelle bonne réponse ?',
            choices: [
              { id: 'a', html: 'Non', text: 'Non', correct: false, feedbackHtml: '<p>Pas <em>celle-ci</em>.</p>' },
              { id: 'b', html: 'Oui', text: 'Oui', correct: true },
            ],
            explanationHtml: '<p>Parce que.</p>',
          },
          {
            id: 'q-deux',
            type: 'multiple',
            weight: 2.5,
            promptHtml: '<p>Lesquelles ?</p>',
            prompt: 'Lesquelles ?',
            choices: [
              { id: 'a', html: 'A', text: 'A', correct: true },
              { id: 'b', html: 'B', text: 'B', correct: true },
              { id: 'c', html: 'C', text: 'C', correct: false },
            ],
          },
        ],
      },
    ])
  })

  it('reads the short form: the quiz is its only question', () => {
    const { page, quizzes, messages } = compile(
      ':::quiz{#q-court pass=80 multiple}\nQuoi ?\n- [x] *Ceci*\n- [x] Cela\n- [ ] Rien\n:::',
    )
    expect(messages).toEqual([])
    expect(page.quizzes[0]).toMatchObject({ id: 'q-court', pass: 80, short: true, questions: [{ id: 'q-court' }] })
    expect(quizzes[0]?.questions[0]).toMatchObject({ id: 'q-court', type: 'multiple', prompt: 'Quoi ?' })
    expect(quizzes[0]?.questions[0]).toMatchObject({ choices: [{ html: '<em>Ceci</em>' }, {}, {}] })
  })

  it('names choices a to z and rejects a 27th', () => {
    const choices = Array.from({ length: 27 }, (_, index) => `- [${index === 0 ? 'x' : ' '}] Choix ${index + 1}`)
    const { quizzes, messages } = compile(`:::quiz{#q pass=50}\nQuestion ?\n\n${choices.join('\n')}\n:::`)
    expect(firstLines(messages)).toEqual([
      '02-quiz.md:32:1: error: Question `q` has 27 choices; LMS reports name them `a` to `z`, so 26 at most [question-too-many-choices]',
    ])
    const question = quizzes[0]?.questions[0]
    expect(question?.type === 'single' && question.choices.map((choice) => choice.id).join('')).toBe('abcdefghijklmnopqrstuvwxyz')
  })

  it('reports a single-choice question with two right answers on the second', () => {
    const { messages } = compile(':::quiz{#q pass=50}\nQuestion ?\n\n- [x] A\n- [ ] B\n- [x] C\n:::')
    expect(messages).toEqual([
      '02-quiz.md:8:1: error: Question `q` has 2 right answers, but it is single-choice [question-single-multiple-correct]\n' +
        '  hint: Add `multiple` to its attributes (`{#q multiple}`), or keep one `[x]`.',
    ])
  })

  it('reports a question without a right answer, and one without choices', () => {
    const { messages } = compile(
      '::::quiz{#quiz pass=50}\n:::question{#q-a}\nA ?\n\n- [ ] x\n- [ ] y\n:::\n:::question{#q-b}\nB ?\n:::\n::::',
    )
    expect(firstLines(messages)).toEqual([
      '02-quiz.md:7:1: error: Question `q-a` has no right answer [question-no-correct-answer]',
      '02-quiz.md:10:1: error: Question `q-b` has no list of choices [question-no-choices]',
    ])
  })

  it('reports ids: missing, invalid, too long', () => {
    const long = `q-${'x'.repeat(63)}`
    const { messages } = compile(
      `::::quiz{title=Sans}\n:::question{#Q1}\nA ?\n- [x] a\n- [ ] b\n:::\n:::question{#${long}}\nB ?\n- [x] a\n- [ ] b\n:::\n::::`,
    )
    expect(firstLines(messages)).toEqual([
      '02-quiz.md:3:1: error: This quiz has no id [quiz-missing-id]',
      '02-quiz.md:4:13: error: Question id `Q1` is not valid: use lower-case letters, digits and single hyphens, 64 characters at most [question-invalid-id]',
      `02-quiz.md:9:13: error: Question id \`${long}\` is not valid: use lower-case letters, digits and single hyphens, 64 characters at most [question-invalid-id]`,
    ])
  })

  it('reports attributes: pass mark, weight, multiple, unknown ones, labels', () => {
    const { messages } = compile(
      '::::quiz{#quiz pass=80% .joli}\n:::question[Étiquette]{#q weight=-1 multiple=2 ordre=1}\nA ?\n- [x] a\n- [ ] b\n:::\n::::',
    )
    expect(firstLines(messages)).toEqual([
      '02-quiz.md:3:16: error: `pass=80%` is not a pass mark: use a number from 0 to 100 [quiz-invalid-pass-mark]',
      '02-quiz.md:3:25: warning: `:::quiz` has no attribute `class`; it is ignored [directive-unknown-attribute]',
      '02-quiz.md:4:12: warning: The label `[Étiquette]` of `:::question` is ignored [directive-label-ignored]',
      '02-quiz.md:4:27: error: `weight=-1` is not a weight: use a number greater than 0 [question-invalid-weight]',
      '02-quiz.md:4:37: error: `multiple=2` is not valid: `multiple` takes no value [question-invalid-multiple]',
      '02-quiz.md:4:48: warning: `:::question` has no attribute `ordre`; it is ignored [directive-unknown-attribute]',
    ])
  })

  it('reports content beside questions, empty quizzes, unmarked and empty choices', () => {
    const { messages } = compile(
      [
        '::::quiz{#quiz pass=50}',
        'Intro.',
        '',
        ':::question{#q}',
        'A ?',
        '- [x] a',
        '- b',
        '- [ ] <span></span>',
        ':::',
        '::::',
        '',
        ':::quiz{#vide}',
        ':::',
      ].join('\n'),
    )
    expect(firstLines(messages)).toEqual([
      '02-quiz.md:4:1: error: A quiz that holds `:::question` blocks holds nothing else [quiz-unexpected-content]',
      '02-quiz.md:9:1: error: This choice has no `[x]` or `[ ]` box [question-choice-unmarked]',
      '02-quiz.md:10:1: error: This choice has no text [question-choice-empty]',
      '02-quiz.md:10:7: warning: Raw HTML is removed from pages: `<span>` [raw-html-removed]',
      '02-quiz.md:10:13: warning: Raw HTML is removed from pages: `</span>` [raw-html-removed]',
      '02-quiz.md:14:1: error: Quiz `vide` has no question [quiz-empty]',
    ])
  })

  it('rejects a quiz inside a quiz, and a question outside one', () => {
    const { messages } = compile(
      '::::quiz{#a pass=50}\n:::quiz{#b}\nQ ?\n- [x] a\n- [ ] b\n:::\n::::\n\n:::question{#c}\nQ ?\n- [x] a\n- [ ] b\n:::',
    )
    expect(firstLines(messages)).toEqual([
      '02-quiz.md:3:1: error: Quiz `a` has no question [quiz-empty]',
      '02-quiz.md:4:1: error: `:::quiz` must sit at the top level of a page, not inside a `:::quiz` [directive-misplaced]',
      '02-quiz.md:11:1: error: A `:::question` must sit directly inside a `::::quiz`, not inside the page [directive-misplaced]',
    ])
  })
})
