/**
 * A module's pages as their authors wrote them, for tools that point into the Markdown (`cafes lint`):
 * each page's syntax tree, directives as written and every node with its 1-based position, beside what
 * the page processor makes of it. The parsing is the compiler's own, so positions match its diagnostics.
 */
import type { Root } from 'mdast'
import type { ContainerDirective } from 'mdast-util-directive'
import remarkDirective from 'remark-directive'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import type { Point } from 'unist'
import { VFile } from 'vfile'
import { readModule } from './load.js'
import type { ParsedPage } from './page.js'
import { attributePlace } from './plugins/directive.js'
import { remarkCafesRestoreTextDirectives } from './plugins/remark-cafes-restore-text-directives.js'
import { checkPageLimits } from './page-guard.js'
import { pageProcessor } from './processor.js'

export interface SourcePage {
  /** Absolute path of the page. */
  path: string
  /** The text as read (without a byte-order mark): positions' `offset`s index it. */
  text: string
  /** The syntax tree before the compiler's plugins rewrite it: `containerDirective`s are still there. */
  tree: Root
  /** What the compiler makes of the page (front-matter places, asset references…). */
  page: ParsedPage
}

/**
 * The pages of the module in `dir` (absolute, or relative to `cwd`) in the compiler's order, parsed;
 * undefined when `dir` holds no module (`compileModule` reports why). Never throws on content.
 */
export async function readModuleSources(dir: string, cwd: string): Promise<SourcePage[] | undefined> {
  const read = await readModule(dir, cwd)
  if ('problem' in read) return undefined
  const processor = pageProcessor()
  const pages: SourcePage[] = []
  for (const file of read.files) {
    const text = String(file.value)
    // Pages past the parser's safe limits (which the compile reports) are not parsed again: they could hang.
    if (checkPageLimits(new VFile({ path: file.path, value: text }))) continue
    try {
      pages.push({ path: file.path, text, tree: parseSource(text, file.path), page: processor.processSync(new VFile({ path: file.path, value: text })).result })
    } catch (error) {
      if (!(error instanceof RangeError)) throw error
      // A stack overflow in the parser: the compile reports the page as too complex.
    }
  }
  return pages
}

const syntax = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm)
  .use(remarkDirective)
  .use(remarkCafesRestoreTextDirectives)
  .freeze()

/** The syntax tree of one page's text. Pure. */
function parseSource(text: string, path = 'page.md'): Root {
  const file = new VFile({ path, value: text })
  // The pipeline's only transformer restores text directives in place: the tree stays a `Root`.
  return syntax.runSync(syntax.parse(file), file) as Root
}

/**
 * Where attribute `name` of a directive is written on its opening line (`#id` for `id`), or the
 * directive's start when it is not found.
 */
export function directiveAttributePlace(node: ContainerDirective, text: string, name: string): Point | undefined {
  return attributePlace(node, new VFile({ value: text }), name)
}
