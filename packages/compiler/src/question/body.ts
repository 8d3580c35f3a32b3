/**
 * The parts of a question's content: the prompt (before the list), the list, the explanation (after
 * it) and the per-question feedback, written as GFM-alert-style quotes after the list:
 * `> [!correct]` and `> [!incorrect]`, marker removed. Types without a list (numeric, reflection)
 * separate prompt and explanation with a thematic break (`***`).
 */
import type { Blockquote, List, RootContent } from 'mdast'
import type { Position } from 'unist'
import type { VFile } from 'vfile'
import { report } from '../report.js'
import { rules } from '../rules.js'

export type FeedbackKind = 'correct' | 'incorrect'

export interface QuestionBody {
  prompt: RootContent[]
  /** The first list of the content (types with a list only). */
  list?: List
  explanation: RootContent[]
  correctFeedback: RootContent[]
  incorrectFeedback: RootContent[]
  /** Where each feedback quote is written. */
  feedbackPlaces: Partial<Record<FeedbackKind, Position>>
}

/** Splits `content` around its first list; `list: undefined` when it has none. */
export function splitAtList(content: readonly RootContent[], file: VFile): QuestionBody {
  const index = content.findIndex((child) => child.type === 'list')
  const list = content[index]
  if (list?.type !== 'list') {
    return { prompt: [...content], explanation: [], correctFeedback: [], incorrectFeedback: [], feedbackPlaces: {} }
  }
  const prompt = content.slice(0, index).filter((child) => {
    const kind = feedbackKind(child)
    if (kind) report(file, rules.questionFeedbackMisplaced, { kind }, child.position)
    return !kind
  })
  return { prompt, list, ...extractFeedback(content.slice(index + 1), file) }
}

/** Splits `content` at its first thematic break; feedback quotes may be anywhere. */
export function splitAtBreak(content: readonly RootContent[], file: VFile): QuestionBody {
  const index = content.findIndex((child) => child.type === 'thematicBreak')
  const before = index === -1 ? [...content] : content.slice(0, index)
  const after = index === -1 ? [] : content.slice(index + 1)
  const first = extractFeedback(before, file)
  const second = extractFeedback(after, file, first)
  return {
    prompt: first.explanation,
    explanation: second.explanation,
    correctFeedback: second.correctFeedback,
    incorrectFeedback: second.incorrectFeedback,
    feedbackPlaces: second.feedbackPlaces,
  }
}

type Feedback = Pick<QuestionBody, 'explanation' | 'correctFeedback' | 'incorrectFeedback' | 'feedbackPlaces'>

/** The feedback quotes of `nodes` out, the rest in `explanation`; `found` holds feedback read before. */
function extractFeedback(nodes: readonly RootContent[], file: VFile, found?: Feedback): Feedback {
  const result: Feedback = {
    explanation: [],
    correctFeedback: found?.correctFeedback ?? [],
    incorrectFeedback: found?.incorrectFeedback ?? [],
    feedbackPlaces: { ...found?.feedbackPlaces },
  }
  const seen = new Set(Object.keys(result.feedbackPlaces) as FeedbackKind[])
  for (const node of nodes) {
    const kind = feedbackKind(node)
    if (!kind || node.type !== 'blockquote') {
      result.explanation.push(node)
      continue
    }
    if (seen.has(kind)) {
      report(file, rules.questionFeedbackDuplicate, { kind }, node.position)
      continue
    }
    seen.add(kind)
    if (node.position) result.feedbackPlaces[kind] = node.position
    const children = withoutMarker(node)
    if (children.length === 0) report(file, rules.questionFeedbackEmpty, { kind }, node.position)
    else if (kind === 'correct') result.correctFeedback = children
    else result.incorrectFeedback = children
  }
  return result
}

const MARKER = /^\[!(correct|incorrect)\](?=\s|$)/i

/** `correct` or `incorrect` when `node` is a quote whose first line is `[!correct]` or `[!incorrect]`. */
export function feedbackKind(node: RootContent): FeedbackKind | undefined {
  if (node.type !== 'blockquote') return undefined
  const paragraph = node.children[0]
  const text = paragraph?.type === 'paragraph' ? paragraph.children[0] : undefined
  const match = text?.type === 'text' ? MARKER.exec(text.value) : null
  return match ? (match[1]?.toLowerCase() as FeedbackKind) : undefined
}

/** The quote's children without the `[!…]` marker (and without the paragraph it leaves empty). */
function withoutMarker(node: Blockquote): RootContent[] {
  const [paragraph, ...rest] = node.children
  if (paragraph?.type !== 'paragraph') return [...node.children]
  const [text, ...phrasing] = paragraph.children
  if (text?.type !== 'text') return [...node.children]
  const value = text.value.replace(MARKER, '').replace(/^\s+/, '')
  const children = value === '' ? phrasing : [{ ...text, value }, ...phrasing]
  return children.length === 0 ? rest : [{ ...paragraph, children }, ...rest]
}
