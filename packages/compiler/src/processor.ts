/**
 * The page pipeline, in one function (as mdx's `createProcessor`). Pure: a `VFile` (path and text) in,
 * a `ParsedPage` out in `file.result`, problems in `file.messages`. No disk access.
 */
import type { Root as HastRoot } from 'hast'
import type { Root, RootContent } from 'mdast'
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkDirective from 'remark-directive'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { remarkCafesCallout } from './plugins/remark-cafes-callout.js'
import { remarkCafesCheckDirectives } from './plugins/remark-cafes-check-directives.js'
import { remarkCafesDefi } from './plugins/remark-cafes-defi.js'
import { remarkCafesFacilitator } from './plugins/remark-cafes-facilitator.js'
import { remarkCafesFootnotes } from './plugins/remark-cafes-footnotes.js'
import { remarkCafesFrontmatter } from './plugins/remark-cafes-frontmatter.js'
import { remarkCafesImage } from './plugins/remark-cafes-image.js'
import { remarkCafesMedia } from './plugins/remark-cafes-media.js'
import { remarkCafesPage } from './plugins/remark-cafes-page.js'
import { remarkCafesPanels } from './plugins/remark-cafes-panels.js'
import { remarkCafesQuiz } from './plugins/remark-cafes-quiz.js'
import { remarkCafesRawHtml } from './plugins/remark-cafes-raw-html.js'
import { remarkCafesReferences } from './plugins/remark-cafes-references.js'
import { remarkCafesRestoreTextDirectives } from './plugins/remark-cafes-restore-text-directives.js'
import { remarkCafesScenario } from './plugins/remark-cafes-scenario.js'

/**
 * GitHub's schema (what github.com lets through), plus `loading="lazy"` on images. Image sources may be
 * relative paths or `data:` URIs, never `http(s)`: a package makes no network request.
 */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  attributes: { ...defaultSchema.attributes, img: [...(defaultSchema.attributes?.['img'] ?? []), ['loading', 'lazy']] },
  protocols: { ...defaultSchema.protocols, src: ['data'] },
}

export interface ProcessorOptions {
  /** Keep facilitator notes (the facilitator edition); default false. */
  facilitator?: boolean
}

export function createProcessor(options: ProcessorOptions = {}) {
  // Markdown fragments (a run of prose, a callout body, a choice) to sanitised HTML.
  const html = unified().use(remarkRehype).use(rehypeSanitize, sanitizeSchema).use(rehypeStringify).freeze()
  const render = (nodes: RootContent[], options?: { inline?: boolean }): string => {
    const tree: HastRoot = html.runSync({ type: 'root', children: nodes } satisfies Root)
    const [first, ...rest] = tree.children
    if (options?.inline && first?.type === 'element' && first.tagName === 'p' && rest.length === 0) {
      tree.children = first.children
    }
    return html.stringify(tree).trim()
  }

  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm)
    .use(remarkDirective)
    .use(remarkCafesRestoreTextDirectives) // `10:30`, `Réponse:oui` stay text
    .use(remarkCafesRawHtml) // raw HTML removed, with a warning
    .use(remarkCafesReferences) // `[text][ref]` → links, so blocks render on their own
    .use(remarkCafesFootnotes) // footnotes → numbers and a list of notes at the end of the page
    .use(remarkCafesFrontmatter) // module.md's front matter → file.data.frontMatter
    .use(remarkCafesCheckDirectives) // unknown or misplaced containers
    .use(remarkCafesFacilitator, { facilitator: options.facilitator ?? false }) // :::facilitator, removed from learner builds
    .use(remarkCafesImage) // alt text, files of the module, package paths
    .use(remarkCafesMedia) // :::audio and :::video, their files, transcripts and chapters
    .use(remarkCafesCallout) // :::info, :::tip, :::warning, :::important
    .use(remarkCafesQuiz) // ::::quiz and :::question, also inside a défi
    .use(remarkCafesDefi) // ::::defi
    .use(remarkCafesScenario) // ::::scenario and :::node
    .use(remarkCafesPanels) // ::::tabs, ::::accordion, ::::cards
    .use(remarkCafesPage, { render }) // → ParsedPage, each block through remark-rehype, rehype-sanitize, rehype-stringify
    .freeze()
}

/** A Markdown transcript file to sanitised HTML (raw HTML dropped by the sanitiser). */
export function renderTranscript(markdown: string): string {
  transcript ??= transcriptPipeline()
  return String(transcript.processSync(markdown)).trim()
}

let transcript: ReturnType<typeof transcriptPipeline> | undefined

function transcriptPipeline() {
  return unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize, sanitizeSchema).use(rehypeStringify).freeze()
}

export type PageProcessor = ReturnType<typeof createProcessor>

const shared = new Map<boolean, PageProcessor>()

/** One processor per process and edition: building it costs more than a page. */
export function pageProcessor(options: ProcessorOptions = {}): PageProcessor {
  const facilitator = options.facilitator ?? false
  let processor = shared.get(facilitator)
  if (!processor) {
    processor = createProcessor({ facilitator })
    shared.set(facilitator, processor)
  }
  return processor
}
