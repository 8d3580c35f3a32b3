import type { PackageTarget } from '@cafes/packager'

/** `dist/index.json`: the catalogue of one release. */
export interface ReleaseIndex {
  /** Sorted by id. */
  modules: ReleaseModule[]
}

/** One module of the catalogue, with what its front matter says of it. */
export interface ReleaseModule {
  id: string
  title: string
  version: string
  /** BCP 47. */
  language: string
  description?: string
  /** Minutes. */
  duration?: number
  objectives: string[]
  /** One per package, in `RELEASE_TARGETS` order. */
  targets: ReleasePackage[]
}

/** A package target, or the facilitator edition (a `web` zip with the facilitator notes). */
export type ReleaseTarget = PackageTarget | 'facilitator'

/** One zip of the release. */
export interface ReleasePackage {
  target: ReleaseTarget
  /** The zip's name, next to the index. */
  file: string
  /** Bytes. */
  size: number
  /** Entries in the zip (some LMSs cap it). */
  fileCount: number
  /** Hex SHA-256 of the zip, as in `SHA256SUMS`. */
  sha256: string
}
