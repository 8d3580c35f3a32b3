/**
 * Rejects container directives the format does not know, and known ones in the wrong place (a quiz
 * inside a quiz or a list, a question outside a quiz). Both are errors, and the node is removed, so the
 * callout and quiz plugins only meet well-placed blocks.
 */
import type { Parent, Root } from 'mdast'
import type { ContainerDirective } from 'mdast-util-directive'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { report } from '../report.js'
import { CHILD_DIRECTIVES, KNOWN_DIRECTIVES, rules } from '../rules.js'

export function remarkCafesCheckDirectives() {
  return function (tree: Root, file: VFile): undefined {
    visit(tree, 'containerDirective', (node, index, parent) => {
      if (!parent || index === undefined) return
      if (!KNOWN_DIRECTIVES.includes(node.name)) {
        report(file, rules.directiveUnknown, { name: node.name }, node.position)
      } else if (!isWellPlaced(node, parent)) {
        report(file, rules.directiveMisplaced, { name: node.name, parent: describe(parent) }, node.position)
      } else {
        return
      }
      parent.children.splice(index, 1)
      return index
    })
  }
}

/**
 * Blocks sit at the top level of a page; a quiz may also sit directly in a mini-défi; questions, nodes,
 * tabs, items and cards directly in their quiz, scenario, tabs, accordion or cards.
 */
function isWellPlaced(node: ContainerDirective, parent: Parent): boolean {
  const container = parent.type === 'containerDirective' ? (parent as ContainerDirective).name : undefined
  const owner = CHILD_DIRECTIVES[node.name]
  if (owner !== undefined) return container === owner
  if (node.name === 'quiz' && container === 'defi') return true
  return parent.type === 'root'
}

function describe(parent: Parent): string {
  switch (parent.type) {
    case 'root':
      return 'the page'
    case 'containerDirective':
      return `a \`:::${(parent as ContainerDirective).name}\``
    case 'listItem':
    case 'list':
      return 'a list'
    case 'blockquote':
      return 'a quote'
    case 'footnoteDefinition':
      return 'a footnote'
    default:
      return `a ${parent.type}`
  }
}
