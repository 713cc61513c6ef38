// The one size limit for a digest, whichever way it comes in (file, drop, paste, standard input, HTTP).

/** Larger than any real digest (a 10,000-paper JSON dump is ~20 MB); refusing keeps memory bounded. */
export const MAX_DIGEST_BYTES = 40 * 1024 * 1024;

/**
 * "is 40.1 MB; Sift reads files up to 40 MB": the size is rounded up, so a file a byte over the limit
 * never reads as "40.0 MB" and contradicts the limit beside it.
 */
export function oversizeProblem(size: number): string {
  const megabytes = Math.ceil((size / 1024 / 1024) * 10) / 10;
  return `is ${megabytes.toFixed(1)} MB; Sift reads files up to ${MAX_DIGEST_BYTES / 1024 / 1024} MB. Split it into smaller files.`;
}
