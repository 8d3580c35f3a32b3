export { startLmsSim, type LmsSim } from './server.js'
export { importPackage, type ImportedPackage } from './import-package.js'
export { readZip, type ZipEntry } from './unzip.js'
export type { ApiCall, CmiTree, LaunchOptions, LmsFaults, ScormEdition, SimAttempt, SimSession } from './types.js'
