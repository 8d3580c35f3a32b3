import type { ContainerDirective } from 'mdast-util-directive'
import type { VFile } from 'vfile'

/** What every question reader gets: the directive holding the attributes, its file, the question id. */
export interface QuestionInput {
  /** A `question`, or a short-form `quiz`. */
  node: ContainerDirective
  file: VFile
  /** As authored; `''` when missing (already reported). */
  id: string
}
