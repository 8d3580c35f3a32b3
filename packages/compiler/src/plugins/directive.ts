/**
 * What the directive plugins share: labels, attributes and their places.
 */
import type { Paragraph, RootContent } from 'mdast'
import type { ContainerDirective } from 'mdast-util-directive'
import { toString } from 'mdast-util-to-string'
import type { Point } from 'unist'
import type { VFile } from 'vfile'
import { report } from '../report.js'
import { rules } from '../rules.js'

/** The `[label]` of a container directive, when it has one. */
export function directiveLabel(node: ContainerDirective): Paragraph | undefined {
  const first = node.children[0]
  return first?.type === 'paragraph' && first.data?.directiveLabel ? first : undefined
}

/** The children of a container directive, without its label. */
export function directiveContent(node: ContainerDirective): RootContent[] {
  return directiveLabel(node) ? node.children.slice(1) : [...node.children]
}

/**
 * Where attribute `name` is written on the directive's opening line (`#id` for `id`), or the
 * directive's start when it is not found.
 */
export function attributePlace(node: ContainerDirective, file: VFile, name: string): Point | undefined {
  const start = node.position?.start
  if (!start || start.offset === undefined) return start
  const source = String(file.value)
  const end = source.indexOf('\n', start.offset)
  const line = source.slice(start.offset, end === -1 ? undefined : end)
  const braces = line.lastIndexOf('{')
  if (braces === -1) return start
  const match = attributePattern(name).exec(line.slice(braces))
  if (!match) return start
  const offset = braces + match.index
  return { line: start.line, column: start.column + offset, offset: start.offset + offset }
}

function attributePattern(name: string): RegExp {
  if (name === 'id') return /(?<=[\s{])(#|id\s*=)/
  if (name === 'class') return /(?<=[\s{])(\.|class\s*=)/
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`(?<=[\\s{])${escaped}(?=[\\s=}])`)
}

export interface CheckAttributesOptions {
  /** The question type the attributes are checked for, named in messages about `typeAttributes`. */
  type?: string
  /** Attributes that other question types take: unknown here, but not unknown to the format. */
  typeAttributes?: readonly string[]
}

/** Warns about each attribute of `node` not in `known`. */
export function checkAttributes(
  node: ContainerDirective,
  file: VFile,
  known: readonly string[],
  options: CheckAttributesOptions = {},
): void {
  for (const attribute of Object.keys(node.attributes ?? {})) {
    if (known.includes(attribute)) continue
    const args = {
      name: node.name,
      attribute,
      known: known.map((name) => (name === 'id' ? '`#id`' : `\`${name}\``)).join(', '),
      ...(options.type !== undefined && options.typeAttributes?.includes(attribute) ? { type: options.type } : {}),
    }
    report(file, rules.directiveUnknownAttribute, args, attributePlace(node, file, attribute))
  }
}

/** An id in a message: `(no id)` when missing. */
export function shown(id: string): string {
  return id === '' ? '(no id)' : id
}

/** Plain text of Markdown nodes, blocks separated by a space, whitespace collapsed. */
export function plainText(nodes: readonly RootContent[]): string {
  return nodes
    .map((node) => toString(node))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Block ids share the namespace of quiz and question ids. */
const BLOCK_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/
const BLOCK_ID_MAX_LENGTH = 64

/** The `#id` of a block and where it is written; `''` when missing or invalid (reported). */
export function readBlockId(node: ContainerDirective, file: VFile, example: string): { id: string; idPlace?: Point } {
  const id = node.attributes?.id?.trim() ?? ''
  const idPlace = attributePlace(node, file, 'id')
  if (id === '') {
    report(file, rules.blockMissingId, { name: node.name, example }, node.position)
  } else if (!BLOCK_ID.test(id) || id.length > BLOCK_ID_MAX_LENGTH) {
    report(file, rules.blockInvalidId, { id }, idPlace)
  }
  return idPlace ? { id, idPlace } : { id }
}

/** The plain text of a container's `[label]`, `''` when it has none. */
export function labelText(node: ContainerDirective): string {
  const label = directiveLabel(node)
  return label ? plainText([label]) : ''
}
