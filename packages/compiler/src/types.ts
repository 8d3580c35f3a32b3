import type { CompletionRule, Course, Diagnostic, TargetId } from '@cafes/core'

/** What authors write in `module.md`'s front matter (every key optional but `id` and `title`). */
export interface ModuleFrontMatter {
  id?: unknown
  title?: unknown
  language?: unknown
  version?: unknown
  description?: unknown
  duration?: unknown
  objectives?: unknown
  passMark?: unknown
  completion?: unknown
  targets?: unknown
  facilitation?: unknown
}

/** The front matter once validated, with defaults applied (`defaultMeta()`). */
export interface ModuleMeta {
  id: string
  title: string
  /** BCP 47, default `fr`. */
  language: string
  /** semver, default `1.0.0`. */
  version: string
  description?: string
  /** Minutes. */
  duration?: number
  objectives: string[]
  /** 0–100; the module's pass mark, when it has questions. */
  passMark?: number
  completion: CompletionRule
  /** The module's own default targets, when it names any. */
  targets?: TargetId[]
  /** Suggested session lengths in minutes, for the facilitator edition. */
  facilitation?: { inPerson?: number; remote?: number }
}

/** `cafes.config.yaml`, validated. */
export interface ProjectConfig {
  /** Absolute path of the file, when there is one. */
  file?: string
  targets?: TargetId[]
  organisation?: { name: string; logo?: ModuleAsset }
  theme?: { primary?: string; accent?: string }
  /** Absolute `http(s)` IRI under which xAPI/cmi5 activity ids are minted, as written. */
  xapiBaseIri?: string
}

/** A file to ship in the package. */
export interface ModuleAsset {
  /** Absolute path on disk. */
  source: string
  /** Path inside the package: ASCII, `/` separators, e.g. `assets/tasse.svg`. */
  path: string
}

export interface CompiledModule {
  /** Absolute path of the module folder. */
  dir: string
  meta: ModuleMeta
  config: ProjectConfig
  course: Course
  /** Every file the pages reference (images, the logo), deduplicated, sorted by `path`. */
  assets: ModuleAsset[]
  /** Where `module.md`'s front matter writes `id` (1-based), for diagnostics across modules. */
  idPlace?: { line: number; column: number }
}

export interface CompileResult {
  /** Absent when the module could not be read at all. */
  module?: CompiledModule
  /** Every problem found, errors and warnings; any error means: do not package. */
  diagnostics: Diagnostic[]
}

export interface CompileOptions {
  /** Diagnostics name files relative to this folder (the user's working directory). */
  cwd: string
  /**
   * Keep the `:::facilitator` notes, as `FacilitatorNoteBlock`s (the facilitator edition). Default false:
   * the notes are checked, then removed, so they never reach a learner package.
   */
  facilitator?: boolean
}
