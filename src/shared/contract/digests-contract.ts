import { z } from 'zod';
import { DIGEST_FORMATS } from '../domain.ts';
import type { DigestSummary, ImportReport } from '../domain.ts';
import { operation } from './operation.ts';

/** 64 MB of base64 is ~48 MB of digest: above any real digest, below memory trouble. */
const MAX_BASE64_LENGTH = 70_000_000;

export interface ImportPreview {
  format: string;
  papers: number;
  newPapers: number;
  titles: string[];
}

const digestFile = z.object({
  name: z.string().min(1).max(1000),
  /** File contents as base64, so bytes (BOMs, UTF-16, binaries) reach the detector untouched. */
  dataBase64: z.string().max(MAX_BASE64_LENGTH),
});

export const digestsContract = {
  importDigest: operation<ImportReport>()(
    'digests:import',
    digestFile.extend({
      format: z.enum(DIGEST_FORMATS).optional(),
      into: z.enum(['inbox', 'to-read']).default('inbox'),
    }),
  ),
  previewDigest: operation<ImportPreview>()(
    'digests:preview',
    digestFile.extend({ format: z.enum(DIGEST_FORMATS).optional() }),
  ),
  listDigests: operation<DigestSummary[]>()('digests:list', z.object({})),
  skipRestOfDigest: operation<{ changed: number }>()(
    'digests:skip-rest',
    z.object({ digestId: z.number().int().positive() }),
  ),
};
