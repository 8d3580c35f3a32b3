import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { childIri, courseQuestions, type Course } from '@cafes/core'
import { readZip, type ZipEntry } from '@cafes/lms-sim'
import { checkDescriptor, checkManifest, PACKAGE_TARGETS } from '@cafes/packager'
import { ROOT, buildModulesWithReport } from '../support/build-modules.js'
import { validateDescriptor, validateManifest } from '../support/xsd.js'

const SCHEMAS = join(ROOT, 'packages/packager/schemas')
const EXAMPLES = readdirSync(join(ROOT, 'examples'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => `examples/${entry.name}`)

let zips: { name: string; edition: 'scorm12' | 'scorm2004'; entries: ZipEntry[] }[]
let lrsZips: { name: string; format: 'xapi' | 'cmi5'; entries: ZipEntry[] }[]
let warnings: string[]

beforeAll(async () => {
  const { outDir, report } = await buildModulesWithReport(EXAMPLES, [...PACKAGE_TARGETS])
  warnings = report.diagnostics.map((diagnostic) => `${diagnostic.file}:${diagnostic.line}: ${diagnostic.message}`)
  zips = await Promise.all(
    readdirSync(outDir).filter((name) => /-scorm(12|2004)\.zip$/.test(name)).map(async (name) => ({
      name,
      edition: name.endsWith('-scorm12.zip') ? ('scorm12' as const) : ('scorm2004' as const),
      entries: await readZip(join(outDir, name)),
    })),
  )
  lrsZips = await Promise.all(
    readdirSync(outDir).filter((name) => /-(xapi|cmi5)\.zip$/.test(name)).map(async (name) => ({
      name,
      format: name.endsWith('-xapi.zip') ? ('xapi' as const) : ('cmi5' as const),
      entries: await readZip(join(outDir, name)),
    })),
  )
})

describe('examples', () => {
  it('build clean, without a warning, for every target this version supports', () => {
    expect(warnings).toEqual([])
  })
})

describe('every example package, both SCORM editions', () => {
  it('builds a zip per example and edition', () => {
    expect(zips.length).toBe(EXAMPLES.length * 2)
  })

  it('carries a manifest valid against the official XSDs', () => {
    for (const zip of zips) {
      const manifest = zip.entries.find((entry) => entry.name === 'imsmanifest.xml')
      expect(manifest, `${zip.name} has imsmanifest.xml at its root`).toBeDefined()
      validateManifest(zip.edition, manifest!.data)
    }
  })

  it('passes the checks XSD cannot do', () => {
    for (const zip of zips) {
      const manifest = zip.entries.find((entry) => entry.name === 'imsmanifest.xml')!.data.toString('utf8')
      const diagnostics = checkManifest({ manifest, files: zip.entries.map((entry) => entry.name), file: zip.name })
      expect(diagnostics, zip.name).toEqual([])
    }
  })

  it('ships the official schema files unchanged at the root', () => {
    for (const zip of zips) {
      const folder = zip.edition === 'scorm12' ? 'scorm12' : 'scorm2004-4th'
      const schemas = zip.entries.filter((entry) => /\.(xsd|dtd)$/.test(entry.name))
      expect(schemas.length).toBe(zip.edition === 'scorm12' ? 4 : 36)
      for (const schema of schemas) {
        expect(schema.data.equals(readFileSync(join(SCHEMAS, folder, schema.name))), schema.name).toBe(true)
      }
    }
  })

  it('has ASCII entry names, no wrapping folder, sorted, and no data descriptor on stored entries', () => {
    for (const zip of zips) {
      const names = zip.entries.map((entry) => entry.name)
      expect([...names].sort(), zip.name).toEqual(names)
      for (const entry of zip.entries) {
        expect(entry.name).toMatch(/^[\x21-\x7e]+$/)
        if (entry.method === 0) expect(entry.flags & 0x8, entry.name).toBe(0)
      }
      expect(names).toContain('index.html')
      expect(names).toContain('player.js')
    }
  })
})

/** The course the package's player gets: the JSON embedded in its launch page. */
function embeddedCourse(entries: ZipEntry[]): Course {
  const html = entries.find((entry) => entry.name === 'index.html')!.data.toString('utf8')
  return JSON.parse(/<script type="application\/json" id="cafes-course">(.*?)<\/script>/s.exec(html)![1]!) as Course
}

function descriptorOf(zip: { format: 'xapi' | 'cmi5'; entries: ZipEntry[] }): string {
  return zip.entries.find((entry) => entry.name === (zip.format === 'xapi' ? 'tincan.xml' : 'cmi5.xml'))!.data.toString('utf8')
}

/** What each example's cmi5.xml must say, from its front matter (completion, passMark). */
const CMI5_AU = {
  'texte-seul': { moveOn: 'Completed', masteryScore: undefined },
  'demo-quiz': { moveOn: 'CompletedAndPassed', masteryScore: '0.8' },
  'kitchen-sink': { moveOn: 'CompletedAndPassed', masteryScore: '0.7' },
} as const

describe('every example package, xAPI and cmi5', () => {
  it('builds a zip per example and target, with the descriptor, the launch page and the player, and no schema', () => {
    expect(lrsZips.length).toBe(EXAMPLES.length * 2)
    for (const zip of lrsZips) {
      const names = zip.entries.map((entry) => entry.name)
      expect(names, zip.name).toContain(zip.format === 'xapi' ? 'tincan.xml' : 'cmi5.xml')
      expect(names, zip.name).not.toContain(zip.format === 'xapi' ? 'cmi5.xml' : 'tincan.xml')
      expect(names, zip.name).toEqual(expect.arrayContaining(['index.html', 'player.css', 'player.js']))
      expect(names.filter((name) => /\.(xsd|dtd)$/.test(name) || name === 'imsmanifest.xml'), zip.name).toEqual([])
      expect([...names].sort(), zip.name).toEqual(names)
    }
  })

  it('carries a descriptor valid against its XSD', () => {
    for (const zip of lrsZips) validateDescriptor(zip.format, Buffer.from(descriptorOf(zip)))
  })

  it('passes the checks XSD cannot do', () => {
    for (const zip of lrsZips) {
      const diagnostics = checkDescriptor({ descriptor: descriptorOf(zip), files: zip.entries.map((entry) => entry.name), file: zip.name, format: zip.format })
      expect(diagnostics, zip.name).toEqual([])
    }
  })

  it('lets the launch page reach the LRS', () => {
    for (const zip of lrsZips) {
      expect(zip.entries.find((entry) => entry.name === 'index.html')!.data.toString('utf8'), zip.name).toContain('connect-src https: http:;')
    }
  })

  it('tincan.xml: one launchable activity, and exactly the IRIs the player uses', () => {
    for (const zip of lrsZips.filter((candidate) => candidate.format === 'xapi')) {
      const xml = descriptorOf(zip)
      const course = embeddedCourse(zip.entries)
      expect(xml.match(/<launch lang="[^"]+">index\.html<\/launch>/g), zip.name).toHaveLength(1)
      expect(xml.match(/<resource[ >]/g), zip.name).toBeNull()
      expect(xml, zip.name).toMatch(new RegExp(`<activity id="${course.iri}" type="http://adlnet.gov/expapi/activities/course">\\n(\\s*<(name|description) [^\\n]*\\n){2}\\s*<launch `))
      const ids = [...xml.matchAll(/<activity id="([^"]+)"/g)].map((match) => match[1]!)
      const scenarios = course.pages.flatMap((page) => page.blocks.flatMap((block) => (block.kind === 'scenario' ? [block.id] : [])))
      const expected = [
        course.iri,
        ...course.pages.map((page) => childIri(course.iri, 'pages', page.id)),
        ...course.quizzes.map((quiz) => childIri(course.iri, 'quizzes', quiz.id)),
        ...courseQuestions(course).map((question) => childIri(course.iri, 'questions', question.id)),
        ...scenarios.map((id) => childIri(course.iri, 'scenarios', id)),
      ]
      expect([...ids].sort(), zip.name).toEqual([...expected].sort())
      expect(new Set(ids).size, zip.name).toBe(ids.length)
      for (const id of ids) expect(id, zip.name).toMatch(/^https:\/\/cafes\.invalid\/xapi\/[a-z0-9-]+(\/(pages|quizzes|questions|scenarios)\/[a-z0-9-]+)?$/)
    }
  })

  it('cmi5.xml: the course and its AU under the module IRI, moveOn and masteryScore from the module', () => {
    for (const zip of lrsZips.filter((candidate) => candidate.format === 'cmi5')) {
      const xml = descriptorOf(zip)
      const course = embeddedCourse(zip.entries)
      const expected = CMI5_AU[course.id as keyof typeof CMI5_AU]
      expect(expected, `${course.id} has an expectation`).toBeDefined()
      expect(xml, zip.name).toContain(`<course id="${course.iri}">`)
      const au = /<au ([^>]*)>/.exec(xml)![1]!
      const attributes = Object.fromEntries([...au.matchAll(/(\w+)="([^"]*)"/g)].map((match) => [match[1]!, match[2]!]))
      expect(attributes, zip.name).toEqual({
        id: childIri(course.iri, 'au'),
        moveOn: expected.moveOn,
        ...(expected.masteryScore === undefined ? {} : { masteryScore: expected.masteryScore }),
        launchMethod: 'AnyWindow',
      })
      expect(xml.match(/<au /g), zip.name).toHaveLength(1)
      expect(xml, zip.name).toContain('<url>index.html</url>')
      if (course.passMark !== undefined) expect(Number(attributes.masteryScore)).toBe(course.passMark / 100)
    }
  })
})

describe('the XSD check itself', () => {
  it('rejects descriptors the schemas do not allow', () => {
    const tincan = descriptorOf(lrsZips.find((zip) => zip.format === 'xapi')!)
    const swapped = tincan.replace(/(<name [^\n]*)\n(\s*)(<description [^\n]*)/, '$3\n$2$1')
    expect(swapped).not.toBe(tincan)
    expect(() => validateDescriptor('xapi', Buffer.from(swapped))).toThrow(/xmllint rejected tincan.xml/)
    const cmi5 = descriptorOf(lrsZips.find((zip) => zip.format === 'cmi5')!)
    expect(() => validateDescriptor('cmi5', Buffer.from(cmi5.replace('launchMethod="AnyWindow"', 'launchMethod="NewWindow"')))).toThrow(/xmllint rejected cmi5.xml/)
    expect(() => validateDescriptor('cmi5', Buffer.from(cmi5.replace('<url>index.html</url>', '')))).toThrow(/xmllint rejected cmi5.xml/)
  })

  it('rejects a manifest the schemas do not allow', () => {
    const manifest = zips.find((zip) => zip.edition === 'scorm12')!.entries.find((entry) => entry.name === 'imsmanifest.xml')!.data.toString('utf8')
    const broken = manifest.replace('<organizations', '<organisations').replace('</organizations>', '</organisations>')
    expect(() => validateManifest('scorm12', Buffer.from(broken))).toThrow(/xmllint rejected/)
    const badScormType = manifest.replace('adlcp:scormtype="sco"', 'adlcp:scormType="sco"')
    expect(() => validateManifest('scorm12', Buffer.from(badScormType))).toThrow(/xmllint rejected/)
  })
})
