export { startLmsSim, type LmsSim } from './server.js'
export { importPackage, type ImportedPackage } from './import-package.js'
export { readZip, type ZipEntry } from './unzip.js'
export type { Cmi5Descriptor, Cmi5AuDescriptor, TincanDescriptor } from './descriptors.js'
export type { SimLrs } from './lrs.js'
export type { LrsFaults, LrsRequest } from './lrs-types.js'
export type { XapiAgent, XapiActivity, XapiContext, XapiResult, XapiStatement } from './lrs-validate.js'
export type { Cmi5Session, Cmi5SessionStatus } from './cmi5-lms.js'
export { CMI5 } from './cmi5-rules.js'
export type {
  ApiCall, Cmi5LaunchMode, Cmi5MoveOn, CmiTree, LaunchOptions, LmsFaults, PackageEdition, ScormEdition, SimAttempt, SimSession,
} from './types.js'
