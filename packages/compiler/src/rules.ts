/**
 * Every diagnostic the compiler reports, as data (astro's error catalogue): one place for the wording.
 * Rule ids are permanent: tools, CI logs and authors' searches key on them. Never rename one.
 *
 * A message says what happened and why, in English, with no position and no "Error:" prefix.
 * A hint says what to do next.
 */
import { CALLOUT_KINDS } from '@cafes/core'

export interface Rule<Args> {
  /** Permanent, kebab-case `<subject>-<problem>`. */
  id: string
  /** Errors fail the build and are never downgraded. */
  severity: 'error' | 'warning'
  message: (args: Args) => string
  hint?: string | ((args: Args) => string)
}

/** Infers `Args` from `message`, so that `hint` is typed too. */
function rule<Args>(definition: Rule<Args>): Rule<Args> {
  return definition
}

/** Container directives the format knows. */
export const KNOWN_DIRECTIVES: readonly string[] = ['quiz', 'question', ...CALLOUT_KINDS]

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
      `\`completion: ${completion}\` needs a score to pass, but the module has no questions`,
    hint: 'Use `completion: pages`, or add a quiz.',
  }),
  passMarkUnused: rule({
    id: 'pass-mark-unused',
    severity: 'warning',
    message: () => '`passMark` is set, but the module has no questions to score',
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
        : `\`:::${name}\` must sit at the top level of a page, not inside ${parent}`,
    hint: ({ name }) =>
      name === 'question'
        ? 'Wrap the questions in `::::quiz{#my-quiz}` and `::::` (one more colon than the questions).'
        : 'Move it out of the enclosing block and remove its indentation.',
  }),
  directiveUnknownAttribute: rule({
    id: 'directive-unknown-attribute',
    severity: 'warning',
    message: ({ name, attribute }: { name: string; attribute: string; known: string }) =>
      `\`:::${name}\` has no attribute \`${attribute}\`; it is ignored`,
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
    message: ({ id }: { id: string }) => `Question \`${id}\` has no text before its choices`,
    hint: 'Write the question on the lines before the list of choices.',
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
  duplicateId: rule({
    id: 'duplicate-id',
    severity: 'error',
    message: ({ id }: { id: string }) =>
      `Another quiz or question of this module already has the id \`${id}\`; LMS reports key on it`,
    hint: 'Give each quiz and each question its own id.',
  }),
}

/** The text of the note that points at the first of two clashing definitions. */
export const FIRST_DEFINED_HERE = 'first defined here'
