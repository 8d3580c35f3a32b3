import { DEFAULT_TARGETS, type TargetId } from '@cafes/core'
import type { CompiledModule } from '@cafes/compiler'

/** Targets this version can package, in the order builds and reports list them. */
export const PACKAGE_TARGETS = ['scorm12', 'scorm2004', 'xapi', 'cmi5', 'web'] as const satisfies readonly TargetId[]
export type PackageTarget = (typeof PACKAGE_TARGETS)[number]

/** Targets whose player talks to an LRS (given at launch) rather than to an LMS's JavaScript API. */
export const LRS_TARGETS = ['xapi', 'cmi5'] as const satisfies readonly PackageTarget[]
export type LrsTarget = (typeof LRS_TARGETS)[number]

/** For names typed by users (`--target`), which may be anything. */
export function isPackageTarget(target: string): target is PackageTarget {
  return (PACKAGE_TARGETS as readonly string[]).includes(target)
}

/** xAPI and cmi5: a descriptor instead of a manifest, and a launch page that may reach the LRS. */
export function isLrsTarget(target: string): target is LrsTarget {
  return (LRS_TARGETS as readonly string[]).includes(target)
}

/**
 * The targets of a module when the command line names none: the module's `targets`, else
 * the config's, else `DEFAULT_TARGETS`. Deduplicated, in `PACKAGE_TARGETS` order.
 */
export function defaultTargets(module: Pick<CompiledModule, 'meta' | 'config'>): PackageTarget[] {
  const wanted: readonly TargetId[] = module.meta.targets ?? module.config.targets ?? DEFAULT_TARGETS
  return PACKAGE_TARGETS.filter((target) => wanted.includes(target))
}
