/**
 * Removes raw HTML from the tree, with a warning: content is Markdown and directives only, so no
 * `<script>` or event handler reaches a learner. HTML comments (authors' notes) go silently.
 * rehype-sanitize still runs on the output, as a second line of defence.
 */
import type { Root } from 'mdast'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { report } from '../report.js'
import { rules } from '../rules.js'

const COMMENT = /^<!--[\s\S]*?-->$/

export function remarkCafesRawHtml() {
  return function (tree: Root, file: VFile): undefined {
    visit(tree, 'html', (node, index, parent) => {
      if (!parent || index === undefined) return
      const html = node.value.trim()
      if (!COMMENT.test(html)) report(file, rules.rawHtmlRemoved, { html: excerpt(html) }, node.position)
      parent.children.splice(index, 1)
      return index
    })
  }
}

function excerpt(html: string): string {
  const line = html.replace(/\s+/g, ' ')
  return line.length > 40 ? `${line.slice(0, 39)}…` : line
}
