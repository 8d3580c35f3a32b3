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
import { remarkCafesFootnotes } from './plugins/remark-cafes-footnotes.js'
import { remarkCafesFrontmatter } from './plugins/remark-cafes-frontmatter.js'
import { remarkCafesImage } from './plugins/remark-cafes-image.js'
import { remarkCafesPage } from './plugins/remark-cafes-page.js'
import { remarkCafesQuiz } from './plugins/remark-cafes-quiz.js'
import { remarkCafesRawHtml } from './plugins/remark-cafes-raw-html.js'
import { remarkCafesReferences } from './plugins/remark-cafes-references.js'
import { remarkCafesRestoreTextDirectives } from './plugins/remark-cafes-restore-text-directives.js'

/**
 * GitHub's schema (what github.com lets through), plus `loading="lazy"` on images. Image sources may be
 * relative paths or `data:` URIs, never `http(s)`: a package makes no network request.
 */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  attributes: { ...defaultSchema.attributes, img: [...(defaultSchema.attributes?.['img'] ?? []), ['loading', 'lazy']] },
  protocols: { ...defaultSchema.protocols, src: ['data'] },
}

export function createProcessor() {
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
    .use(remarkCafesImage) // alt text, files of the module, package paths
    .use(remarkCafesCallout) // :::info, :::tip, :::warning, :::important
    .use(remarkCafesQuiz) // ::::quiz and :::question
    .use(remarkCafesPage, { render }) // → ParsedPage, each block through remark-rehype, rehype-sanitize, rehype-stringify
    .freeze()
}

export type PageProcessor = ReturnType<typeof createProcessor>

let shared: PageProcessor | undefined

/** One processor per process: building it costs more than a page. */
export function pageProcessor(): PageProcessor {
  shared ??= createProcessor()
  return shared
}
