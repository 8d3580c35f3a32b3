/**
 * Transcripts and captions that exist but say nothing: an empty Markdown transcript, a WebVTT file with
 * no cue. (The compiler reports missing ones, and unreadable or invalid files.)
 */
import path from 'node:path'
import type { Diagnostic, MediaBlock } from '@cafes/core'
import { directiveAttributePlace } from '@cafes/compiler'
import { displayPath, pagePlace, type LintCheck } from '../context.js'
import { LINT_RULES, lintDiagnostic } from '../rules.js'
import { directiveKey, directivesById } from '../tree.js'

export const checkMediaTranscripts: LintCheck = (context) => {
  const found: Diagnostic[] = []
  context.pages.forEach((page, index) => {
    const directives = directivesById(page.tree)
    for (const block of context.module.course.pages[index]?.blocks ?? []) {
      if (block.kind !== 'media' || !isEmpty(block)) continue
      const node = directives.get(directiveKey(block.media, block.id))
      const attribute = block.media === 'audio' ? 'transcript' : 'captions'
      const url = node?.attributes?.[attribute]?.trim()
      if (!node || !url) continue
      const place = pagePlace(context, page, directiveAttributePlace(node, page.text, attribute))
      // A file the compiler could not find, read or parse is reported there already.
      const transcriptFile = displayPath(context.cwd, path.resolve(context.module.dir, url))
      const reported = context.compiled.some(
        (diagnostic) => diagnostic.file === transcriptFile || (diagnostic.file === place.file && diagnostic.line === place.line),
      )
      if (reported) continue
      found.push(lintDiagnostic(LINT_RULES.mediaTranscriptEmpty, { media: block.media, url }, place))
    }
  })
  return found
}

function isEmpty(block: MediaBlock): boolean {
  const cueText = block.cues.map((cue) => cue.text).join('').trim()
  const transcript = (block.transcriptHtml ?? '').replace(/<[^>]*>/g, '').trim()
  return cueText === '' && transcript === ''
}
