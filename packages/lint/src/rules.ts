/**
 * Every finding `cafes lint` adds to the compiler's, as data (astro's error catalogue): one place for
 * the wording. Rule ids are permanent (`lint/<subject>-<problem>`): CI logs and authors' searches key on
 * them. Never rename one.
 *
 * A message says what happened and why, in English, with no position and no "Error:" prefix; a hint
 * says what to do next. What the compiler already reports (missing alt text, audio without a
 * transcript, video without captions, unreachable scenario nodes and dead ends, quizzes without a
 * pass mark) is not repeated here: `cafes lint` prints the compiler's diagnostics as they are.
 */
import { ruleDiagnostic, type Diagnostic, type DiagnosticNote, type Rule } from '@cafes/core'

/** A lint rule always says what to do: its hint is required. */
export interface LintRule<Args> extends Rule<Args> {
  /** Permanent: `lint/<subject>-<problem>`. */
  id: string
  hint: string | ((args: Args) => string)
}

/** Infers `Args` from `message`, so that `hint` is typed too. */
function rule<Args>(definition: LintRule<Args>): LintRule<Args> {
  return definition
}

const list = (items: readonly string[]) => items.map((item) => `\`${item}\``).join(', ')

/** The rules of `cafes lint`, by subject: accessibility, pedagogy, package limits. */
export const LINT_RULES = {
  // Accessibility (WCAG 2.1 AA / RGAA 4.1).
  imageAltUninformative: rule({
    id: 'lint/image-alt-uninformative',
    severity: 'warning',
    message: ({ alt }: { alt: string }) =>
      `The alternative text \`${alt}\` is a file name or a generic word: a screen reader reads it, and says nothing of what the image shows`,
    hint: 'Describe what the image shows or means in a short sentence, e.g. `![Une tasse de café fumante](assets/tasse.svg)`.',
  }),
  mediaTranscriptEmpty: rule({
    id: 'lint/media-transcript-empty',
    severity: 'warning',
    message: ({ media, url }: { media: 'audio' | 'video'; url: string }) =>
      media === 'audio'
        ? `The transcript \`${url}\` has no text: learners who cannot hear the audio get nothing`
        : `The captions \`${url}\` hold no cue: learners who cannot hear the video get nothing`,
    hint: ({ media }) =>
      media === 'audio'
        ? 'Write what is said in the file: WebVTT cues (`00:01.000 --> 00:04.000`, then the text) or Markdown paragraphs.'
        : 'Write what is said in WebVTT cues: `00:01.000 --> 00:04.000`, then the text, then a blank line.',
  }),
  headingLevelSkipped: rule({
    id: 'lint/heading-level-skipped',
    severity: 'warning',
    message: ({ depth, previous }: { depth: number; previous: number }) =>
      `This level-${depth} heading follows a level-${previous} heading: screen-reader users, who move from heading to heading, think a section is missing`,
    hint: ({ previous }) => `Use \`${'#'.repeat(previous + 1)}\` here, or add the level between them.`,
  }),
  linkTextVague: rule({
    id: 'lint/link-text-vague',
    severity: 'warning',
    message: ({ text }: { text: string }) =>
      text === ''
        ? 'This link has no text: a screen reader announces only "link"'
        : `The link text \`${text}\` does not say where the link goes; screen-reader users often list the links of a page out of their sentences`,
    hint: 'Name the destination in the link itself, e.g. `[le guide de la CNIL sur l’IA](…)` rather than `[cliquez ici](…)`.',
  }),
  colourOnlyCue: rule({
    id: 'lint/colour-only-cue',
    severity: 'warning',
    message: ({ text }: { text: string }) =>
      `\`${text}\` points at something by its colour alone; learners who do not see colours, or hear the page, cannot find it`,
    hint: 'Name it another way as well: its label, an icon, its place or a text style (« le bouton Valider », « les mots en gras »).',
  }),

  // Pedagogy.
  questionMissingFeedback: rule({
    id: 'lint/question-missing-feedback',
    severity: 'warning',
    message: ({ id }: { id: string }) =>
      `Question \`${id}\` has no feedback: after answering, learners see right or wrong but never why`,
    hint: 'Add an explanation (a paragraph after the list), a `> [!correct]` / `> [!incorrect]` quote, or a `>` quote under each choice.',
  }),
  completionMissingPassMark: rule({
    id: 'lint/completion-missing-pass-mark',
    severity: 'warning',
    message: ({ completion, marks }: { completion: string; marks: string }) =>
      `\`completion: ${completion}\` needs a pass mark, but the module has none: its quizzes set different ones (${marks}), so the LMS gets no mastery score and each quiz decides alone`,
    hint: 'Set the module’s own pass mark in the front matter of `module.md`, e.g. `passMark: 80`.',
  }),
  pageTooLong: rule({
    id: 'lint/page-too-long',
    severity: 'warning',
    message: ({ words, median }: { words: number; median: number }) =>
      `This page has ${words} words, over 3 times the ${median} of a typical page of the module: learners lose their way in long pages, and on a phone they scroll a long time`,
    hint: 'Split it into two pages (a new `NN-name.md` file), or move details into `::::accordion` or `::::tabs`.',
  }),
  durationMismatch: rule({
    id: 'lint/duration-mismatch',
    severity: 'warning',
    message: ({ declared, estimated, detail }: { declared: number; estimated: number; detail: string }) =>
      `\`duration: ${declared}\` is far from the ${estimated} minute${estimated === 1 ? '' : 's'} the module takes by estimate (${detail}); LMS catalogues show the declared duration to learners`,
    hint: ({ estimated }) =>
      `Set \`duration: ${estimated}\` (or the time you measured with a learner), or adjust the content; a duration within half to twice the estimate passes.`,
  }),

  // Package limits (STANDARDS §2.5–2.6, LMS-PROFILES B15, B20 and §3.1).
  stateTooLarge: rule({
    id: 'lint/state-too-large',
    severity: 'error',
    message: ({ length, limit, edition }: { length: number; limit: number; edition: string }) =>
      `The learner's saved state can reach ${length} characters, over the ${limit} that ${edition} keeps in \`suspend_data\`: the build refuses this module`,
    hint: 'Lower `maxlength` on reflection and fill-in questions (each character may take 3), remove choices or questions, or split the module.',
  }),
  stateNearLimit: rule({
    id: 'lint/state-near-limit',
    severity: 'warning',
    message: ({ length, limit, edition, share }: { length: number; limit: number; edition: string; share: number }) =>
      `The learner's saved state can reach ${length} characters, ${share} % of the ${limit} that ${edition} keeps in \`suspend_data\`; a few more questions will not fit`,
    hint: 'Lower `maxlength` on reflection and fill-in questions (each character may take 3), or plan to split the module.',
  }),
  interactionDescriptionCut: rule({
    id: 'lint/interaction-description-cut',
    severity: 'warning',
    message: ({ id, length, limit }: { id: string; length: number; limit: number }) =>
      `The text of \`${id}\` has ${length} characters; SCORM 2004 LMS reports show only the first ${limit} (\`cmi.interactions.n.description\`)`,
    hint: 'Put the case or context in a paragraph before the quiz, and keep the question itself short.',
  }),
  scenarioPathCut: rule({
    id: 'lint/scenario-path-cut',
    severity: 'warning',
    message: ({ id, length, limit, edition }: { id: string; length: number; limit: number; edition: string }) =>
      `The longest path through scenario \`${id}\` is ${length} characters of node ids; ${edition} LMS reports keep ${limit}, so they show it cut`,
    hint: 'Give the nodes shorter ids (`#debut`, `#relecture`…), or fewer steps.',
  }),
  assetNameNotAscii: rule({
    id: 'lint/asset-name-not-ascii',
    severity: 'warning',
    message: ({ url, packagePath }: { url: string; packagePath: string }) =>
      `\`${url}\` has accents, spaces or other non-ASCII characters, which some LMSs and zip tools break; the package calls it \`${packagePath}\``,
    hint: ({ packagePath }) => `Rename the file to \`${packagePath.split('/').pop() ?? packagePath}\` and update the link, so that the module and the package agree.`,
  }),
  packageTooManyFiles: rule({
    id: 'lint/package-too-many-files',
    severity: 'warning',
    message: ({ count, limit, refusedBy }: { count: number; limit: number; refusedBy: string }) =>
      `The package will hold about ${count} files; LMSs may refuse more than ${limit}${refusedBy}`,
    hint: 'Remove unused assets, or split the module.',
  }),
  packageTooLarge: rule({
    id: 'lint/package-too-large',
    severity: 'warning',
    message: ({ size, limit, refusedBy }: { size: string; limit: string; refusedBy: string }) =>
      `The module's files weigh ${size}; LMSs may refuse packages over ${limit}${refusedBy}`,
    hint: 'Compress large media (a minute of speech in MP3 at 64 kbit/s is about 0.5 MB), or split the module.',
  }),
  mediaFormatRisky: rule({
    id: 'lint/media-format-risky',
    severity: 'warning',
    message: ({ url, why }: { url: string; why: string; safe: readonly string[] }) => `\`${url}\`: ${why}`,
    hint: ({ safe }) => `Convert it to ${list(safe)}, which every current browser plays.`,
  }),

  // The linter itself.
  ruleFailed: rule({
    id: 'lint/rule-failed',
    severity: 'error',
    message: ({ rule, reason }: { rule: string; reason: string }) => `The lint rule \`${rule}\` could not check this module: ${reason}`,
    hint: 'This is a bug in cafes: please report it with the module.',
  }),
}

/** A place in a file: absolute path, 1-based line and column. */
export interface LintPlace {
  file: string
  line?: number
  column?: number
}

/** A lint diagnostic from a rule, its arguments and a place (`file` already relative to the cwd). */
export function lintDiagnostic<Args>(rule: LintRule<Args>, args: Args, place: LintPlace, notes?: DiagnosticNote[]): Diagnostic {
  const at = place.line === undefined ? { file: place.file } : { file: place.file, line: place.line, column: place.column ?? 1 }
  return ruleDiagnostic(rule, args, at, 'lint', notes ? { notes } : {})
}
