import fs from 'node:fs';
import { SiftError } from '../../../shared/api-errors.ts';
import { MAX_DIGEST_BYTES, oversizeProblem } from '../../../shared/digest-size.ts';

export { MAX_DIGEST_BYTES, oversizeProblem } from '../../../shared/digest-size.ts';

export function assertDigestSize(fileName: string, size: number): void {
  if (size > MAX_DIGEST_BYTES) throw new SiftError('invalid-digest', `${fileName} ${oversizeProblem(size)}`);
}

/** Checks the size on disk before a byte is read, so a 4 GB file is refused at once, not after loading it. */
export function assertDigestFileSize(filePath: string, fileName: string = filePath): void {
  const stat = fs.statSync(filePath, { throwIfNoEntry: false });
  if (stat?.isFile()) assertDigestSize(fileName, stat.size);
}

/** Reads a stream (standard input) and stops as soon as it passes the limit. */
export async function readLimited(stream: AsyncIterable<Uint8Array | string>, fileName: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    size += buffer.length;
    if (size > MAX_DIGEST_BYTES) throw new SiftError('invalid-digest', `${fileName} is more than ${MAX_DIGEST_BYTES / 1024 / 1024} MB; Sift reads files up to ${MAX_DIGEST_BYTES / 1024 / 1024} MB. Split it into smaller files.`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
