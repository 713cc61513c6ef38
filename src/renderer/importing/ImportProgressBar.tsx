import type { ImportProgress } from './use-importer.ts';

const count = (value: number) => value.toLocaleString('en');
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** How far the file under way is, 0–1: reading is a small first share, then writing, then indexing. */
function fileFraction(progress: ImportProgress): number {
  const found = progress.papersFound ?? 0;
  if (progress.state === 'writing' && found > 0) return 0.1 + 0.7 * (progress.papersWritten / found);
  if (progress.state === 'indexing' && found > 0) return 0.8 + 0.15 * Math.min(1, progress.papersIndexed / found);
  if (progress.state === 'saving') return 0.95;
  if (progress.state === 'done' || progress.state === 'failed' || progress.state === 'cancelled') return 1;
  // Reading is the first tenth: half of it as soon as it starts, the rest as the reader says it moves.
  if (progress.state === 'waiting') return 0.1;
  if (progress.state === 'reading') return 0.05 + 0.05 * (progress.fractionRead ?? 0);
  return 0;
}

function describe(progress: ImportProgress): string {
  const found = progress.papersFound;
  switch (progress.state) {
    case 'sending':
      return progress.bytes ? `sending ${megabytes(progress.bytes)}…` : 'sending…';
    case 'reading':
      if (found !== null) return `${count(found)} papers found…`;
      return `reading${progress.bytes ? ` ${megabytes(progress.bytes)}` : ''}${progress.fractionRead ? ` (${Math.floor(progress.fractionRead * 100)}%)` : ''}…`;
    case 'waiting':
      return `${count(found ?? 0)} papers found; waiting for another Sift process to finish writing to the library…`;
    case 'writing':
      return `${count(progress.papersWritten)} of ${count(found ?? 0)} papers written…`;
    case 'indexing':
      return `indexing for search: ${count(Math.min(progress.papersIndexed, found ?? 0))} of ${count(found ?? 0)}…`;
    case 'saving':
      return `saving ${count(found ?? 0)} papers to the library…`;
    default:
      return 'finishing…';
  }
}

/**
 * The bar under the top bar while files import. The import runs off the window's thread: everything
 * else (search, triage) keeps working while it moves. Cancel rolls the file under way back whole.
 */
export function ImportProgressBar({ progress, onCancel }: { progress: ImportProgress; onCancel: () => void }) {
  const percent = Math.round(((progress.done + fileFraction(progress)) / progress.total) * 100);
  const busy = progress.state === 'sending' || (progress.state === 'reading' && progress.papersFound === null && !progress.fractionRead);
  return (
    <div className="import-progress" role="status" aria-label="Import progress">
      <div className="import-progress__text">
        Importing <b>{progress.current}</b>
        {progress.total > 1 ? ` (${progress.done + 1} of ${progress.total})` : ''}: {describe(progress)}
      </div>
      <div
        className={`import-progress__bar${busy ? ' import-progress__bar--busy' : ''}`}
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div style={{ width: `${percent}%` }} />
      </div>
      <span className="import-progress__percent">{percent}%</span>
      <button type="button" className="text-button" onClick={onCancel}>Cancel</button>
    </div>
  );
}
