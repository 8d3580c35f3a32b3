/**
 * What the list items of fill-in, matching, sequencing and likert questions share: no `[x]` box, no
 * feedback quote of their own, some text; and their ids (`a`…`z`, matching sources `1`…`9`).
 */
import { CHOICE_IDS } from '@cafes/core'
import type { List, ListItem, RootContent } from 'mdast'
import type { VFile } from 'vfile'
import type { OptionModel } from '../page.js'
import { plainText, shown } from '../plugins/directive.js'
import { report } from '../report.js'
import { rules } from '../rules.js'

/** Matching source ids: SCORM 1.2 responses want single characters, and targets take the letters. */
export const SOURCE_IDS = '123456789'

export interface ItemKind {
  /** The question type, for messages. */
  type: string
  /** `A step`, `An accepted answer`: the subject of a sentence about one item. */
  item: string
}

/**
 * The content of a plain item (no box, no quote), with both problems reported; an item without text is
 * reported too.
 */
export function plainItemContent(item: ListItem, file: VFile, kind: ItemKind): RootContent[] {
  if (typeof item.checked === 'boolean') report(file, rules.questionItemCheckbox, { item: kind.item }, item.position)
  const content: RootContent[] = []
  for (const child of item.children) {
    if (child.type === 'blockquote') report(file, rules.questionItemFeedback, { type: kind.type }, child.position)
    else content.push(child)
  }
  if (plainText(content) === '') report(file, rules.questionItemEmpty, { item: kind.item }, item.position)
  return content
}

export interface OptionListKind extends ItemKind {
  /** Plural noun for counts: `steps`, `scale points`. */
  items: string
  /** Singular noun. */
  one: string
  /** An item as written, for hints: `1. Une étape`. */
  example: string
}

/**
 * The items of a sequencing or likert list as options `a`…`z`, in authored order: 2 to 26 of them,
 * each with its own text.
 */
export function readOptionList(list: List, id: string, file: VFile, kind: OptionListKind): OptionModel[] {
  const items = list.children
  const count = items.length
  const noun = count === 1 ? kind.one : kind.items
  if (count < 2) report(file, rules.questionTooFewItems, { id: shown(id), count, items: noun, min: 2, example: kind.example }, list.position)
  if (count > CHOICE_IDS.length) {
    report(file, rules.questionTooManyItems, { id: shown(id), count, items: noun, max: CHOICE_IDS.length }, items[CHOICE_IDS.length]?.position)
  }
  const seen = new Set<string>()
  return items.slice(0, CHOICE_IDS.length).map((item, index) => {
    const content = plainItemContent(item, file, kind)
    const text = plainText(content)
    if (text !== '' && seen.has(text)) report(file, rules.questionDuplicateItem, { id: shown(id), text }, item.position)
    seen.add(text)
    return { id: CHOICE_IDS[index] ?? '', content }
  })
}
