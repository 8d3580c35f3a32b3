export { validatePackage, type PackageFormat, type ValidateOptions, type ValidationReport } from './validate-package.js'
export { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-limits.js'
export type { LaunchReport, LaunchStep } from './launch/launch-package.js'
export { RULES as VALIDATE_RULES, type Rule } from './rules.js'
