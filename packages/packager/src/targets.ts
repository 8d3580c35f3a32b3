import { DEFAULT_TARGETS, type TargetId } from '@cafes/core'
import type { CompiledModule } from '@cafes/compiler'

/** Targets this version can package; `xapi` and `cmi5` come later. */
export const PACKAGE_TARGETS = ['scorm12', 'scorm2004', 'web'] as const satisfies readonly TargetId[]
export type PackageTarget = (typeof PACKAGE_TARGETS)[number]

export function isPackageTarget(target: string): target is PackageTarget {
  return (PACKAGE_TARGETS as readonly string[]).includes(target)
}

/**
 * The targets of a module when the command line names none: the module's `targets`, else
 * the config's, else `DEFAULT_TARGETS`, without those this version cannot build (silently:
 * nobody asked for them explicitly). Deduplicated, in `PACKAGE_TARGETS` order.
 */
export function defaultTargets(module: Pick<CompiledModule, 'meta' | 'config'>): PackageTarget[] {
  const wanted: readonly TargetId[] = module.meta.targets ?? module.config.targets ?? DEFAULT_TARGETS
  return PACKAGE_TARGETS.filter((target) => wanted.includes(target))
}
