/** `lint()` beyond single fixtures: the compiler's diagnostics, places in tricky text, disk-based checks. */
import { truncateSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { lint } from '../src/index.js'
import { folderWith, moduleMd, mp4With } from './support.js'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>'
const VTT = 'WEBVTT\n\n00:00.000 --> 00:04.000\nUne tasse de café fume sur un bureau.\n'

function places(diagnostics: Awaited<ReturnType<typeof lint>>['diagnostics']) {
  return diagnostics.map((diagnostic) => `${diagnostic.file}:${diagnostic.line}:${diagnostic.column} ${diagnostic.ruleId}`)
}

describe('lint', () => {
  it('reports the compiler’s diagnostics as they are, beside its own', async () => {
    const cwd = folderWith({
      'broken/module.md': '---\nid: broken\n---\n\n# Sans titre\n\n### Trop bas\n',
      'fine/module.md': moduleMd('fine', '# Bien\n\nBonjour.\n'),
    })
    const report = await lint({ paths: ['.'], cwd })
    expect(places(report.diagnostics)).toEqual([
      'broken/module.md:1:1 frontmatter-missing-key',
      'broken/module.md:7:1 lint/heading-level-skipped',
    ])
    expect(report.diagnostics[0]?.source).toBe('compiler')
    expect(report.modules).toEqual([
      { id: 'broken', dir: 'broken' },
      { id: 'fine', dir: 'fine' },
    ])
  })

  it('reports paths that hold no module, and two modules with one id', async () => {
    const cwd = folderWith({
      'a/module.md': moduleMd('same', '# A\n\nUn.\n'),
      'b/module.md': moduleMd('same', '# B\n\nDeux.\n'),
      'empty/notes.txt': 'rien',
    })
    const report = await lint({ paths: ['a', 'b', 'empty', 'missing'], cwd })
    expect(places(report.diagnostics)).toEqual([
      'b/module.md:2:1 module-duplicate-id',
      'empty:undefined:undefined no-module-found',
      'missing:undefined:undefined path-not-found',
    ])
  })

  it('never throws on broken Markdown or front matter', async () => {
    const cwd = folderWith({
      'module.md': '---\nid: [oops\n---\n\n::::quiz\n:::question\n- [x]\n:::\n\n:::video{src=}\n:::\n\n[](#)\n',
      '01-page.md': '---\nstray: front matter\n---\n:::node{#x}\n:::\n',
    })
    const report = await lint({ paths: ['.'], cwd })
    expect(report.diagnostics.some((diagnostic) => diagnostic.severity === 'error')).toBe(true)
    expect(report.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'lint/rule-failed')).toEqual([])
  })

  it('finds colour cues across emphasis, quote prefixes and in English', async () => {
    const body = [
      '# Les couleurs',
      '',
      '> Les réponses justes sont',
      '> affichées en *vert* et les fausses en rouge.',
      '',
      'Press the green button, then read the words in red.',
      '',
      'Franchir la ligne rouge, donner le feu vert, une photo en noir et blanc.',
      '',
    ].join('\n')
    const report = await lint({ paths: ['.'], cwd: folderWith({ 'module.md': moduleMd('couleurs', body) }) })
    expect(places(report.diagnostics)).toEqual([
      'module.md:9:13 lint/colour-only-cue',
      'module.md:9:38 lint/colour-only-cue',
      'module.md:11:7 lint/colour-only-cue',
      'module.md:11:45 lint/colour-only-cue',
    ])
    expect(report.diagnostics.map((diagnostic) => diagnostic.message.split('`')[1])).toEqual(['en vert', 'en rouge', 'the green button', 'in red'])
  })

  it('flags empty and vague link texts, but not scenario choices', async () => {
    const body = [
      '# Liens',
      '',
      'Le guide est [ici](https://www.cnil.fr). [](https://www.cnil.fr) [En savoir plus…](https://www.cnil.fr)',
      '',
      '::::scenario{#s title="Choix"}',
      ':::node{#debut}',
      'Que faites-vous ?',
      '',
      '- [Ici](#fin)',
      ':::',
      '',
      ':::node{#fin ending=success}',
      'Bravo.',
      ':::',
      '::::',
      '',
    ].join('\n')
    const report = await lint({ paths: ['.'], cwd: folderWith({ 'module.md': moduleMd('liens', body) }) })
    expect(places(report.diagnostics)).toEqual([
      'module.md:8:14 lint/link-text-vague',
      'module.md:8:42 lint/link-text-vague',
      'module.md:8:66 lint/link-text-vague',
    ])
    expect(report.diagnostics[1]?.message).toBe('This link has no text: a screen reader announces only "link"')
  })

  it('skips facilitator notes when checking headings and counting words', async () => {
    const body = '# Titre\n\n:::facilitator\n### Pour l’animateur\n:::\n\n## Suite\n\nTexte.\n'
    const report = await lint({ paths: ['.'], cwd: folderWith({ 'module.md': moduleMd('notes', body) }) })
    expect(report.diagnostics).toEqual([])
  })

  it('counts media in the duration, and only warns of a too-long one when every length is known', async () => {
    const minutes = (n: number) => `WEBVTT\n\n00:00.000 --> ${String(n).padStart(2, '0')}:00.000\nUne longue discussion.\n`
    const audio = ':::audio{#episode src=assets/episode.mp3 transcript=assets/episode.vtt title="Épisode"}\n:::\n'
    const files = (vtt: string, duration: number) => ({
      'module.md': moduleMd('media', `# Podcast\n\nÉcoutez.\n\n${audio}`, `duration: ${duration}\n`),
      'assets/episode.mp3': 'audio',
      'assets/episode.vtt': vtt,
    })
    const ok = await lint({ paths: ['.'], cwd: folderWith(files(minutes(20), 20)) })
    expect(ok.diagnostics).toEqual([])
    const tooLong = await lint({ paths: ['.'], cwd: folderWith(files(minutes(20), 60)) })
    expect(places(tooLong.diagnostics)).toEqual(['module.md:4:11 lint/duration-mismatch'])
    expect(tooLong.diagnostics[0]?.message).toContain('20 min of audio and video')
  })

  it('warns about a package over 200 MB and names the LMSs that refuse it', async () => {
    const cwd = folderWith({
      'module.md': moduleMd('lourd', '# Schéma\n\n![Le schéma complet du traitement](assets/schema.svg)\n'),
      'assets/schema.svg': SVG,
    })
    // Sparse: the size is on record, not on disk.
    truncateSync(join(cwd, 'assets', 'schema.svg'), 260 * 1000 * 1000)
    const report = await lint({ paths: ['.'], cwd })
    expect(places(report.diagnostics)).toEqual(['module.md:1:1 lint/package-too-large'])
    expect(report.diagnostics[0]?.message).toBe(
      "The module's files weigh 260.0 MB; LMSs may refuse packages over 200.0 MB, and CrossKnowledge (200.0 MB), Cornerstone Course Publisher (250.0 MB) refuse this one",
    )
  })

  it('reads the video codec of MP4 files: H.264 passes, HEVC draws a warning', async () => {
    const video = ':::video{#clip src=assets/clip.mp4 captions=assets/clip.vtt title="Une pause"}\n:::\n'
    const lintWith = (format: string) =>
      lint({
        paths: ['.'],
        cwd: folderWith({ 'module.md': moduleMd('video', `# Vidéo\n\n${video}`), 'assets/clip.mp4': mp4With(format), 'assets/clip.vtt': VTT }),
      })
    expect((await lintWith('avc1')).diagnostics).toEqual([])
    const hevc = await lintWith('hvc1')
    expect(places(hevc.diagnostics)).toEqual(['module.md:8:16 lint/media-format-risky'])
    expect(hevc.diagnostics[0]?.message).toContain('HEVC (H.265)')
  })

  it('flags images browsers do not all show', async () => {
    const cwd = folderWith({ 'module.md': moduleMd('tiff', '# Photo\n\n![Le bureau vu d’en haut](assets/bureau.tiff)\n'), 'assets/bureau.tiff': 'II*' })
    const report = await lint({ paths: ['.'], cwd })
    expect(places(report.diagnostics)).toEqual(['module.md:8:1 lint/media-format-risky'])
    expect(report.diagnostics[0]?.hint).toBe('Convert it to `png`, `jpg`, `jpeg`, `gif`, `svg`, `webp`, which every current browser plays.')
  })

  it('finds no error in the examples', async () => {
    const report = await lint({ paths: ['examples'], cwd: ROOT })
    expect(report.modules.map((module) => module.id)).toEqual(['demo-quiz', 'kitchen-sink', 'texte-seul'])
    expect(report.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([])
  })
})
