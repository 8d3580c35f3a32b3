/**
 * Matching: a bullet list of `Source -> Target` pairs (or `→`). Sources are `1`…`9` in order; targets
 * `a`…`z` in order of first appearance, the same text naming one target; `- -> Target` adds a
 * target that matches no source.
 */
import { CHOICE_IDS } from '@cafes/core'
import type { List, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast'
import type { VFile } from 'vfile'
import type { MatchingQuestionModel, OptionModel } from '../page.js'
import { plainText, shown } from '../plugins/directive.js'
import { report } from '../report.js'
import { rules } from '../rules.js'
import type { QuestionInput } from './input.js'
import { SOURCE_IDS } from './items.js'

const ARROW = /->|→/
const EXAMPLE = '- Source -> Target'

export function readMatching(list: List, { id, file }: QuestionInput): Pick<MatchingQuestionModel, 'sources' | 'targets' | 'pairs'> {
  const sources: OptionModel[] = []
  const targets: OptionModel[] = []
  const pairs: [string, string][] = []
  const targetIds = new Map<string, string>()
  const sourceTexts = new Set<string>()
  let sourceCount = 0

  for (const item of list.children) {
    const pair = readPair(item, file)
    if (!pair) continue
    const targetText = plainText(pair.target)
    let targetId = targetIds.get(targetText)
    if (targetId === undefined) {
      if (targets.length === CHOICE_IDS.length) {
        const args = { id: shown(id), count: targets.length + 1, items: 'targets', max: CHOICE_IDS.length }
        report(file, rules.questionTooManyItems, args, item.position)
        continue
      }
      targetId = CHOICE_IDS[targets.length] ?? ''
      targetIds.set(targetText, targetId)
      targets.push({ id: targetId, content: pair.target })
    }
    if (!pair.source) continue
    sourceCount++
    const sourceText = plainText(pair.source)
    if (sourceTexts.has(sourceText)) report(file, rules.questionDuplicateItem, { id: shown(id), text: sourceText }, item.position)
    sourceTexts.add(sourceText)
    if (sourceCount === SOURCE_IDS.length + 1) {
      const count = list.children.filter((other) => !isDistractor(other)).length
      report(file, rules.questionTooManyItems, { id: shown(id), count, items: 'sources', max: SOURCE_IDS.length }, item.position)
    }
    if (sourceCount > SOURCE_IDS.length) continue
    const sourceId = SOURCE_IDS[sources.length] ?? ''
    sources.push({ id: sourceId, content: pair.source })
    pairs.push([sourceId, targetId])
  }
  if (sourceCount < 2) {
    const args = { id: shown(id), count: sourceCount, items: sourceCount === 1 ? 'source' : 'sources', min: 2, example: EXAMPLE }
    report(file, rules.questionTooFewItems, args, list.position)
  }
  return { sources, targets, pairs }
}

interface Pair {
  /** Absent for a target that matches no source. */
  source?: RootContent[]
  target: RootContent[]
}

/** An item's two sides, each as a paragraph; `undefined` when the item is not a pair (reported). */
function readPair(item: ListItem, file: VFile): Pair | undefined {
  if (typeof item.checked === 'boolean') report(file, rules.questionItemCheckbox, { item: 'A matching item' }, item.position)
  const content = item.children.filter((child) => {
    if (child.type === 'blockquote') report(file, rules.questionItemFeedback, { type: 'matching' }, child.position)
    return child.type !== 'blockquote'
  })
  const [paragraph, ...rest] = content
  if (paragraph?.type !== 'paragraph') {
    report(file, paragraph ? rules.questionMatchingItem : rules.questionMatchingMissingTarget, {}, item.position)
    return undefined
  }
  if (rest.length > 0) {
    report(file, rules.questionMatchingItem, {}, rest[0]?.position ?? item.position)
    return undefined
  }
  const sides = splitAtArrow(paragraph)
  if (!sides || plainText([sides.target]) === '') {
    report(file, rules.questionMatchingMissingTarget, {}, item.position)
    return undefined
  }
  return plainText([sides.source]) === '' ? { target: [sides.target] } : { source: [sides.source], target: [sides.target] }
}

/** The paragraph cut at the first arrow written in its own text (not inside emphasis or code). */
function splitAtArrow(paragraph: Paragraph): { source: Paragraph; target: Paragraph } | undefined {
  const index = paragraph.children.findIndex((child) => child.type === 'text' && ARROW.test(child.value))
  const text = paragraph.children[index]
  if (text?.type !== 'text') return undefined
  const match = ARROW.exec(text.value)
  if (!match) return undefined
  const before = text.value.slice(0, match.index).replace(/\s+$/, '')
  const after = text.value.slice(match.index + match[0].length).replace(/^\s+/, '')
  const side = (children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children })
  return {
    source: side([...paragraph.children.slice(0, index), ...(before ? [{ type: 'text' as const, value: before }] : [])]),
    target: side([...(after ? [{ type: 'text' as const, value: after }] : []), ...paragraph.children.slice(index + 1)]),
  }
}

function isDistractor(item: ListItem): boolean {
  const paragraph = item.children[0]
  if (paragraph?.type !== 'paragraph') return false
  const sides = splitAtArrow(paragraph)
  return sides !== undefined && plainText([sides.source]) === ''
}
