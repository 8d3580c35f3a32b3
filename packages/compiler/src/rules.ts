/**
 * Every diagnostic the compiler reports, as data (astro's error catalogue): one place for the wording.
 * Rule ids are permanent: tools, CI logs and authors' searches key on them. Never rename one.
 *
 * A message says what happened and why, in English, with no position and no "Error:" prefix.
 * A hint says what to do next.
 */
import { CALLOUT_KINDS, QUESTION_TYPES, defineRule as rule, type Rule } from '@cafes/core'

export type { Rule }

/** Container directives the format knows. */
export const KNOWN_DIRECTIVES: readonly string[] = [
  'quiz',
  'question',
  ...CALLOUT_KINDS,
  'scenario',
  'node',
  'defi',
  'audio',
  'video',
  'tabs',
  'tab',
  'accordion',
  'item',
  'cards',
  'card',
  'facilitator',
]

/** Containers that hold others: their children and where they may sit. */
export const CHILD_DIRECTIVES: Readonly<Record<string, string>> = { question: 'quiz', node: 'scenario', tab: 'tabs', item: 'accordion', card: 'cards' }

const knownDirectives = KNOWN_DIRECTIVES.map((name) => `\`:::${name}\``).join(', ')

export const rules = {
  // Finding modules.
  pathNotFound: rule({
    id: 'path-not-found',
    severity: 'error',
    message: ({ path }: { path: string }) => `\`${path}\` does not exist`,
    hint: 'Check the spelling; a relative path starts from the current folder.',
  }),
  noModuleFound: rule({
    id: 'no-module-found',
    severity: 'error',
    message: ({ path }: { path: string }) => `No module in \`${path}\`: a module is a folder that holds \`module.md\``,
    hint: 'Point to a module folder or a folder of modules, or create a module with `cafes new <folder>`.',
  }),
  moduleDuplicateId: rule({
    id: 'module-duplicate-id',
    severity: 'error',
    message: ({ id }: { id: string }) =>
      `Another module of this build already has the id \`${id}\`; LMSs key learner records on it`,
    hint: 'Give each module its own `id` in the front matter of its `module.md`, for example its folder name.',
  }),

  // Reading files.
  fileUnreadable: rule({
    id: 'file-unreadable',
    severity: 'error',
    message: ({ reason }: { reason: string }) => `This file cannot be read: ${reason}`,
    hint: 'Check that the file is a regular file you are allowed to read (`ls -l` shows its permissions), then build again.',
  }),
  fileInvalidUtf8: rule({
    id: 'file-invalid-utf8',
    severity: 'error',
    message: ({ byte }: { byte: string }) => `This file is not UTF-8: byte \`0x${byte}\` here starts no UTF-8 character`,
    hint: 'Save the file as UTF-8 (in your editor: "Save with encoding" → UTF-8); text exported from Word or Excel is often Windows-1252.',
  }),

  // Pages too big or too deep to parse in reasonable time (micromark is superlinear there).
  pageTooLarge: rule({
    id: 'page-too-large',
    severity: 'error',
    message: ({ count, limit }: { count: number; limit: number }) =>
      `This file has ${count} characters, more than the ${limit} a page may hold, so it is not compiled`,
    hint: 'Split it into several pages, one `.md` file each; a page learners read in one go is far shorter.',
  }),
  pageLineTooLong: rule({
    id: 'page-line-too-long',
    severity: 'error',
    message: ({ count, limit }: { count: number; limit: number }) =>
      `This line has ${count} characters, more than ${limit}, so the file is not compiled`,
    hint: 'Break it into paragraphs (a blank line between them) or shorter lines; a single line break inside a paragraph does not show.',
  }),
  pageTooDeeplyNested: rule({
    id: 'page-too-deeply-nested',
    severity: 'error',
    message: ({ depth, limit }: { depth: number; limit: number }) =>
      `Quotes, lists and blocks are nested ${depth} levels deep here, more than ${limit}, so the file is not compiled`,
    hint: 'Flatten the structure; if blocks are left open, close each `:::` block with a line of colons.',
  }),
  pageTooComplex: rule({
    id: 'page-too-complex',
    severity: 'error',
    message: ({ detail }: { detail: string }) => `This file is too complex to compile: ${detail}`,
    hint: 'Split it into several pages, or look for long runs of the same mark (`*`, `_`, `[`, `>`, `-`) and simplify them.',
  }),

  // Front matter of module.md.
  frontmatterMissing: rule({
    id: 'frontmatter-missing',
    severity: 'error',
    message: () => '`module.md` has no front matter, so the module has no id and no title',
    hint: 'Start `module.md` with a `---` line, then `id: my-module` and `title: My module` on their own lines, then `---`.',
  }),
  frontmatterInvalidYaml: rule({
    id: 'frontmatter-invalid-yaml',
    severity: 'error',
    message: ({ detail }: { detail: string }) => `The front matter is not valid YAML: ${detail}`,
    hint: 'Write one `key: value` per line; put quotes around a value that holds `: ` or starts with `#`, `[` or `{`.',
  }),
  frontmatterUnknownKey: rule({
    id: 'frontmatter-unknown-key',
    severity: 'error',
    message: ({ key }: { key: string; suggestion?: string; known: string }) => `Unknown front-matter key \`${key}\``,
    hint: ({ suggestion, known }) => (suggestion ? `Did you mean \`${suggestion}\`?` : `Known keys: ${known}.`),
  }),
  frontmatterMissingKey: rule({
    id: 'frontmatter-missing-key',
    severity: 'error',
    message: ({ key }: { key: string; example: string }) => `The front matter has no \`${key}\`, which is required`,
    hint: ({ example }) => `Add a line such as \`${example}\`.`,
  }),
  frontmatterInvalidValue: rule({
    id: 'frontmatter-invalid-value',
    severity: 'error',
    message: ({ key, expected, actual }: { key: string; expected: string; actual: string; example: string }) =>
      `\`${key}\` must be ${expected}, not ${actual}`,
    hint: ({ example }) => `For example: \`${example}\`.`,
  }),
  frontmatterOutsideModule: rule({
    id: 'frontmatter-outside-module',
    severity: 'warning',
    message: () => 'Only `module.md` has a front matter; this one is ignored',
    hint: 'Move these keys to the front matter of `module.md`, or delete the block.',
  }),
  completionNeedsQuestions: rule({
    id: 'completion-needs-questions',
    severity: 'error',
    message: ({ completion }: { completion: string }) =>
      `\`completion: ${completion}\` needs a score to pass, but the module has no scored questions`,
    hint: 'Use `completion: pages`, or add a quiz (likert and reflection questions are not scored).',
  }),
  passMarkUnused: rule({
    id: 'pass-mark-unused',
    severity: 'warning',
    message: () => '`passMark` is set, but the module has no scored questions',
    hint: 'Remove `passMark`, or add a quiz.',
  }),

  // cafes.config.yaml.
  configInvalidYaml: rule({
    id: 'config-invalid-yaml',
    severity: 'error',
    message: ({ detail }: { detail: string }) => `\`cafes.config.yaml\` is not valid YAML: ${detail}`,
    hint: 'Write one `key: value` per line; put quotes around a value that holds `: ` or starts with `#`, `[` or `{`.',
  }),
  configUnknownKey: rule({
    id: 'config-unknown-key',
    severity: 'error',
    message: ({ key }: { key: string; suggestion?: string; known: string }) =>
      `Unknown key \`${key}\` in \`cafes.config.yaml\``,
    hint: ({ suggestion, known }) => (suggestion ? `Did you mean \`${suggestion}\`?` : `Known keys here: ${known}.`),
  }),
  configMissingKey: rule({
    id: 'config-missing-key',
    severity: 'error',
    message: ({ key }: { key: string; example: string }) => `\`${key}\` is required in \`cafes.config.yaml\``,
    hint: ({ example }) => `Add it, for example \`${example}\`.`,
  }),
  configInvalidValue: rule({
    id: 'config-invalid-value',
    severity: 'error',
    message: ({ key, expected, actual }: { key: string; expected: string; actual: string; example: string }) =>
      `\`${key}\` must be ${expected}, not ${actual}`,
    hint: ({ example }) => `For example: \`${example}\`.`,
  }),

  // Pages.
  pageMissingTitle: rule({
    id: 'page-missing-title',
    severity: 'warning',
    message: ({ fallback }: { fallback: string }) =>
      `This page has no \`# Title\` heading, so the menu shows \`${fallback}\``,
    hint: 'Start the page with a level-1 heading, for example `# Introduction`.',
  }),
  pageDuplicateId: rule({
    id: 'page-duplicate-id',
    severity: 'error',
    message: ({ id }: { id: string }) =>
      `Another page already has the id \`${id}\` (a page id is its file name without the numeric prefix)`,
    hint: 'Rename one of the two files.',
  }),

  // Directives.
  directiveUnknown: rule({
    id: 'directive-unknown',
    severity: 'error',
    message: ({ name }: { name: string }) => `Unknown directive \`:::${name}\``,
    hint: `Known directives: ${knownDirectives}. To write colons at the start of a line, escape the first: \`\\:::\`.`,
  }),
  directiveMisplaced: rule({
    id: 'directive-misplaced',
    severity: 'error',
    message: ({ name, parent }: { name: string; parent: string }) =>
      name === 'question'
        ? `A \`:::question\` must sit directly inside a \`::::quiz\`, not inside ${parent}`
        : name in CHILD_DIRECTIVES
          ? `A \`:::${name}\` must sit directly inside a \`::::${CHILD_DIRECTIVES[name]}\`, not inside ${parent}`
          : `\`:::${name}\` must sit at the top level of a page, not inside ${parent}`,
    hint: ({ name }) =>
      name === 'question'
        ? 'Wrap the questions in `::::quiz{#my-quiz}` and `::::` (one more colon than the questions).'
        : name in CHILD_DIRECTIVES
          ? `Wrap them in \`::::${CHILD_DIRECTIVES[name]}\` and \`::::\` (one more colon than the blocks inside).`
          : name === 'quiz'
            ? 'Move it to the top level of the page; only a mini-défi may hold a quiz (`:::::defi`, one colon more than the quiz).'
            : 'Move it out of the enclosing block and remove its indentation.',
  }),
  directiveUnknownAttribute: rule({
    id: 'directive-unknown-attribute',
    severity: 'warning',
    message: ({ name, attribute, type }: { name: string; attribute: string; known: string; type?: string }) =>
      `\`:::${name}\`${type ? ` of type \`${type}\`` : ''} has no attribute \`${attribute}\`; it is ignored`,
    hint: ({ known }) => (known ? `Known attributes: ${known}.` : 'This directive takes no attributes.'),
  }),
  directiveLabelIgnored: rule({
    id: 'directive-label-ignored',
    severity: 'warning',
    message: ({ name, label }: { name: string; label: string }) => `The label \`[${label}]\` of \`:::${name}\` is ignored`,
    hint: ({ name }) =>
      name === 'quiz'
        ? 'Give the quiz a title with `title="…"` in its attributes.'
        : 'Write the question on the lines before its choices.',
  }),

  // Prose.
  rawHtmlRemoved: rule({
    id: 'raw-html-removed',
    severity: 'warning',
    message: ({ html }: { html: string }) => `Raw HTML is removed from pages: \`${html}\``,
    hint: 'Use Markdown (`**bold**`, `![text](assets/image.png)`) or a directive such as `:::tip` instead.',
  }),
  imageMissingAlt: rule({
    id: 'image-missing-alt',
    severity: 'error',
    message: ({ url }: { url: string }) =>
      `Image \`${url}\` has no alternative text, so screen-reader users cannot know what it shows`,
    hint: 'Describe the image between the brackets, e.g. `![Une tasse de café fumante](assets/tasse.svg)`.',
  }),

  // Files a page or the configuration references.
  assetExternal: rule({
    id: 'asset-external',
    severity: 'error',
    message: ({ url }: { url: string }) =>
      `\`${url}\` is not a file of the module; a package must not load anything from the network`,
    hint: 'Save the file in the module’s `assets/` folder and use its relative path, e.g. `assets/image.png`.',
  }),
  assetOutsideModule: rule({
    id: 'asset-outside-module',
    severity: 'error',
    message: ({ url, base }: { url: string; base: string }) => `\`${url}\` points outside ${base}`,
    hint: 'Copy the file into the `assets/` folder and use a relative path without `..`, e.g. `assets/image.png`.',
  }),
  assetNotFound: rule({
    id: 'asset-not-found',
    severity: 'error',
    message: ({ url, folder }: { url: string; base: string; folder: boolean }) =>
      folder ? `\`${url}\` is a folder, not a file` : `File \`${url}\` not found`,
    hint: ({ base }) => `Check the spelling and the case of the name; the path is relative to ${base}.`,
  }),
  assetNameClash: rule({
    id: 'asset-name-clash',
    severity: 'error',
    message: ({ url, path }: { url: string; path: string }) =>
      `\`${url}\` and another file would both be \`${path}\` in the package`,
    hint: 'Rename one of the two files: in a package, file names are lower-case ASCII.',
  }),

  // Quizzes and questions.
  quizMissingId: rule({
    id: 'quiz-missing-id',
    severity: 'error',
    message: () => 'This quiz has no id',
    hint: 'Add one, e.g. `::::quiz{#quiz-topic}`; LMS reports key on it, so choose it once and keep it.',
  }),
  quizInvalidId: rule({
    id: 'quiz-invalid-id',
    severity: 'error',
    message: ({ id }: { id: string }) =>
      `Quiz id \`${id}\` is not valid: use lower-case letters, digits and single hyphens, 64 characters at most`,
    hint: 'For example `#quiz-transparence`.',
  }),
  quizInvalidPassMark: rule({
    id: 'quiz-invalid-pass-mark',
    severity: 'error',
    message: ({ value }: { value: string }) => `\`pass=${value}\` is not a pass mark: use a number from 0 to 100`,
    hint: 'For example `pass=80`.',
  }),
  quizMissingPassMark: rule({
    id: 'quiz-missing-pass-mark',
    severity: 'error',
    message: ({ id }: { id: string }) => `Quiz \`${id}\` has no pass mark`,
    hint: 'Set `passMark: 80` in the front matter of `module.md`, or `pass=80` in the quiz’s attributes.',
  }),
  quizUnexpectedContent: rule({
    id: 'quiz-unexpected-content',
    severity: 'error',
    message: () => 'A quiz that holds `:::question` blocks holds nothing else',
    hint: 'Move this content into a question, or out of the quiz.',
  }),
  quizInvalidAttempts: rule({
    id: 'quiz-invalid-attempts',
    severity: 'error',
    message: ({ value }: { value: string }) => `\`attempts=${value}\` is not valid: use a whole number, 1 or more`,
    hint: 'For example `attempts=2` lets the learner retry a failed quiz once; the default is 1.',
  }),
  quizInvalidFlag: rule({
    id: 'quiz-invalid-flag',
    severity: 'error',
    message: ({ name, value }: { name: string; value: string }) =>
      `\`${name}=${value}\` is not valid: \`${name}\` is on or off`,
    hint: ({ name }) => `Write \`${name}\` alone to turn it on, \`${name}=false\` to turn it off.`,
  }),
  quizEmpty: rule({
    id: 'quiz-empty',
    severity: 'error',
    message: ({ id }: { id: string }) => `Quiz \`${id}\` has no question`,
    hint: 'Add `:::question{#q-topic}` blocks, or write a single question directly inside the quiz.',
  }),
  questionMissingId: rule({
    id: 'question-missing-id',
    severity: 'error',
    message: () => 'This question has no id',
    hint: 'Add one, e.g. `:::question{#q-topic}`; LMS reports key on it, so choose it once and keep it.',
  }),
  questionInvalidId: rule({
    id: 'question-invalid-id',
    severity: 'error',
    message: ({ id }: { id: string }) =>
      `Question id \`${id}\` is not valid: use lower-case letters, digits and single hyphens, 64 characters at most`,
    hint: 'For example `#q-definition`.',
  }),
  questionInvalidWeight: rule({
    id: 'question-invalid-weight',
    severity: 'error',
    message: ({ value }: { value: string }) => `\`weight=${value}\` is not a weight: use a number greater than 0`,
    hint: 'For example `weight=2`; the default is 1.',
  }),
  questionInvalidMultiple: rule({
    id: 'question-invalid-multiple',
    severity: 'error',
    message: ({ value }: { value: string }) => `\`multiple=${value}\` is not valid: \`multiple\` takes no value`,
    hint: 'Write `multiple` alone when several choices are right, or leave it out.',
  }),
  questionMissingPrompt: rule({
    id: 'question-missing-prompt',
    severity: 'error',
    message: ({ id, list }: { id: string; list?: string }) =>
      list ? `Question \`${id}\` has no text before its ${list}` : `Question \`${id}\` has no text`,
    hint: ({ list }) => (list ? `Write the question on the lines before the ${list}.` : 'Write the question inside the block.'),
  }),
  questionNoChoices: rule({
    id: 'question-no-choices',
    severity: 'error',
    message: ({ id }: { id: string }) => `Question \`${id}\` has no list of choices`,
    hint: 'After the question, list the choices: `- [x] a right answer`, `- [ ] a wrong answer`.',
  }),
  questionChoiceUnmarked: rule({
    id: 'question-choice-unmarked',
    severity: 'error',
    message: () => 'This choice has no `[x]` or `[ ]` box',
    hint: 'Start each choice with `- [x] ` when it is right, `- [ ] ` when it is wrong. The first list of a question holds its choices.',
  }),
  questionChoiceEmpty: rule({
    id: 'question-choice-empty',
    severity: 'error',
    message: () => 'This choice has no text',
    hint: 'Write the choice after its box, e.g. `- [ ] Une réponse`.',
  }),
  questionTooFewChoices: rule({
    id: 'question-too-few-choices',
    severity: 'error',
    message: ({ id, count }: { id: string; count: number }) =>
      `Question \`${id}\` has ${count} choice${count === 1 ? '' : 's'}; it needs at least 2`,
    hint: 'Add a wrong answer: `- [ ] …`.',
  }),
  questionTooManyChoices: rule({
    id: 'question-too-many-choices',
    severity: 'error',
    message: ({ id, count }: { id: string; count: number }) =>
      `Question \`${id}\` has ${count} choices; LMS reports name them \`a\` to \`z\`, so 26 at most`,
    hint: 'Split it into two questions.',
  }),
  questionNoCorrectAnswer: rule({
    id: 'question-no-correct-answer',
    severity: 'error',
    message: ({ id }: { id: string }) => `Question \`${id}\` has no right answer`,
    hint: 'Mark the right choice with `[x]`.',
  }),
  questionSingleMultipleCorrect: rule({
    id: 'question-single-multiple-correct',
    severity: 'error',
    message: ({ id, count }: { id: string; count: number }) =>
      `Question \`${id}\` has ${count} right answers, but it is single-choice`,
    hint: ({ id }) => `Add \`multiple\` to its attributes (\`{#${id} multiple}\`), or keep one \`[x]\`.`,
  }),
  questionUnknownType: rule({
    id: 'question-unknown-type',
    severity: 'error',
    message: ({ value }: { value: string }) => `\`type=${value}\` is not a question type`,
    hint: `Types: ${QUESTION_TYPES.map((type) => `\`${type}\``).join(', ')}; without \`type\`, a question is \`single\` (or \`multiple\` with the \`multiple\` flag).`,
  }),
  questionTypeConflict: rule({
    id: 'question-type-conflict',
    severity: 'error',
    message: () => '`multiple` contradicts `type=single`',
    hint: 'Keep `multiple` when several choices are right (or write `type=multiple`), else remove it.',
  }),
  questionInvalidFlag: rule({
    id: 'question-invalid-flag',
    severity: 'error',
    message: ({ name, value }: { name: string; value: string }) =>
      `\`${name}=${value}\` is not valid: \`${name}\` is on or off`,
    hint: ({ name }) => `Write \`${name}\` alone to turn it on, or leave it out.`,
  }),
  questionWeightIgnored: rule({
    id: 'question-weight-ignored',
    severity: 'warning',
    message: ({ type }: { type: string }) => `A \`${type}\` question is never scored, so its \`weight\` is ignored`,
    hint: 'Remove `weight`: the question counts for 0 in the score whatever it says.',
  }),
  questionInvalidMaxLength: rule({
    id: 'question-invalid-max-length',
    severity: 'error',
    message: ({ value, type, max }: { value: string; type: string; max: number; why: string }) =>
      `\`maxlength=${value}\` is not valid for a \`${type}\` question: use a whole number from 1 to ${max}`,
    hint: ({ why }) => why,
  }),
  questionMissingList: rule({
    id: 'question-missing-list',
    severity: 'error',
    message: ({ id, list }: { id: string; list: string; example: string }) => `Question \`${id}\` has no ${list}`,
    hint: ({ example }) => `After the question, write ${example}.`,
  }),
  questionUnexpectedList: rule({
    id: 'question-unexpected-list',
    severity: 'error',
    message: ({ type }: { type: string; hint: string }) => `A \`${type}\` question takes no list`,
    hint: ({ hint }) => hint,
  }),
  questionItemCheckbox: rule({
    id: 'question-item-checkbox',
    severity: 'error',
    message: ({ item }: { item: string }) => `${item} takes no \`[x]\` or \`[ ]\` box`,
    hint: 'Remove the `[x]` or `[ ]` and keep the text.',
  }),
  questionItemEmpty: rule({
    id: 'question-item-empty',
    severity: 'error',
    message: ({ item }: { item: string }) => `${item} has no text`,
    hint: 'Write its text, or remove the line.',
  }),
  questionItemFeedback: rule({
    id: 'question-item-feedback',
    severity: 'error',
    message: ({ type }: { type: string }) => `The items of a \`${type}\` question have no feedback of their own`,
    hint: 'Move the quote after the list, as `> [!correct]` or `> [!incorrect]` feedback, or into the explanation.',
  }),
  questionDuplicateItem: rule({
    id: 'question-duplicate-item',
    severity: 'error',
    message: ({ id, text }: { id: string; text: string }) => `Question \`${id}\` lists \`${text}\` twice`,
    hint: 'Learners could not tell the two apart: reword one, or remove it.',
  }),
  questionTooFewItems: rule({
    id: 'question-too-few-items',
    severity: 'error',
    message: ({ id, count, items, min }: { id: string; count: number; items: string; min: number; example: string }) =>
      `Question \`${id}\` has ${count} ${items}; it needs at least ${min}`,
    hint: ({ example }) => `Add one, e.g. \`${example}\`.`,
  }),
  questionTooManyItems: rule({
    id: 'question-too-many-items',
    severity: 'error',
    message: ({ id, count, items, max }: { id: string; count: number; items: string; max: number }) =>
      `Question \`${id}\` has ${count} ${items}; LMS reports name them ${max === 9 ? '`1` to `9`' : '`a` to `z`'}, so ${max} at most`,
    hint: 'Split it into two questions.',
  }),
  questionAnswerTooLong: rule({
    id: 'question-answer-too-long',
    severity: 'error',
    message: ({ answer, length, max }: { answer: string; length: number; max: number }) =>
      `The right answer \`${answer}\` has ${length} characters, more than \`maxlength=${max}\` lets the learner type`,
    hint: 'Raise `maxlength`, or shorten the answer.',
  }),
  questionTrueFalseItems: rule({
    id: 'question-true-false-items',
    severity: 'error',
    message: ({ id, count }: { id: string; count: number }) =>
      `True-false question \`${id}\` has ${count} item${count === 1 ? '' : 's'}; it needs exactly 2: true, then false`,
    hint: 'Write `- [x] Vrai` and `- [ ] Faux` when the statement is true, `- [ ] Vrai` and `- [x] Faux` when it is false.',
  }),
  questionTrueFalseAnswer: rule({
    id: 'question-true-false-answer',
    severity: 'error',
    message: ({ id, count }: { id: string; count: number }) =>
      `True-false question \`${id}\` has ${count} items marked \`[x]\`; exactly one must be`,
    hint: 'Mark the first item (true) with `[x]` when the statement is true, the second (false) when it is false.',
  }),
  questionNumericMissingAnswer: rule({
    id: 'question-numeric-missing-answer',
    severity: 'error',
    message: ({ id }: { id: string }) => `Numeric question \`${id}\` has no right answer`,
    hint: ({ id }) => `Add \`answer=42\` for an exact answer, or \`min=40 max=45\` for a range: \`{#${id || 'q-topic'} type=numeric answer=42}\`.`,
  }),
  questionNumericInvalidNumber: rule({
    id: 'question-numeric-invalid-number',
    severity: 'error',
    message: ({ name, value }: { name: string; value: string }) => `\`${name}=${value}\` is not a number`,
    hint: 'Write digits, with a point for decimals and an optional minus sign: `42`, `3.5`, `-10`.',
  }),
  questionNumericConflict: rule({
    id: 'question-numeric-conflict',
    severity: 'error',
    message: () => '`answer` and `min`/`max` cannot be used together',
    hint: 'Keep `answer=…` for an exact answer, or `min=… max=…` for a range.',
  }),
  questionNumericIncompleteRange: rule({
    id: 'question-numeric-incomplete-range',
    severity: 'error',
    message: ({ present, missing }: { present: string; missing: string }) =>
      `The range has \`${present}\` but no \`${missing}\``,
    hint: 'Give both ends, e.g. `min=40 max=45`, or an exact `answer=42`.',
  }),
  questionNumericEmptyRange: rule({
    id: 'question-numeric-empty-range',
    severity: 'error',
    message: ({ min, max }: { min: string; max: string }) => `\`min=${min}\` is greater than \`max=${max}\`: no answer can be right`,
    hint: 'Swap the two values.',
  }),
  questionMatchingMissingTarget: rule({
    id: 'question-matching-missing-target',
    severity: 'error',
    message: () => 'This matching item has no `->` and target',
    hint: 'Write each pair as `- Source -> Target` (or `→`), the arrow outside emphasis; `- -> Target` adds a target that matches no source.',
  }),
  questionMatchingItem: rule({
    id: 'question-matching-item',
    severity: 'error',
    message: () => 'A matching item is one line: `Source -> Target`',
    hint: 'Remove the extra paragraphs or lists from this item.',
  }),
  questionFeedbackDuplicate: rule({
    id: 'question-feedback-duplicate',
    severity: 'error',
    message: ({ kind }: { kind: string }) => `This question already has \`[!${kind}]\` feedback`,
    hint: 'Merge the two quotes into one.',
  }),
  questionFeedbackEmpty: rule({
    id: 'question-feedback-empty',
    severity: 'warning',
    message: ({ kind }: { kind: string }) => `The \`[!${kind}]\` feedback has no text; it is ignored`,
    hint: ({ kind }) => `Keep the text in the quote, each line starting with \`>\`: \`> [!${kind}]\`, then \`> Your feedback.\``,
  }),
  questionFeedbackMisplaced: rule({
    id: 'question-feedback-misplaced',
    severity: 'error',
    message: ({ kind }: { kind: string }) => `\`[!${kind}]\` feedback before the list would be shown as part of the question`,
    hint: 'Move the quote after the list.',
  }),
  questionFeedbackUnused: rule({
    id: 'question-feedback-unused',
    severity: 'warning',
    message: ({ kind, type }: { kind: string; type: string }) =>
      `A \`${type}\` question is never right or wrong, so its \`[!${kind}]\` feedback is never shown; it is ignored`,
    hint: 'Write what every learner should read after answering as the explanation: a paragraph after the list.',
  }),
  duplicateId: rule({
    id: 'duplicate-id',
    severity: 'error',
    message: ({ id }: { id: string }) =>
      `Another quiz, question or block of this module already has the id \`${id}\`; LMS reports key on it`,
    hint: 'Give each quiz, question, scenario, mini-défi, media, tabs and accordion its own id.',
  }),

  // Blocks: scenarios, mini-défis, media, tabs, accordions, cards, facilitator notes.
  blockMissingId: rule({
    id: 'block-missing-id',
    severity: 'error',
    message: ({ name }: { name: string; example: string }) => `This \`:::${name}\` has no id`,
    hint: ({ example }) => `Add one, e.g. \`${example}\`; saved progress and LMS reports key on it, so choose it once and keep it.`,
  }),
  blockInvalidId: rule({
    id: 'block-invalid-id',
    severity: 'error',
    message: ({ id }: { id: string }) =>
      `Id \`${id}\` is not valid: use lower-case letters, digits and single hyphens, 64 characters at most`,
    hint: 'For example `#scenario-reunion`.',
  }),
  blockMissingTitle: rule({
    id: 'block-missing-title',
    severity: 'error',
    message: ({ name }: { name: string; example: string }) => `This \`:::${name}\` has no title`,
    hint: ({ example }) => `Add one, e.g. \`${example}\`.`,
  }),
  blockInvalidValue: rule({
    id: 'block-invalid-value',
    severity: 'error',
    message: ({ name, value, expected }: { name: string; value: string; expected: string; example: string }) =>
      `\`${name}=${value}\` is not valid: use ${expected}`,
    hint: ({ example }) => `For example \`${example}\`.`,
  }),
  blockInvalidFlag: rule({
    id: 'block-invalid-flag',
    severity: 'error',
    message: ({ name, value }: { name: string; value: string }) =>
      `\`${name}=${value}\` is not valid: \`${name}\` is on or off`,
    hint: ({ name }) => `Write \`${name}\` alone to turn it on, or leave it out.`,
  }),
  blockUnexpectedContent: rule({
    id: 'block-unexpected-content',
    severity: 'error',
    message: ({ name, child }: { name: string; child: string }) =>
      `A \`::::${name}\` holds only \`:::${child}\` blocks`,
    hint: ({ child }) => `Move this content into a \`:::${child}\`, or out of the block.`,
  }),
  blockEmpty: rule({
    id: 'block-empty',
    severity: 'error',
    message: ({ name, child }: { name: string; child: string }) => `This \`::::${name}\` has no \`:::${child}\``,
    hint: ({ child }) => (child === 'node' ? 'Add `:::node{#start}` blocks inside it.' : `Add \`:::${child}[Title]\` blocks inside it.`),
  }),
  scenarioMissingNodeId: rule({
    id: 'scenario-node-missing-id',
    severity: 'error',
    message: () => 'This scenario node has no id',
    hint: 'Add one, e.g. `:::node{#accueil}`; choices lead to it with `[Choice](#accueil)`.',
  }),
  scenarioDuplicateNode: rule({
    id: 'scenario-duplicate-node',
    severity: 'error',
    message: ({ id }: { id: string }) => `Another node of this scenario already has the id \`${id}\``,
    hint: 'Give each node its own id.',
  }),
  scenarioTooManyNodes: rule({
    id: 'scenario-too-many-nodes',
    severity: 'error',
    message: ({ count }: { count: number }) =>
      `This scenario has ${count} nodes; the learner's path is stored one character per node, so 36 at most`,
    hint: 'Split it into two scenarios.',
  }),
  scenarioInvalidEnding: rule({
    id: 'scenario-invalid-ending',
    severity: 'error',
    message: ({ value }: { value: string }) => `\`ending=${value}\` is not an outcome`,
    hint: 'Write `ending=success`, `ending=neutral` or `ending=failure`.',
  }),
  scenarioEndingWithChoices: rule({
    id: 'scenario-ending-with-choices',
    severity: 'error',
    message: ({ id }: { id: string }) => `Node \`${id}\` is an ending but has choices`,
    hint: 'Remove the list of choices, or remove `ending=…`. A plain list in an ending must be followed by a paragraph.',
  }),
  scenarioDeadEnd: rule({
    id: 'scenario-dead-end',
    severity: 'warning',
    message: ({ id }: { id: string }) => `Node \`${id}\` has no choices and is not an ending: the learner is stuck there`,
    hint: 'End the node with a list of choices, `- [Choice](#next-node)`, or mark it `ending=success|neutral|failure`.',
  }),
  scenarioInvalidChoice: rule({
    id: 'scenario-invalid-choice',
    severity: 'error',
    message: () => 'A choice is a link to a node of the scenario, optionally followed by points',
    hint: 'Write `- [What the learner does](#next-node) (+2)`; a `>` quote under the item is its feedback.',
  }),
  scenarioUnknownTarget: rule({
    id: 'scenario-unknown-target',
    severity: 'error',
    message: ({ target }: { target: string }) => `This choice leads to \`#${target}\`, which is no node of this scenario`,
    hint: 'Check the spelling: the link names a node’s id, `[Choice](#node-id)`.',
  }),
  scenarioUnreachableNode: rule({
    id: 'scenario-unreachable-node',
    severity: 'warning',
    message: ({ id }: { id: string }) => `No choice leads to node \`${id}\`: learners never see it`,
    hint: 'Link to it from a choice, `[Choice](#' + 'node-id)`, or remove it. The first node is the start.',
  }),
  scenarioCycle: rule({
    id: 'scenario-cycle',
    severity: 'error',
    message: ({ path }: { path: string }) => `These choices go round in a circle: ${path}`,
    hint: 'A scenario moves forward only. To let learners retrace their steps, add `back` to the scenario: `::::scenario{#id back}`.',
  }),
  scenarioMissingPassMark: rule({
    id: 'scenario-missing-pass-mark',
    severity: 'error',
    message: ({ id }: { id: string }) => `Scenario \`${id}\` counts in the score, but the module has no pass mark`,
    hint: 'Set `passMark: 80` in the front matter of `module.md`, or write `weight=0` on the scenario so that it is not scored.',
  }),
  scenarioNoPoints: rule({
    id: 'scenario-no-points',
    severity: 'warning',
    message: ({ id }: { id: string }) => `Scenario \`${id}\` has a weight, but none of its choices earns points: it is not scored`,
    hint: 'Give points to the good choices, `[Choice](#next) (+1)`, or remove `weight` (a scenario without points is not scored).',
  }),
  scenarioNoEnding: rule({
    id: 'scenario-no-ending',
    severity: 'error',
    message: ({ id }: { id: string }) => `Scenario \`${id}\` has no ending`,
    hint: 'Mark at least one node as an ending: `:::node{#fin ending=success}`.',
  }),
  challengeMissingTask: rule({
    id: 'defi-missing-task',
    severity: 'error',
    message: () => 'This mini-défi has neither a checklist nor a quiz',
    hint: 'After the instructions, list what to do as `- [ ] …`, or add a `:::quiz` inside it (give the défi one more colon).',
  }),
  challengeCheckedItem: rule({
    id: 'defi-checked-item',
    severity: 'error',
    message: () => 'A checklist item starts unticked: `- [ ]`',
    hint: 'Write `- [ ] …`: the learner ticks it.',
  }),
  challengeTooManyItems: rule({
    id: 'defi-too-many-items',
    severity: 'error',
    message: ({ count }: { count: number }) => `This checklist has ${count} items; they are named \`a\` to \`z\`, so 26 at most`,
    hint: 'Split it into two mini-défis.',
  }),
  challengeUnexpectedContent: rule({
    id: 'defi-unexpected-content',
    severity: 'error',
    message: () => 'Nothing may follow the checklist or quiz of a mini-défi',
    hint: 'Move this content into the instructions, before the checklist or quiz, or after the défi.',
  }),
  mediaMissingSource: rule({
    id: 'media-missing-src',
    severity: 'error',
    message: ({ name }: { name: string }) => `This \`:::${name}\` has no \`src\``,
    hint: ({ name }) => `Name the file of the module to play: \`src=assets/${name === 'audio' ? 'episode.mp3' : 'video.webm'}\`.`,
  }),
  mediaUnsupportedType: rule({
    id: 'media-unsupported-type',
    severity: 'error',
    message: ({ url, name }: { url: string; name: string; known: string }) => `\`${url}\` is not a supported ${name} file`,
    hint: ({ known }) => `Use one of ${known}.`,
  }),
  mediaMissingTranscript: rule({
    id: 'media-missing-transcript',
    severity: 'error',
    message: () => 'This audio has no transcript: learners who cannot hear it need one',
    hint: 'Add `transcript=assets/episode.vtt` (timed, WebVTT) or `transcript=assets/episode.md` (Markdown).',
  }),
  mediaMissingCaptions: rule({
    id: 'media-missing-captions',
    severity: 'error',
    message: () => 'This video has no captions: learners who cannot hear it need them',
    hint: 'Add `captions=assets/video.vtt`, a WebVTT file.',
  }),
  mediaInvalidTranscript: rule({
    id: 'media-invalid-transcript',
    severity: 'error',
    message: ({ url, name }: { url: string; name: string }) =>
      name === 'captions' ? `Captions \`${url}\` must be a WebVTT \`.vtt\` file` : `Transcript \`${url}\` must be a \`.vtt\` or \`.md\` file`,
    hint: 'WebVTT files start with a `WEBVTT` line; a Markdown transcript is a `.md` file of the module.',
  }),
  mediaInvalidChapter: rule({
    id: 'media-invalid-chapter',
    severity: 'error',
    message: () => 'A chapter is a start time and a title: `- 01:30 Title`',
    hint: 'Write the time as `mm:ss` or `hh:mm:ss`, then the title; the content of an audio or video block is only this list.',
  }),
  webvttInvalid: rule({
    id: 'webvtt-invalid',
    severity: 'error',
    message: ({ detail }: { detail: string }) => `Invalid WebVTT: ${detail}`,
    hint: 'A WebVTT file starts with `WEBVTT`, then cues: an optional id line, `00:01.000 --> 00:04.000`, the text, a blank line.',
  }),
  facilitatorInvalidTiming: rule({
    id: 'facilitator-invalid-timing',
    severity: 'error',
    message: ({ name, value }: { name: string; value: string }) => `\`${name}=${value}\` is not a number of minutes`,
    hint: 'Write a whole number of minutes, e.g. `in-person=10 remote=8`.',
  }),
}

/** The text of the note that points at the first of two clashing definitions. */
export const FIRST_DEFINED_HERE = 'first defined here'
