import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLmsSim, type LmsSim } from '../src/index.js'
import { AU_IRI, COURSE_IRI, INDEX_HTML, cmi5Xml, tincanXml, writeZip } from './helpers.js'

let sim: LmsSim

beforeAll(async () => {
  sim = await startLmsSim()
})

afterAll(async () => {
  await sim?.close()
})

describe('importPackage: tincan.xml', () => {
  it('takes the one launchable activity as the root', async () => {
    const zip = writeZip({
      'tincan.xml': tincanXml([{ id: `${COURSE_IRI}/q1` }, { id: COURSE_IRI, launch: 'start/index.html?lang=en' }]),
      'start/index.html': INDEX_HTML,
    })
    const imported = await sim.importPackage(zip)
    expect(imported).toMatchObject({ edition: 'xapi', activityId: COURSE_IRI, launchHref: 'start/index.html?lang=en' })
  })

  it('refuses a package with no or several launchable activities', async () => {
    const none = writeZip({ 'tincan.xml': tincanXml([{ id: COURSE_IRI }]), 'index.html': INDEX_HTML })
    await expect(sim.importPackage(none)).rejects.toThrow(/0 activities have a <launch>/)
    const two = writeZip({ 'tincan.xml': tincanXml([{ id: COURSE_IRI, launch: 'index.html' }, { id: `${COURSE_IRI}/2`, launch: 'index.html' }]), 'index.html': INDEX_HTML })
    await expect(sim.importPackage(two)).rejects.toThrow(/2 activities have a <launch>/)
  })

  it('refuses a launch file missing from the package', async () => {
    const zip = writeZip({ 'tincan.xml': tincanXml([{ id: COURSE_IRI, launch: 'main.html' }]), 'index.html': INDEX_HTML })
    await expect(sim.importPackage(zip)).rejects.toThrow(/launch file main.html is not in the package/)
  })
})

describe('importPackage: cmi5.xml', () => {
  it('reads the course and its AU, with the defaults', async () => {
    const imported = await sim.importPackage(writeZip({ 'cmi5.xml': cmi5Xml([{}]), 'index.html': INDEX_HTML }))
    expect(imported.edition).toBe('cmi5')
    expect(imported.cmi5).toEqual({ courseId: COURSE_IRI, au: { id: AU_IRI, url: 'index.html', moveOn: 'NotApplicable', launchMethod: 'AnyWindow' } })
  })

  it('reads moveOn, masteryScore and launchParameters', async () => {
    const xml = cmi5Xml([{ moveOn: 'CompletedAndPassed', masteryScore: '0.75', launchParameters: ' {"level":2} ' }])
    const imported = await sim.importPackage(writeZip({ 'cmi5.xml': xml, 'index.html': INDEX_HTML }))
    expect(imported.cmi5?.au).toMatchObject({ moveOn: 'CompletedAndPassed', masteryScore: 0.75, launchParameters: '{"level":2}' })
  })

  it('refuses several AUs, a missing url file, a wrong namespace, a bad moveOn', async () => {
    await expect(sim.importPackage(writeZip({ 'cmi5.xml': cmi5Xml([{}, {}]), 'index.html': INDEX_HTML }))).rejects.toThrow(/2 AUs/)
    await expect(sim.importPackage(writeZip({ 'cmi5.xml': cmi5Xml([{ url: 'au.html' }]), 'index.html': INDEX_HTML }))).rejects.toThrow(/launch file au.html/)
    const wrongNamespace = cmi5Xml().replace('https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd', 'urn:x')
    await expect(sim.importPackage(writeZip({ 'cmi5.xml': wrongNamespace, 'index.html': INDEX_HTML }))).rejects.toThrow(/namespace/)
    await expect(sim.importPackage(writeZip({ 'cmi5.xml': cmi5Xml([{ moveOn: 'Finished' }]), 'index.html': INDEX_HTML }))).rejects.toThrow(/moveOn="Finished"/)
  })

  it('accepts an absolute AU url without a file', async () => {
    const imported = await sim.importPackage(writeZip({ 'cmi5.xml': cmi5Xml([{ url: 'https://content.example.com/au?x=1' }]) }))
    expect(imported.launchHref).toBe('https://content.example.com/au?x=1')
  })
})

describe('importPackage: imsmanifest.xml', () => {
  it('still imports SCORM packages', async () => {
    const manifest = `<?xml version="1.0"?>
<manifest identifier="m" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <organizations default="o"><organization identifier="o"><title>T</title><item identifier="i" identifierref="r"><title>T</title><adlcp:masteryscore>80</adlcp:masteryscore></item></organization></organizations>
  <resources><resource identifier="r" type="webcontent" adlcp:scormtype="sco" href="index.html"><file href="index.html"/></resource></resources>
</manifest>`
    const imported = await sim.importPackage(writeZip({ 'imsmanifest.xml': manifest, 'index.html': INDEX_HTML }))
    expect(imported).toMatchObject({ edition: 'scorm12', launchHref: 'index.html', masteryScore: '80' })
  })
})
