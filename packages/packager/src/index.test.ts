import { describe, expect, it } from 'vitest'
import type { ModuleMeta } from '@cafes/compiler'
import * as packager from './index.js'

describe('@cafes/packager', () => {
  it('exports exactly its public API', () => {
    expect(Object.keys(packager).sort()).toEqual([
      'CONTENT_SECURITY_POLICY',
      'DESCRIPTOR_FORMATS',
      'ENTRY_NAME',
      'FILE_COUNT_WARNING',
      'LAUNCH_PAGE',
      'LRS_CONTENT_SECURITY_POLICY',
      'LRS_TARGETS',
      'MANIFEST_FILE',
      'MANIFEST_TITLE_LIMIT',
      'PACKAGER_RULES',
      'PACKAGE_TARGETS',
      'PLAYER_BUILD_TARGET',
      'SCORM12_SCHEMA_LOCATION',
      'SCORM2004_SCHEMA_LOCATION',
      'SCORM_NAMESPACES',
      'ZIP_DATE',
      'ZIP_FILE_MODE',
      'ZIP_SIZE_WARNING',
      'build',
      'buildPackage',
      'bundlePlayer',
      'checkDescriptor',
      'checkEntryNames',
      'checkManifest',
      'cmi5Xml',
      'contentSecurityPolicy',
      'courseJson',
      'defaultTargets',
      'formatBytes',
      'isLrsTarget',
      'isPackageTarget',
      'launchPage',
      'playerAssets',
      'schemaFiles',
      'schemasDir',
      'scorm12Manifest',
      'scorm2004Manifest',
      'scormManifestInfo',
      'scormManifestModel',
      'tincanXml',
      'writeZip',
      'zipDate',
      'zipFileName',
    ])
  })

  it('builds every target, and defaults to the module\'s, the config\'s, else the four LMS ones', () => {
    const meta: ModuleMeta = { id: 'x', title: 'x', language: 'fr', version: '1.0.0', objectives: [], completion: 'pages' }
    expect(packager.PACKAGE_TARGETS).toEqual(['scorm12', 'scorm2004', 'xapi', 'cmi5', 'web'])
    expect(packager.LRS_TARGETS).toEqual(['xapi', 'cmi5'])
    expect(packager.defaultTargets({ meta, config: {} })).toEqual(['scorm12', 'scorm2004', 'xapi', 'cmi5'])
    expect(packager.defaultTargets({ meta, config: { targets: ['web', 'xapi', 'web'] } })).toEqual(['xapi', 'web'])
    expect(packager.defaultTargets({ meta: { ...meta, targets: ['cmi5'] }, config: { targets: ['web'] } })).toEqual(['cmi5'])
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
