/** One file of a package: its entry name in the zip and its bytes. */
export interface PackageFile {
  /** `/` separators, no leading `/`. */
  path: string
  data: Buffer
}
