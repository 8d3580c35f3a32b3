export { build, formatBytes, ZIP_SIZE_WARNING, type BuildOptions, type BuildReport, type PackageReport } from './build.js'
export { checkDescriptor, type CheckDescriptorInput } from './check-descriptor.js'
export { checkManifest, scormManifestInfo, type CheckManifestInput, type ScormManifestInfo } from './check-manifest.js'
export { cmi5Xml } from './descriptor-cmi5.js'
export { DESCRIPTOR_FORMATS, type DescriptorFormat } from './descriptor-formats.js'
export { tincanXml } from './descriptor-tincan.js'
export { checkEntryNames, ENTRY_NAME } from './entry-names.js'
export { CONTENT_SECURITY_POLICY, contentSecurityPolicy, courseJson, launchPage, LRS_CONTENT_SECURITY_POLICY } from './launch-page.js'
export {
  LAUNCH_PAGE,
  MANIFEST_FILE,
  MANIFEST_TITLE_LIMIT,
  scormManifestModel,
  type ScormManifestModel,
} from './manifest-model.js'
export { SCORM12_SCHEMA_LOCATION, scorm12Manifest } from './manifest-scorm12.js'
export { SCORM2004_SCHEMA_LOCATION, scorm2004Manifest } from './manifest-scorm2004.js'
export {
  buildPackage,
  FILE_COUNT_WARNING,
  zipFileName,
  type BuildPackageOptions,
  type PackageResult,
  type StateSize,
} from './package.js'
export type { PackageFile } from './package-file.js'
export {
  bundlePlayer,
  PLAYER_BUILD_TARGET,
  playerAssets,
  type BundleOptions,
  type PlayerAssetOptions,
  type PlayerAssets,
  type PlayerTarget,
} from './player-assets.js'
export { RULES as PACKAGER_RULES, type Rule } from './rules.js'
export { schemaFiles, schemasDir } from './schemas.js'
export { NS as SCORM_NAMESPACES, type ScormEdition } from './scorm-namespaces.js'
export {
  defaultTargets,
  isLrsTarget,
  isPackageTarget,
  LRS_TARGETS,
  PACKAGE_TARGETS,
  type LrsTarget,
  type PackageTarget,
} from './targets.js'
export { writeZip, ZIP_DATE, ZIP_FILE_MODE, zipDate, type WriteZipResult } from './zip.js'
