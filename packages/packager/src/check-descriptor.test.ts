import { describe, expect, it } from 'vitest'
import { validateDescriptor } from '../test/xmllint.js'
import { checkDescriptor } from './check-descriptor.js'

/** Hand-written descriptors that pass every check; each case below breaks one thing. */
const TINCAN = `<?xml version="1.0" encoding="UTF-8"?>
<tincan xmlns="http://projecttincan.com/tincan.xsd">
  <activities>
    <activity id="https://example.org/c" type="http://adlnet.gov/expapi/activities/course">
      <name lang="fr">Cours</name>
      <description lang="fr">Cours</description>
      <launch lang="fr">content/index.html?start=1</launch>
    </activity>
    <activity id="https://example.org/c/questions/q1" type="http://adlnet.gov/expapi/activities/cmi.interaction">
      <name lang="fr">Q1</name>
      <description lang="fr">Q1 ?</description>
      <interactionType>choice</interactionType>
      <correctResponsePatterns>
        <correctResponsePattern>a</correctResponsePattern>
      </correctResponsePatterns>
      <choices>
        <component>
          <id>a</id>
          <description lang="fr">Oui</description>
        </component>
      </choices>
    </activity>
  </activities>
</tincan>
`
const CMI5 = `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="https://example.org/c">
    <title><langstring lang="fr">Cours</langstring></title>
    <description><langstring lang="fr">Cours</langstring></description>
  </course>
  <block id="https://example.org/c/block">
    <title><langstring lang="fr">Bloc</langstring></title>
    <description><langstring lang="fr">Bloc</langstring></description>
    <au id="https://example.org/c/au" moveOn="CompletedAndPassed" masteryScore="0.8125" launchMethod="AnyWindow">
      <title><langstring lang="fr">Cours</langstring></title>
      <description><langstring lang="fr">Cours</langstring></description>
      <url>./index.html#debut</url>
    </au>
  </block>
  <au id="https://example.org/c/distant">
    <title><langstring lang="fr">Ailleurs</langstring></title>
    <description><langstring lang="fr">Hébergé ailleurs</langstring></description>
    <url>https://example.org/au.html</url>
  </au>
</courseStructure>
`
const FILES = ['content/index.html', 'index.html', 'player.js', 'content/']

function check(descriptor: string, format?: 'xapi' | 'cmi5', files = FILES) {
  return checkDescriptor({ descriptor, files, file: 'pkg.zip', ...(format ? { format } : {}) })
}

function ruleIds(descriptor: string, format?: 'xapi' | 'cmi5', files = FILES): string[] {
  return check(descriptor, format, files).map((diagnostic) => diagnostic.ruleId)
}

describe('checkDescriptor', () => {
  it('passes the valid descriptors, which xmllint accepts too', () => {
    expect(check(TINCAN, 'xapi')).toEqual([])
    expect(check(CMI5, 'cmi5')).toEqual([])
    validateDescriptor('xapi', TINCAN)
    validateDescriptor('cmi5', CMI5)
  })

  it('reports XML that is not well-formed, with its position when it names the descriptor', () => {
    const [diagnostic] = checkDescriptor({ descriptor: '<tincan>\n<activities>\n</tincan>', files: [], file: 'out/tincan.xml', format: 'xapi' })
    expect(diagnostic).toMatchObject({ ruleId: 'descriptor-not-well-formed', severity: 'error', file: 'out/tincan.xml', line: 3 })
    expect(diagnostic!.message).toMatch(/^`tincan.xml` is not well-formed XML/)
  })

  it('reports a root that is neither descriptor, and a descriptor of the other format', () => {
    expect(ruleIds('<manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"/>')).toEqual(['descriptor-root-invalid'])
    expect(ruleIds(TINCAN.replace('xmlns="http://projecttincan.com/tincan.xsd"', ''))).toEqual(['descriptor-root-invalid'])
    expect(ruleIds(CMI5, 'xapi')).toEqual(['descriptor-format-mismatch'])
  })

  it('gives line and column in the descriptor, and only the file for a zip', () => {
    const broken = TINCAN.replace('id="https://example.org/c/questions/q1"', 'id="questions/q1"')
    expect(checkDescriptor({ descriptor: broken, files: FILES, file: 'tincan.xml' })).toEqual([
      expect.objectContaining({ ruleId: 'descriptor-iri-invalid', file: 'tincan.xml', line: 9, column: 5 }),
    ])
    expect(check(broken)[0]).toEqual(expect.not.objectContaining({ line: expect.anything() }))
  })

  describe('tincan.xml', () => {
    it('wants exactly one launchable activity', () => {
      expect(ruleIds(TINCAN.replace(/<launch[^\n]*\n/, ''))).toEqual(['descriptor-launch-count'])
      const twice = TINCAN.replace('<interactionType>', '<resource lang="fr">index.html</resource>\n      <interactionType>')
      expect(check(twice)).toEqual([expect.objectContaining({ ruleId: 'descriptor-launch-count', message: expect.stringContaining('found 2') })])
    })

    it('wants the launch file in the package', () => {
      expect(ruleIds(TINCAN, 'xapi', ['index.html'])).toEqual(['descriptor-launch-file-missing'])
      expect(ruleIds(TINCAN.replace('content/index.html?start=1', '../index.html'))).toEqual(['descriptor-launch-file-missing'])
      expect(ruleIds(TINCAN.replace('content/index.html?start=1', '/index.html'))).toEqual(['descriptor-launch-file-missing'])
      expect(ruleIds(TINCAN.replace('content/index.html?start=1', ''))).toEqual(['descriptor-launch-file-missing'])
      expect(ruleIds(TINCAN.replace('content/index.html?start=1', 'https://cdn.example.org/x.html'))).toEqual([])
    })

    it('wants unique absolute IRIs', () => {
      expect(ruleIds(TINCAN.replace('/c/questions/q1', '/c'))).toEqual(['descriptor-id-duplicate'])
      expect(ruleIds(TINCAN.replace('id="https://example.org/c"', 'id="example.org/c"'))).toEqual(['descriptor-iri-invalid'])
      expect(ruleIds(TINCAN.replace('id="https://example.org/c"', ''))).toEqual(['descriptor-iri-invalid'])
      expect(ruleIds(TINCAN.replace('id="https://example.org/c"', 'id="https://example.org/a b"'))).toEqual(['descriptor-iri-invalid'])
      expect(ruleIds(TINCAN.replace('type="http://adlnet.gov/expapi/activities/course"', 'type="course"'))).toEqual(['descriptor-iri-invalid'])
    })

    it('wants a name and a description on every activity', () => {
      expect(check(TINCAN.replace('<name lang="fr">Q1</name>', ''))).toEqual([
        expect.objectContaining({ ruleId: 'descriptor-element-count', message: '`<activity>` must hold at least 1 `<name>`, found 0' }),
      ])
      expect(ruleIds(TINCAN.replace('<description lang="fr">Cours</description>', ''))).toEqual(['descriptor-element-count'])
    })

    it('wants an xAPI interaction type on interactions', () => {
      expect(ruleIds(TINCAN.replace('<interactionType>choice</interactionType>', ''))).toEqual(['descriptor-interaction-invalid'])
      expect(ruleIds(TINCAN.replace('>choice<', '>multiple-choice<'))).toEqual(['descriptor-interaction-invalid'])
    })

    it('wants activities', () => {
      expect(ruleIds('<tincan xmlns="http://projecttincan.com/tincan.xsd"/>')).toEqual(['descriptor-element-count', 'descriptor-launch-count'])
    })
  })

  describe('cmi5.xml', () => {
    it('wants the AU url in the package, unless it is absolute', () => {
      expect(ruleIds(CMI5, 'cmi5', ['content/index.html'])).toEqual(['descriptor-launch-file-missing'])
      expect(ruleIds(CMI5.replace('<url>./index.html#debut</url>', '<url> </url>'))).toEqual(['descriptor-launch-file-missing'])
      expect(ruleIds(CMI5.replace('<url>./index.html#debut</url>', ''))).toEqual(['descriptor-element-count'])
    })

    it('wants unique absolute IRIs for the course, blocks and AUs', () => {
      expect(ruleIds(CMI5.replace('/c/au"', '/c"'))).toEqual(['descriptor-id-duplicate'])
      expect(ruleIds(CMI5.replace('/c/block"', '/c/distant"'))).toEqual(['descriptor-id-duplicate'])
      expect(ruleIds(CMI5.replace('id="https://example.org/c/au"', 'id="au"'))).toEqual(['descriptor-iri-invalid'])
      expect(ruleIds(CMI5.replace('<course id="https://example.org/c">', '<course>'))).toEqual(['descriptor-iri-invalid'])
    })

    it('wants masteryScore from 0 to 1 with at most 4 decimals', () => {
      for (const value of ['1.5', '-0.1', '0.81251', '80', 'high', '']) {
        expect(ruleIds(CMI5.replace('masteryScore="0.8125"', `masteryScore="${value}"`)), value).toEqual(['descriptor-attribute-invalid'])
      }
      for (const value of ['0', '1', '1.0', '.5', ' 0.7 ']) {
        expect(ruleIds(CMI5.replace('masteryScore="0.8125"', `masteryScore="${value}"`)), value).toEqual([])
      }
    })

    it('wants moveOn and launchMethod among their values', () => {
      expect(ruleIds(CMI5.replace('moveOn="CompletedAndPassed"', 'moveOn="Completed and passed"'))).toEqual(['descriptor-attribute-invalid'])
      expect(ruleIds(CMI5.replace('launchMethod="AnyWindow"', 'launchMethod="NewWindow"'))).toEqual(['descriptor-attribute-invalid'])
    })

    it('wants a course with a title and a description, and at least one AU', () => {
      expect(ruleIds(CMI5.replace('<title><langstring lang="fr">Cours</langstring></title>\n    <description>', '<description>'))).toEqual([
        'descriptor-element-count',
      ])
      expect(ruleIds(CMI5.replace('<description><langstring lang="fr">Bloc</langstring></description>', '<description/>'))).toEqual([
        'descriptor-element-count',
      ])
      const noAu = CMI5.replace(/ {2}<block[\s\S]*<\/block>\n/, '').replace(/ {2}<au[\s\S]*<\/au>\n/, '')
      expect(check(noAu)).toEqual([expect.objectContaining({ ruleId: 'descriptor-element-count', message: expect.stringContaining('`<au>`') })])
    })
  })
})
