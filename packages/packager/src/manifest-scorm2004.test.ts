import { describe, expect, it } from 'vitest'
import { makeModule } from '../test/helpers.js'
import { checkManifest } from './check-manifest.js'
import { scormManifestModel } from './manifest-model.js'
import { scorm2004Manifest } from './manifest-scorm2004.js'

const SCHEMAS = ['adlcp_v1p3.xsd', 'imscp_v1p1.xsd', 'imsss_v1p0.xsd', 'common/anyElement.xsd', 'XMLSchema.dtd']
const FILES = ['imsmanifest.xml', 'index.html', 'player.css', 'player.js', ...SCHEMAS]

function manifestFor(completion: 'pages' | 'passed' | 'pages-and-passed', passMark = 80): string {
  const module = makeModule({ id: 'texte-seul', version: '1.0.0', title: 'Texte seul', completion, passMark })
  return scorm2004Manifest(scormManifestModel(module.course, FILES))
}

describe('scorm2004Manifest', () => {
  it('writes the exact manifest, with a primary objective when completion is "passed" alone', () => {
    expect(manifestFor('passed')).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="cafes.texte-seul" version="1.0.0" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3" xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="ORG-texte-seul">
    <organization identifier="ORG-texte-seul">
      <title>Texte seul</title>
      <item identifier="ITEM-texte-seul" identifierref="RES-texte-seul">
        <title>Texte seul</title>
        <imsss:sequencing>
          <imsss:controlMode choice="true" flow="true"/>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="PRIMARY" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>0.8</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
          <imsss:deliveryControls tracked="true" completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
      </item>
      <imsss:sequencing>
        <imsss:controlMode choice="true" flow="true"/>
      </imsss:sequencing>
    </organization>
  </organizations>
  <resources>
    <resource identifier="RES-texte-seul" type="webcontent" adlcp:scormType="sco" href="index.html">
      <file href="index.html"/>
      <dependency identifierref="RES-texte-seul-shared"/>
    </resource>
    <resource identifier="RES-texte-seul-shared" type="webcontent" adlcp:scormType="asset">
      <file href="player.css"/>
      <file href="player.js"/>
    </resource>
  </resources>
</manifest>
`)
  })

  it('has no objective but keeps the delivery controls when completion needs pages (B8, B21)', () => {
    for (const completion of ['pages', 'pages-and-passed'] as const) {
      const xml = manifestFor(completion)
      expect(xml).not.toContain('imsss:objectives')
      expect(xml).toContain(
        '<imsss:deliveryControls tracked="true" completionSetByContent="true" objectiveSetByContent="true"/>',
      )
    }
  })

  it('writes the pass mark as a measure from 0 to 1', () => {
    expect(manifestFor('passed', 75)).toContain('<imsss:minNormalizedMeasure>0.75</imsss:minNormalizedMeasure>')
    expect(manifestFor('passed', 100)).toContain('<imsss:minNormalizedMeasure>1</imsss:minNormalizedMeasure>')
    expect(manifestFor('passed', 0)).toContain('<imsss:minNormalizedMeasure>0</imsss:minNormalizedMeasure>')
  })

  it('passes the manifest checks', () => {
    for (const completion of ['pages', 'passed', 'pages-and-passed'] as const) {
      expect(checkManifest({ manifest: manifestFor(completion), files: FILES, file: 'demo.zip', edition: 'scorm2004' })).toEqual([])
    }
  })
})
