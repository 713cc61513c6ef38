import { SiftError } from '../../../../shared/api-errors.ts';
import type { ImportPreview } from '../../../../shared/contract/digests-contract.ts';
import type { DigestFormat } from '../../../../shared/domain.ts';
import type { Clock } from '../../db/clock.ts';
import { assertDigestSize } from '../digest-size-limit.ts';
import type { PreviewWorkerJob, PreviewWorkerMessage } from './import-worker-protocol.ts';
import { takeWorker } from './run-import-worker.ts';

/**
 * The paste and open-file preview, parsed in the import worker: a pasted 10 MB list takes seconds to
 * read, and on the main thread every other request (search, triage, progress) waited for it.
 */
export function previewInWorker(
  library: { path: string; clock: Clock },
  request: { fileName: string; bytes: Uint8Array; format: DigestFormat | undefined },
): Promise<ImportPreview> {
  assertDigestSize(request.fileName, request.bytes.length);
  const bytes = new Uint8Array(request.bytes);
  const job: PreviewWorkerJob = { kind: 'preview', libraryPath: library.path, fileName: request.fileName, bytes, format: request.format, nowIso: library.clock.now().toISOString() };
  const worker = takeWorker();
  worker.postMessage(job, [bytes.buffer as ArrayBuffer]);
  return new Promise((resolve, reject) => {
    worker.once('message', (message: PreviewWorkerMessage) => {
      if (message.kind === 'preview') resolve(message.preview);
      else reject(new SiftError(message.error.type, message.error.message));
    });
    worker.once('error', (error) => reject(new SiftError('invalid-digest', `${request.fileName} could not be read: ${error.message}.`)));
    worker.once('exit', () => reject(new SiftError('internal', `Reading ${request.fileName} stopped unexpectedly.`)));
  });
}
