/** The examples of `docs/authoring.md` are meant to be copied: each one compiles without a diagnostic. */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { formatDiagnostic } from '@cafes/core'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { pageProcessor } from '../src/processor.js'
import { toDiagnostics } from '../src/report.js'

const guide = readFileSync(fileURLToPath(new URL('../../../docs/authoring.md', import.meta.url)), 'utf8')
/** Markdown examples, but those that leave out a part (`…`). */
const examples = [...guide.matchAll(/^```markdown\n([\s\S]*?)^```$/gm)]
  .map((match) => match[1] ?? '')
  .filter((example) => !example.includes('…'))

describe('docs/authoring.md', () => {
  it('has an example of every question type', () => {
    for (const type of ['true-false', 'fill-in', 'numeric', 'matching', 'sequencing', 'likert', 'reflection']) {
      expect(examples.some((example) => example.includes(`type=${type}`)), type).toBe(true)
    }
  })

  it.each(examples.map((example) => [example.split('\n')[0] ?? '', example]))('compiles %s cleanly', (_, example) => {
    // A lone question goes into a quiz, as it would on a page.
    const body = example.startsWith(':::question') ? `::::quiz{#quiz-exemple}\n${example}::::\n` : example
    const file = new VFile({ path: '/m/01-page.md', value: `# Page\n\n${body}` })
    pageProcessor().processSync(file)
    expect(toDiagnostics([file], '/m').map(formatDiagnostic)).toEqual([])
  })
})
