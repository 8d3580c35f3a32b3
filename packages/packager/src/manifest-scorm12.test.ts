import { describe, expect, it } from 'vitest'
import { makeModule } from '../test/helpers.js'
import { checkManifest } from './check-manifest.js'
import { scormManifestModel } from './manifest-model.js'
import { scorm12Manifest } from './manifest-scorm12.js'

const SCHEMAS = ['adlcp_rootv1p2.xsd', 'ims_xml.xsd', 'imscp_rootv1p1p2.xsd', 'imsmd_rootv1p2p1.xsd']
const FILES = ['assets/tasse.svg', 'imsmanifest.xml', 'index.html', 'player.css', 'player.js', ...SCHEMAS]

function manifestFor(completion: 'pages' | 'passed' | 'pages-and-passed', title = 'Le café & <vous>'): string {
  const module = makeModule({ id: 'demo-quiz', version: '1.2.0', title, completion, passMark: 75 })
  return scorm12Manifest(scormManifestModel(module.course, FILES))
}

describe('scorm12Manifest', () => {
  it('writes the exact manifest, with a mastery score when completion is "passed" alone', () => {
    expect(manifestFor('passed')).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="cafes.demo-quiz" version="1.2.0" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="ORG-demo-quiz">
    <organization identifier="ORG-demo-quiz">
      <title>Le café &amp; &lt;vous&gt;</title>
      <item identifier="ITEM-demo-quiz" identifierref="RES-demo-quiz" isvisible="true">
        <title>Le café &amp; &lt;vous&gt;</title>
        <adlcp:masteryscore>75</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="RES-demo-quiz" type="webcontent" adlcp:scormtype="sco" href="index.html">
      <file href="index.html"/>
      <dependency identifierref="RES-demo-quiz-shared"/>
    </resource>
    <resource identifier="RES-demo-quiz-shared" type="webcontent" adlcp:scormtype="asset">
      <file href="assets/tasse.svg"/>
      <file href="player.css"/>
      <file href="player.js"/>
    </resource>
  </resources>
</manifest>
`)
  })

  it('has no mastery score when completion also needs pages (B21)', () => {
    expect(manifestFor('pages-and-passed')).not.toContain('masteryscore')
    expect(manifestFor('pages')).not.toContain('masteryscore')
  })

  it('keeps identifiers when the version changes (B5)', () => {
    const a = scormManifestModel(makeModule({ version: '1.0.0' }).course, FILES)
    const b = scormManifestModel(makeModule({ version: '2.3.4' }).course, FILES)
    expect({ ...a, version: '' }).toEqual({ ...b, version: '' })
  })

  it('is UTF-8 without BOM, LF only, schemaLocation on one line', () => {
    const xml = manifestFor('passed')
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true)
    expect(xml).not.toMatch(/\r|\uFEFF/)
    expect(xml).toMatch(/xsi:schemaLocation="[^"\n]+"/)
    expect(xml).not.toMatch(/xsi:schemaLocation="[^"]*\s{2}/)
  })

  it('passes the manifest checks', () => {
    for (const completion of ['pages', 'passed', 'pages-and-passed'] as const) {
      expect(checkManifest({ manifest: manifestFor(completion), files: FILES, file: 'demo.zip', edition: 'scorm12' })).toEqual([])
    }
  })
})
