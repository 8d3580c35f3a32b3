/**
 * Caps under which a zip is read at all. Above them it is refused unread: nothing is
 * inflated, nothing is written anywhere, memory stays bounded.
 */
export interface ZipLimits {
  /**
   * Entries the central directory may declare.
   * @default 50_000 (360Learning's cap, the highest any LMS documents)
   */
  maxEntries: number
  /**
   * Bytes all entries may unpack to, declared and actual.
   * @default 4 GiB (360Learning's unpacked cap, the highest any LMS documents)
   */
  maxTotalBytes: number
  /**
   * Unpacked ÷ packed size an entry may reach once it unpacks to more than `ratioFloorBytes`.
   * @default 200 (360Learning's cap; deflate reaches 229:1 on zeros at its fastest level and
   * 1,032:1 at its best, while media and text stay far below)
   */
  maxRatio: number
  /** @default 1 MiB: small files may have odd ratios (an empty-ish JSON) without harm. */
  ratioFloorBytes: number
  /**
   * Bytes of a descriptor (imsmanifest.xml, tincan.xml, cmi5.xml), the only entries kept in memory.
   * @default 16 MiB
   */
  maxDescriptorBytes: number
}

const MiB = 1024 * 1024

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 50_000,
  maxTotalBytes: 4 * 1024 * MiB,
  maxRatio: 200,
  ratioFloorBytes: MiB,
  maxDescriptorBytes: 16 * MiB,
}
