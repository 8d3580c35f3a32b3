import { describe, expect, it } from 'vitest'
import * as packager from './index.js'

describe('@cafes/packager', () => {
  it('exports exactly its public API', () => {
    expect(Object.keys(packager).sort()).toEqual([
      'CONTENT_SECURITY_POLICY',
      'ENTRY_NAME',
      'FILE_COUNT_WARNING',
      'LAUNCH_PAGE',
      'MANIFEST_FILE',
      'MANIFEST_TITLE_LIMIT',
      'PACKAGER_RULES',
      'PACKAGE_TARGETS',
      'PLAYER_BUILD_TARGET',
      'SCORM12_SCHEMA_LOCATION',
      'SCORM2004_SCHEMA_LOCATION',
      'ZIP_DATE',
      'ZIP_FILE_MODE',
      'ZIP_SIZE_WARNING',
      'build',
      'buildPackage',
      'bundlePlayer',
      'checkEntryNames',
      'checkManifest',
      'courseJson',
      'defaultTargets',
      'formatBytes',
      'isPackageTarget',
      'launchPage',
      'playerAssets',
      'schemaFiles',
      'schemasDir',
      'scorm12Manifest',
      'scorm2004Manifest',
      'scormManifestModel',
      'writeZip',
      'zipFileName',
    ])
  })

  it('builds scorm12, scorm2004 and web, and defaults to the SCORM ones', () => {
    expect(packager.PACKAGE_TARGETS).toEqual(['scorm12', 'scorm2004', 'web'])
    expect(packager.defaultTargets({ meta: { id: 'x', title: 'x', language: 'fr', version: '1.0.0', objectives: [], completion: 'pages' }, config: {} })).toEqual(['scorm12', 'scorm2004'])
    expect(packager.defaultTargets({ meta: { id: 'x', title: 'x', language: 'fr', version: '1.0.0', objectives: [], completion: 'pages' }, config: { targets: ['xapi', 'web'] } })).toEqual(['web'])
    expect(packager.defaultTargets({ meta: { id: 'x', title: 'x', language: 'fr', version: '1.0.0', objectives: [], completion: 'pages', targets: ['cmi5'] }, config: { targets: ['web'] } })).toEqual([])
  })

  it('gives every rule a unique kebab-case id', () => {
    const ids = Object.values(packager.PACKAGER_RULES).map((rule) => rule.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  })

  it('formats sizes as file managers do', () => {
    expect(packager.formatBytes(812)).toBe('812 B')
    expect(packager.formatBytes(18_400)).toBe('18.4 kB')
    expect(packager.formatBytes(1_234_567)).toBe('1.2 MB')
  })
})
