// Text side of build/make-podcast.sh (no dependencies; Node ≥ 20). Two commands:
//
//   node podcast.mjs plan  <transcripts/episode-NN.txt>
//       Reads the source transcript and prints one line per cue, tab-separated:
//       index, espeak-ng voice, pitch, speed, pause after (ms), text to speak.
//       The text to speak is the transcript line with build/podcast/prononciation.tsv applied
//       (e.g. « IA » is spoken « I.A. »); the transcript shows the written form.
//
//   node podcast.mjs write <transcripts/episode-NN.txt> <samples.txt> <sample rate>
//       samples.txt: the length in samples of each cue's audio (speech and pause after), one a line,
//       as measured by ffprobe. Writes assets/episode-NN.vtt (timings from those lengths, text from
//       the transcript) and rewrites the chapter list of the `:::audio{#episode-NN …}` block in the
//       module's pages. A file is written only when its content changes.
//
// Source transcript format (see modules/mon-job-avec-l-ia/transcripts/README.md):
//   # comment                       not spoken, not transcribed
//   titre: Épisode 1 : …            title of the episode (WebVTT header and MP3 tag)
//   voix Nom: f3 60 150             espeak-ng French variant, pitch (0–99), speed (words/minute)
//   ## Chapter title                a chapter starts with the next line spoken
//   [Nom]                           who speaks the following lines
//   any other line                  one cue: spoken, then shown as is in the transcript
// Shared voices (e.g. the host) live in transcripts/voix.txt, with the same `voix` lines.

import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const PAUSE_MS = 350 // after each line
const PAUSE_LONG_MS = 800 // before a new chapter or another speaker, and at the end

function fail(file, line, message) {
  const where = line ? `${file}:${line}` : file
  process.stderr.write(`make-podcast: ${where}: ${message}\n`)
  process.exit(1)
}

function readLines(file) {
  return readFileSync(file, 'utf8').replace(/^\ufeff/, '').split(/\r\n|\r|\n/)
}

const VOICE = /^voix\s+([^:]+?)\s*:\s*([a-z]+[0-9]*)\s+(\d{1,2})\s+(\d{2,3})\s*$/

function readVoice(file, number, text, voices) {
  const match = VOICE.exec(text)
  if (!match) fail(file, number, 'write `voix Nom: f3 60 150` (variant, pitch 0–99, speed in words per minute)')
  const [, name, variant, pitch, speed] = match
  if (Number(speed) < 80 || Number(speed) > 450) fail(file, number, `speed ${speed} is out of 80–450`)
  voices.set(name, { variant, pitch: Number(pitch), speed: Number(speed) })
}

/** The episode: its title, its cues (speaker, text, chapter starting here) and voices. */
function parseEpisode(file) {
  const voices = new Map()
  const shared = path.join(path.dirname(file), 'voix.txt')
  if (existsSync(shared)) {
    readLines(shared).forEach((raw, index) => {
      const text = raw.trim()
      if (text === '' || text.startsWith('#')) return
      readVoice(shared, index + 1, text, voices)
    })
  }
  let title = ''
  let speaker = ''
  let chapter = null
  const cues = []
  const chapters = []
  readLines(file).forEach((raw, index) => {
    const number = index + 1
    const text = raw.trim()
    if (text === '') return
    if (text.startsWith('## ')) {
      if (chapter !== null) fail(file, number, 'two chapter titles in a row: the first one has no line')
      chapter = text.slice(3).trim()
      return
    }
    if (text.startsWith('#')) return
    if (text.startsWith('titre:')) {
      title = text.slice('titre:'.length).trim()
      return
    }
    if (text.startsWith('voix ')) {
      readVoice(file, number, text, voices)
      return
    }
    const who = /^\[([^\]]+)\]$/.exec(text)
    if (who) {
      speaker = who[1].trim()
      if (!voices.has(speaker)) fail(file, number, `no voice for « ${speaker} »: add \`voix ${speaker}: f3 60 150\``)
      return
    }
    if (speaker === '') fail(file, number, 'say who speaks first, on a line `[Nom]`')
    if (text.includes('-->') || text.includes('\t')) fail(file, number, 'a line may not hold `-->` or a tab')
    if (chapter !== null) chapters.push({ title: chapter, cue: cues.length })
    cues.push({ speaker, text, chapterStart: chapter !== null, line: number })
    chapter = null
  })
  if (title === '') fail(file, 0, 'add a line `titre: Épisode 1 : …`')
  if (cues.length === 0) fail(file, 0, 'no line to speak')
  if (chapter !== null) fail(file, 0, `chapter « ${chapter} » has no line`)
  return { title, cues, chapters, voices }
}

/** [written, spoken] pairs of build/podcast/prononciation.tsv, as whole-word replacements. */
function pronunciations() {
  const file = path.join(HERE, 'prononciation.tsv')
  if (!existsSync(file)) return []
  const pairs = []
  readLines(file).forEach((raw, index) => {
    if (raw.trim() === '' || raw.startsWith('#')) return
    const [written, spoken] = raw.split('\t')
    if (!written || !spoken) fail(file, index + 1, 'write `written<TAB>spoken`')
    const escaped = written.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    pairs.push([new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu'), spoken])
  })
  return pairs
}

function plan(file) {
  const episode = parseEpisode(file)
  const pairs = pronunciations()
  const out = episode.cues.map((cue, index) => {
    const next = episode.cues[index + 1]
    const long = !next || next.chapterStart || next.speaker !== cue.speaker
    const voice = episode.voices.get(cue.speaker)
    const spoken = pairs.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), cue.text)
    return [index + 1, voice.variant, voice.pitch, voice.speed, long ? PAUSE_LONG_MS : PAUSE_MS, spoken].join('\t')
  })
  process.stdout.write(`${episode.title}\n${out.join('\n')}\n`)
}

function stamp(seconds) {
  const ms = Math.round(seconds * 1000)
  const h = Math.floor(ms / 3_600_000)
  const m = Math.floor(ms / 60_000) % 60
  const s = Math.floor(ms / 1000) % 60
  const rest = String(ms % 1000).padStart(3, '0')
  const mmss = `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${rest}`
  return h > 0 ? `${String(h).padStart(2, '0')}:${mmss}` : mmss
}

function chapterStamp(seconds) {
  const whole = Math.floor(seconds)
  const h = Math.floor(whole / 3600)
  const mmss = `${String(Math.floor(whole / 60) % 60).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`
  return h > 0 ? `${h}:${mmss}` : mmss
}

function writeIfChanged(file, content) {
  if (existsSync(file) && readFileSync(file, 'utf8') === content) return false
  writeFileSync(file, content)
  return true
}

function write(file, samplesFile, rateText) {
  const episode = parseEpisode(file)
  const rate = Number(rateText)
  const lengths = readLines(samplesFile).filter((line) => line.trim() !== '').map(Number)
  if (lengths.length !== episode.cues.length || lengths.some((n) => !Number.isInteger(n) || n <= 0)) {
    fail(samplesFile, 0, `expected ${episode.cues.length} sample counts, got ${lengths.length}`)
  }
  const id = path.basename(file, '.txt')
  const transcripts = path.dirname(file)
  const moduleDir = path.dirname(transcripts)
  const relativeSource = path.relative(moduleDir, file).split(path.sep).join('/')

  // Cue i runs from the sum of the lengths before it to the start of the next one.
  const starts = []
  let total = 0
  for (const length of lengths) {
    starts.push(total / rate)
    total += length
  }
  const cueText = episode.cues.map((cue, index) => {
    const end = index + 1 < starts.length ? starts[index + 1] : total / rate
    return `${index + 1}\n${stamp(starts[index])} --> ${stamp(end)}\n<v ${cue.speaker}>${cue.text}`
  })
  const vtt = [
    `WEBVTT - ${episode.title}`,
    `NOTE\nFichier produit par build/make-podcast.sh : ne le modifiez pas à la main.\nSource du texte : ${relativeSource} ; les horaires viennent de la synthèse vocale.\nVoix de synthèse provisoire, en attendant l'enregistrement des témoignages.`,
    ...cueText,
  ].join('\n\n') + '\n'
  const vttFile = path.join(moduleDir, 'assets', `${id}.vtt`)
  const vttChanged = writeIfChanged(vttFile, vtt)

  // The chapter list of the audio block whose id is the episode's.
  const opening = new RegExp(`^:::audio\\{#${id}[\\s}]`)
  const pages = readdirSync(moduleDir).filter((name) => name.endsWith('.md')).sort()
  let done = false
  for (const name of pages) {
    const pageFile = path.join(moduleDir, name)
    const lines = readFileSync(pageFile, 'utf8').split('\n')
    const at = lines.findIndex((line) => opening.test(line))
    if (at === -1) continue
    const head = lines[at]
    for (const [attribute, expected] of [['src', `assets/${id}.mp3`], ['transcript', `assets/${id}.vtt`]]) {
      if (!head.includes(`${attribute}=${expected}`)) fail(pageFile, at + 1, `the audio block must say ${attribute}=${expected}`)
    }
    const close = lines.findIndex((line, index) => index > at && line.trim() === ':::')
    if (close === -1) fail(pageFile, at + 1, 'the audio block has no closing `:::`')
    const chapters = episode.chapters.map((chapter) => `- ${chapterStamp(starts[chapter.cue])} ${chapter.title}`)
    const updated = [...lines.slice(0, at + 1), ...chapters, ...lines.slice(close)].join('\n')
    const pageChanged = writeIfChanged(pageFile, updated)
    process.stdout.write(
      `${id}: ${chapterStamp(total / rate)}, ${episode.cues.length} cues, ${episode.chapters.length} chapters` +
        `${vttChanged ? '; assets/' + id + '.vtt written' : ''}${pageChanged ? '; chapters updated in ' + name : ''}\n`,
    )
    done = true
    break
  }
  if (!done) {
    fail(moduleDir, 0, `no page holds \`:::audio{#${id} src=assets/${id}.mp3 transcript=assets/${id}.vtt title="…"}\`: add it, then run again`)
  }
}

const [command, ...args] = process.argv.slice(2)
if (command === 'plan' && args.length === 1) plan(args[0])
else if (command === 'write' && args.length === 3) write(...args)
else fail('podcast.mjs', 0, 'usage: podcast.mjs plan <episode.txt> | write <episode.txt> <samples.txt> <rate>')
