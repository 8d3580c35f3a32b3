import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CompletionRule, Course, CoursePage } from '@cafes/core'
import type { CompiledModule, ModuleAsset } from '@cafes/compiler'

/** A fresh temporary folder. */
export function temporaryDir(prefix = 'cafes-packager-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

export interface ModuleOptions {
  id?: string
  title?: string
  version?: string
  language?: string
  completion?: CompletionRule
  passMark?: number
  pages?: CoursePage[]
  assets?: ModuleAsset[]
  dir?: string
}

/** A hand-made compiled module: two pages, one single-choice question. */
export function makeModule(options: ModuleOptions = {}): CompiledModule {
  const id = options.id ?? 'demo'
  const completion = options.completion ?? 'pages'
  const pages: CoursePage[] = options.pages ?? [
    { id: 'index', title: 'Accueil', blocks: [{ kind: 'html', html: '<p>Bonjour</p>' }] },
    {
      id: 'quiz',
      title: 'Quiz',
      blocks: [
        {
          kind: 'quiz',
          quiz: 'q',
          questions: [
            {
              id: 'q1', type: 'single', weight: 1, promptHtml: '<p>?</p>', prompt: '?',
              choices: [
                { id: 'a', html: 'Oui', text: 'Oui', correct: true },
                { id: 'b', html: 'Non', text: 'Non', correct: false },
              ],
            },
          ],
        },
      ],
    },
  ]
  const course: Course = {
    format: 1,
    id,
    iri: `https://example.org/xapi/${id}`,
    title: options.title ?? 'Démo',
    language: options.language ?? 'fr',
    version: options.version ?? '1.0.0',
    completion,
    pages,
    quizzes: [{ id: 'q', passMark: options.passMark ?? 80, questionIds: ['q1'], attempts: 1, shuffle: false, showCorrect: true }],
    ...(options.passMark !== undefined || completion !== 'pages' ? { passMark: options.passMark ?? 80 } : {}),
  }
  return {
    dir: options.dir ?? join(tmpdir(), 'modules', id),
    meta: {
      id,
      title: course.title,
      language: course.language,
      version: course.version,
      objectives: [],
      completion,
      ...(course.passMark !== undefined ? { passMark: course.passMark } : {}),
    },
    config: {},
    course,
    assets: options.assets ?? [],
  }
}

/** A folder of fake prebuilt player files, so packaging tests do not depend on the player. */
export function stubPlayerDir(): string {
  const dir = temporaryDir('cafes-player-stub-')
  mkdirSync(dir, { recursive: true })
  for (const target of ['scorm12', 'scorm2004', 'xapi', 'cmi5', 'web']) writeFileSync(join(dir, `${target}.js`), `/*${target}*/(()=>{})();\n`)
  writeFileSync(join(dir, 'player.css'), '.cafes{color:#000}\n')
  return dir
}

export interface ZipHeader {
  name: string
  method: number
  /** General purpose bit flag of the local header. */
  localFlags: number
  centralFlags: number
  compressedSize: number
  /** DOS date and time of the local header. */
  dosTime: number
  dosDate: number
  externalAttributes: number
}

/** Reads the central directory and each entry's local header, by hand (no zip library). */
export function readZipHeaders(zip: Buffer): ZipHeader[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (end < 0) throw new Error('no end of central directory')
  const count = zip.readUInt16LE(end + 10)
  let offset = zip.readUInt32LE(end + 16)
  const headers: ZipHeader[] = []
  for (let index = 0; index < count; index++) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error('bad central directory header')
    const centralFlags = zip.readUInt16LE(offset + 8)
    const method = zip.readUInt16LE(offset + 10)
    const compressedSize = zip.readUInt32LE(offset + 20)
    const nameLength = zip.readUInt16LE(offset + 28)
    const extraLength = zip.readUInt16LE(offset + 30)
    const commentLength = zip.readUInt16LE(offset + 32)
    const externalAttributes = zip.readUInt32LE(offset + 38)
    const localOffset = zip.readUInt32LE(offset + 42)
    const name = zip.subarray(offset + 46, offset + 46 + nameLength).toString('utf8')
    if (zip.readUInt32LE(localOffset) !== 0x04034b50) throw new Error('bad local header')
    headers.push({
      name,
      method,
      localFlags: zip.readUInt16LE(localOffset + 6),
      centralFlags,
      compressedSize,
      dosTime: zip.readUInt16LE(localOffset + 10),
      dosDate: zip.readUInt16LE(localOffset + 12),
      externalAttributes,
    })
    offset += 46 + nameLength + extraLength + commentLength
  }
  return headers
}
