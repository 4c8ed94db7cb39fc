/** Caps that keep an archive from exhausting memory or disk: entry count, total inflated size, per-entry ratio. */

/** How deep archives may nest (a zip in a zip in a zip); enforced by ingest, which does the recursion. */
export const MAX_ARCHIVE_DEPTH = 3;

/** Limits for one archive; every size is measured while inflating, never taken from the headers. */
export interface ZipLimits {
  /** Most entries (files, folders, skipped ones) the archive may list. */
  maxEntries: number;
  /** Most bytes all members may inflate to together. */
  maxTotalBytes: number;
  /** Most bytes one member may inflate to per compressed byte, once it is past `ratioFloorBytes`. */
  maxRatio: number;
  /** Members smaller than this are never judged by ratio (a small file of zeros is not a bomb). */
  ratioFloorBytes: number;
}

/** The defaults: 10,000 entries, 1 GiB in total, 100:1 beyond 1 MiB. */
export const DEFAULT_ZIP_LIMITS: Readonly<ZipLimits> = Object.freeze({
  maxEntries: 10_000,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
});
