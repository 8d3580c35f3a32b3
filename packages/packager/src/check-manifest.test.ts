import { describe, expect, it } from 'vitest'
import { checkManifest } from './check-manifest.js'

/** Hand-written manifests that pass every check; each case below breaks one thing. */
const SCORM12 = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="MANIFEST-demo" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="ORG-1">
    <organization identifier="ORG-1">
      <title>Demo</title>
      <item identifier="ITEM-1" identifierref="RES-1">
        <title>Demo</title>
        <adlcp:masteryscore>80</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="RES-1" type="webcontent" adlcp:scormtype="sco" href="index.html?x=1">
      <file href="index.html"/>
      <dependency identifierref="RES-2"/>
    </resource>
    <resource identifier="RES-2" type="webcontent" adlcp:scormtype="asset">
      <file href="player.js"/>
      <file href="assets/a%20b.png"/>
    </resource>
  </resources>
</manifest>
`
const SCORM12_FILES = ['imsmanifest.xml', 'index.html', 'player.js', 'assets/a b.png', 'imscp_rootv1p1p2.xsd', 'adlcp_rootv1p2.xsd', 'assets/']

const SCORM2004 = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="MANIFEST-demo" version="1.0"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="ORG-1">
    <organization identifier="ORG-1">
      <title>Demo</title>
      <item identifier="ITEM-1" identifierref="RES-1">
        <title>Demo</title>
        <adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="0.8"/>
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>0.8</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
        </imsss:sequencing>
      </item>
    </organization>
  </organizations>
  <resources xml:base="content/">
    <resource identifier="RES-1" type="webcontent" adlcp:scormType="sco" href="index.html#start">
      <dependency identifierref="RES-2"/>
    </resource>
    <resource identifier="RES-2" type="webcontent" adlcp:scormType="asset" xml:base="./">
      <file href="index.html"/>
      <file href="../player.js"/>
    </resource>
  </resources>
</manifest>
`
const SCORM2004_FILES = ['imsmanifest.xml', 'content/index.html', 'player.js', 'imscp_v1p1.xsd', 'adlcp_v1p3.xsd', 'imsss_v1p0.xsd', 'common/anyElement.xsd']

type Edition = 'scorm12' | 'scorm2004'

interface Case {
  name: string
  edition: Edition
  /** [search, replacement] pairs applied to the base manifest. */
  replace?: [string, string][]
  /** Change the package's file list. */
  files?: (files: string[]) => string[]
  /** The edition the caller expects, when not the manifest's. */
  expectEdition?: Edition
  expected: string[]
  severity?: 'error' | 'warning'
}

const CASES: Case[] = [
  { name: 'not well-formed', edition: 'scorm12', replace: [['</organizations>', '</organization>']], expected: ['manifest-not-well-formed'] },
  { name: 'unknown root namespace', edition: 'scorm12', replace: [['imscp_rootv1p1p2"\n', 'imscp_other"\n']], expected: ['manifest-root-invalid'] },
  { name: 'other edition than asked', edition: 'scorm12', expectEdition: 'scorm2004', expected: ['manifest-edition-mismatch'] },
  {
    name: 'two <resources>',
    edition: 'scorm2004',
    replace: [['</manifest>', '<resources/>\n</manifest>']],
    expected: ['manifest-element-count'],
  },
  { name: 'no <metadata>', edition: 'scorm2004', replace: [['<metadata>', '<!--'], ['</metadata>', '-->']], expected: ['manifest-element-count'] },
  { name: 'wrong schema', edition: 'scorm12', replace: [['ADL SCORM', 'IMS Content']], expected: ['manifest-schema-invalid'] },
  {
    name: 'schemaversion missing (1.2)',
    edition: 'scorm12',
    replace: [['<schemaversion>1.2</schemaversion>', '']],
    expected: ['manifest-schemaversion-invalid'],
  },
  {
    name: 'schemaversion of the other edition',
    edition: 'scorm2004',
    replace: [['2004 4th Edition', '1.2']],
    expected: ['manifest-schemaversion-invalid'],
  },
  {
    name: 'older 2004 edition',
    edition: 'scorm2004',
    replace: [['2004 4th Edition', '2004 3rd Edition']],
    expected: ['manifest-schemaversion-old'],
    severity: 'warning',
  },
  { name: 'no default organization', edition: 'scorm12', replace: [[' default="ORG-1"', '']], expected: ['manifest-default-organization-missing'] },
  {
    name: 'default names no organization',
    edition: 'scorm2004',
    replace: [['default="ORG-1"', 'default="ORG-2"']],
    expected: ['manifest-dangling-default-organization'],
  },
  { name: 'item names no resource', edition: 'scorm12', replace: [['identifierref="RES-1"', 'identifierref="RES-9"']], expected: ['manifest-dangling-identifierref'] },
  {
    name: 'dependency names no resource',
    edition: 'scorm2004',
    replace: [['<dependency identifierref="RES-2"/>', '<dependency identifierref="RES-2"/><dependency identifierref="RES-X"/>']],
    expected: ['manifest-dangling-identifierref'],
  },
  {
    name: 'identifier that is not an NCName',
    edition: 'scorm12',
    replace: [['identifier="MANIFEST-demo"', 'identifier="1 demo"']],
    expected: ['manifest-identifier-invalid'],
  },
  { name: 'item without identifier', edition: 'scorm12', replace: [['<item identifier="ITEM-1" ', '<item ']], expected: ['manifest-identifier-invalid'] },
  {
    name: 'duplicate identifier',
    edition: 'scorm2004',
    replace: [['identifier="ITEM-1"', 'identifier="RES-2"']],
    expected: ['manifest-identifier-duplicate'],
  },
  { name: 'item without title', edition: 'scorm2004', replace: [['<title>Demo</title>\n        <adlcp', '<adlcp']], expected: ['manifest-title-missing'] },
  {
    name: 'organization without item',
    edition: 'scorm12',
    replace: [[/<item identifier="ITEM-1"[^]*?<\/item>/.source, '']],
    expected: ['manifest-organization-empty'],
  },
  { name: 'leaf item without resource', edition: 'scorm12', replace: [[' identifierref="RES-1"', '']], expected: ['manifest-leaf-item-without-resource'] },
  {
    name: 'parent item with a resource',
    edition: 'scorm12',
    replace: [['<title>Demo</title>\n        <adlcp', '<title>Demo</title>\n<item identifier="ITEM-2" identifierref="RES-1"><title>x</title></item>\n        <adlcp']],
    expected: ['manifest-parent-item-with-resource'],
  },
  { name: '1.2 spelling in a 2004 manifest', edition: 'scorm2004', replace: [['adlcp:scormType="sco"', 'adlcp:scormtype="sco"']], expected: ['manifest-scormtype-spelling'] },
  { name: '2004 spelling in a 1.2 manifest', edition: 'scorm12', replace: [['adlcp:scormtype="asset"', 'adlcp:scormType="asset"']], expected: ['manifest-scormtype-spelling'] },
  { name: 'no SCORM type', edition: 'scorm2004', replace: [[' adlcp:scormType="asset"', '']], expected: ['manifest-scormtype-missing'] },
  { name: 'unknown SCORM type', edition: 'scorm12', replace: [['adlcp:scormtype="sco"', 'adlcp:scormtype="SCO"']], expected: ['manifest-scormtype-invalid'] },
  { name: 'resource without type', edition: 'scorm2004', replace: [['type="webcontent" adlcp:scormType="asset"', 'adlcp:scormType="asset"']], expected: ['manifest-resource-type-missing'] },
  { name: 'launched resource without href', edition: 'scorm12', replace: [[' href="index.html?x=1"', '']], expected: ['manifest-resource-href-missing'] },
  {
    name: 'launch file not listed',
    edition: 'scorm12',
    replace: [['href="index.html?x=1"', 'href="start.html"']],
    files: (files) => [...files, 'start.html'],
    expected: ['manifest-launch-file-not-listed', 'manifest-file-not-listed'],
  },
  {
    name: 'dependency cycle',
    edition: 'scorm12',
    replace: [['<file href="player.js"/>', '<file href="player.js"/><dependency identifierref="RES-1"/>']],
    expected: ['manifest-dependency-cycle', 'manifest-dependency-cycle'],
  },
  { name: 'href with a leading slash', edition: 'scorm12', replace: [['<file href="player.js"/>', '<file href="/player.js"/>']], expected: ['manifest-file-href-invalid', 'manifest-file-not-listed'] },
  { name: 'href with a backslash', edition: 'scorm12', replace: [['<file href="player.js"/>', '<file href="x\\player.js"/>']], expected: ['manifest-file-href-invalid', 'manifest-file-not-listed'] },
  { name: 'file: href', edition: 'scorm12', replace: [['<file href="player.js"/>', '<file href="file:player.js"/>']], expected: ['manifest-file-href-invalid', 'manifest-file-not-listed'] },
  { name: 'href above the root', edition: 'scorm12', replace: [['<file href="player.js"/>', '<file href="../player.js"/>']], expected: ['manifest-file-href-invalid', 'manifest-file-not-listed'] },
  {
    name: 'href without extension',
    edition: 'scorm12',
    replace: [['<file href="player.js"/>', '<file href="player.js"/><file href="LICENSE"/>']],
    files: (files) => [...files, 'LICENSE'],
    expected: ['manifest-file-href-invalid', 'manifest-file-not-listed'],
  },
  { name: 'file missing from the package', edition: 'scorm2004', files: (files) => files.filter((file) => file !== 'player.js'), expected: ['manifest-file-missing'] },
  {
    name: 'file differing in case',
    edition: 'scorm12',
    files: (files) => files.map((file) => (file === 'player.js' ? 'Player.js' : file)),
    expected: ['manifest-file-missing', 'manifest-file-not-listed'],
  },
  { name: 'file not listed', edition: 'scorm2004', files: (files) => [...files, 'extra.css'], expected: ['manifest-file-not-listed'], severity: 'warning' },
  {
    name: 'a file listed by two resources (not a problem)',
    edition: 'scorm12',
    replace: [['<file href="player.js"/>', '<file href="player.js"/><file href="./index.html"/>']],
    expected: [],
  },
  {
    name: 'odd schemaLocation',
    edition: 'scorm12',
    replace: [[' adlcp_rootv1p2.xsd"', '"']],
    expected: ['manifest-schemalocation-invalid', 'manifest-namespace-unmapped'],
  },
  {
    name: 'namespace used without a schema',
    edition: 'scorm2004',
    replace: [['<adlcp:completionThreshold', '<adlnav:presentation/><adlcp:completionThreshold']],
    expected: ['manifest-namespace-unmapped'],
  },
  { name: 'schema file missing', edition: 'scorm2004', files: (files) => files.filter((file) => file !== 'imsss_v1p0.xsd'), expected: ['manifest-schema-file-missing'] },
  { name: 'mastery score above 100', edition: 'scorm12', replace: [['>80<', '>180<']], expected: ['manifest-masteryscore-range'] },
  { name: 'mastery score not a number', edition: 'scorm12', replace: [['>80<', '>eighty<']], expected: ['manifest-masteryscore-range'] },
  { name: 'measure above 1', edition: 'scorm2004', replace: [['>0.8<', '>80<']], expected: ['manifest-measure-range'] },
  { name: 'progress measure above 1', edition: 'scorm2004', replace: [['minProgressMeasure="0.8"', 'minProgressMeasure="1.5"']], expected: ['manifest-measure-range'] },
  {
    name: 'xml:base with a leading slash',
    edition: 'scorm2004',
    replace: [
      ['<dependency identifierref="RES-2"/>', '<dependency identifierref="RES-2"/><dependency identifierref="RES-3"/>'],
      ['</resources>', '<resource identifier="RES-3" type="webcontent" adlcp:scormType="asset" xml:base="/x/"/></resources>'],
    ],
    expected: ['manifest-xml-base-invalid'],
  },
  {
    name: 'resource nothing references',
    edition: 'scorm2004',
    replace: [['</resources>', '<resource identifier="RES-3" type="webcontent" adlcp:scormType="asset"/></resources>']],
    expected: ['manifest-resource-unreferenced'],
    severity: 'warning',
  },
  {
    name: 'external launch URL',
    edition: 'scorm2004',
    replace: [['href="index.html#start"', 'href="https://example.com/x.html"']],
    expected: ['manifest-resource-external'],
    severity: 'warning',
  },
  {
    name: 'SCO-only element on an asset item',
    edition: 'scorm2004',
    replace: [
      ['adlcp:scormType="sco"', 'adlcp:scormType="asset"'],
      ['<adlcp:completionThreshold', '<adlcp:timeLimitAction>exit,message</adlcp:timeLimitAction><adlcp:completionThreshold'],
    ],
    expected: ['manifest-sco-only-element'],
  },
  {
    name: '3rd Edition completion threshold (deprecated)',
    edition: 'scorm2004',
    replace: [['<adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="0.8"/>', '<adlcp:completionThreshold>0.8</adlcp:completionThreshold>']],
    expected: ['manifest-completion-threshold-value'],
    severity: 'warning',
  },
  {
    name: 'completion threshold with attributes and a value',
    edition: 'scorm2004',
    replace: [['minProgressMeasure="0.8"/>', 'minProgressMeasure="0.8">0.8</adlcp:completionThreshold>']],
    expected: ['manifest-completion-threshold-value'],
  },
  {
    name: 'a (sub)manifest',
    edition: 'scorm12',
    replace: [['</resources>\n</manifest>', '</resources>\n<manifest identifier="SUB"/>\n</manifest>']],
    expected: ['manifest-submanifest'],
    severity: 'warning',
  },
  { name: 'version too long (1.2: XSD error)', edition: 'scorm12', replace: [['"MANIFEST-demo" version="1.0"', `"MANIFEST-demo" version="${'1'.repeat(21)}"`]], expected: ['manifest-value-too-long'] },
  {
    name: 'title too long (2004: warning)',
    edition: 'scorm2004',
    replace: [['<title>Demo</title>', `<title>${'x'.repeat(201)}</title>`]],
    expected: ['manifest-value-too-long'],
    severity: 'warning',
  },
]

function run(testCase: Case, file = 'demo.zip') {
  let manifest = testCase.edition === 'scorm12' ? SCORM12 : SCORM2004
  for (const [search, replacement] of testCase.replace ?? []) {
    const pattern = search.includes('[^]') ? new RegExp(search) : search
    const next = manifest.replace(pattern, replacement)
    if (next === manifest) throw new Error(`${testCase.name}: "${search}" not found`)
    manifest = next
  }
  const baseFiles = testCase.edition === 'scorm12' ? SCORM12_FILES : SCORM2004_FILES
  const files = testCase.files ? testCase.files(baseFiles) : baseFiles
  return checkManifest({ manifest, files, file, ...(testCase.expectEdition ? { edition: testCase.expectEdition } : {}) })
}

describe('checkManifest', () => {
  it('accepts both hand-written manifests', () => {
    expect(checkManifest({ manifest: SCORM12, files: SCORM12_FILES, file: 'a.zip' })).toEqual([])
    expect(checkManifest({ manifest: SCORM2004, files: SCORM2004_FILES, file: 'b.zip', edition: 'scorm2004' })).toEqual([])
  })

  it.each(CASES.map((testCase) => [testCase.name, testCase] as const))('reports %s', (_name, testCase) => {
    const diagnostics = run(testCase)
    expect(diagnostics.map((diagnostic) => diagnostic.ruleId).sort()).toEqual([...testCase.expected].sort())
    for (const diagnostic of diagnostics) {
      expect(diagnostic).toMatchObject({ source: 'packager', file: 'demo.zip' })
      expect(diagnostic.line).toBeUndefined()
      expect(diagnostic.message).not.toMatch(/^Error/)
    }
    const first = diagnostics.find((diagnostic) => diagnostic.ruleId === testCase.expected[0])
    if (testCase.expected.length > 0) expect(first!.severity).toBe(testCase.severity ?? 'error')
  })

  it('covers every manifest rule', async () => {
    const { RULES } = await import('./rules.js')
    const manifestRules = Object.values(RULES)
      .map((rule) => rule.id)
      .filter((id) => id.startsWith('manifest-') && id !== 'manifest-title-truncated')
    const covered = new Set(CASES.flatMap((testCase) => testCase.expected))
    expect(manifestRules.filter((id) => !covered.has(id))).toEqual([])
  })

  it('gives line and column when the file is the manifest itself', () => {
    const [diagnostic] = run(CASES.find((testCase) => testCase.name === 'item names no resource')!, 'pkg/imsmanifest.xml')
    expect(diagnostic).toMatchObject({ file: 'pkg/imsmanifest.xml', line: 14, column: 7 })
    const [parse] = run(CASES[0]!, 'pkg/imsmanifest.xml')
    expect(parse).toMatchObject({ ruleId: 'manifest-not-well-formed', line: 19, column: 3 })
  })
})
