/**
 * `:::info`, `:::tip`, `:::warning`, `:::important`, with an optional `[label]` as title, become
 * `cafesCallout` nodes. They sit at the top level of a page (`remark-cafes-check-directives`).
 */
import { CALLOUT_KINDS, type CalloutKind } from '@cafes/core'
import type { Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { VFile } from 'vfile'
import type { CafesCallout } from '../page.js'
import { checkAttributes, directiveContent, directiveLabel } from './directive.js'

export function remarkCafesCallout() {
  return function (tree: Root, file: VFile): undefined {
    tree.children.forEach((node, index) => {
      if (node.type !== 'containerDirective' || !isCalloutKind(node.name)) return
      checkAttributes(node, file, [])
      const callout: CafesCallout = { type: 'cafesCallout', callout: node.name, children: directiveContent(node) }
      const label = directiveLabel(node)
      const title = label && toString(label).replace(/\s+/g, ' ').trim()
      if (title) callout.title = title
      if (node.position) callout.position = node.position
      tree.children[index] = callout
    })
  }
}

function isCalloutKind(name: string): name is CalloutKind {
  return (CALLOUT_KINDS as readonly string[]).includes(name)
}
