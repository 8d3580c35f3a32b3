import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { compileModule } from './compile.js'

const fixtures = fileURLToPath(new URL('../test/fixtures/', import.meta.url))

describe('compileModule', () => {
  it('removes facilitator notes from learner builds', async () => {
    const { module, diagnostics } = await compileModule('ok-facilitator/input', { cwd: fixtures })
    expect(diagnostics).toEqual([])
    expect(JSON.stringify(module?.course)).not.toContain('tour de table')
    expect(module?.course.pages[0]?.blocks.map((block) => block.kind)).toEqual(['html'])
  })

  it('keeps them, with their timings, for the facilitator edition (`facilitator: true`)', async () => {
    const { module, diagnostics } = await compileModule('ok-facilitator/input', { cwd: fixtures, facilitator: true })
    expect(diagnostics).toEqual([])
    expect(module?.course.facilitation).toEqual({ inPerson: 60, remote: 45 })
    expect(module?.course.pages[0]?.blocks).toEqual([
      { kind: 'html', html: "<h1>Notes d'animation</h1>\n<p>Le texte que voient les apprenants.</p>" },
      {
        kind: 'facilitator',
        html: "<p>Lancez un tour de table : <strong>qui</strong> utilise déjà une IA ?</p>",
        timing: { inPerson: 10, remote: 8 },
      },
      { kind: 'html', html: '<p>Et la suite.</p>' },
    ])
  })

  it('ships media files, WebVTT transcripts and posters as assets, but not Markdown transcripts', async () => {
    const { module } = await compileModule('ok-media/input', { cwd: fixtures })
    expect(module?.assets.map((asset) => asset.path)).toEqual([
      'assets/ep1.mp3',
      'assets/ep1.vtt',
      'assets/episode-2.m4a',
      'assets/p.png',
      'assets/v.vtt',
      'assets/v.webm',
    ])
  })
})
