import { useEffect, useState } from 'react';
import type { DigestSummary, PaperSummary } from '../../shared/domain.ts';
import { api } from '../api/sift-client.ts';
import { countOf, formatCount } from '../format/format-count.ts';
import { digestLabel } from './digest-label.ts';

interface DigestOutcome {
  kept: PaperSummary[];
  keptTotal: number;
  read: number;
  skipped: number;
  starred: number;
}

async function loadOutcome(digestId: number): Promise<DigestOutcome> {
  const [toRead, read, skipped, starred] = await Promise.all(
    (['to-read', 'read', 'skipped', 'starred'] as const).map((queue) => api.listPapers({ queue, digestId, limit: queue === 'to-read' ? 8 : 1 })),
  );
  return {
    kept: toRead?.data?.papers ?? [],
    keptTotal: toRead?.data?.total ?? 0,
    read: read?.data?.total ?? 0,
    skipped: skipped?.data?.total ?? 0,
    starred: starred?.data?.total ?? 0,
  };
}

/** The end of a digest: what was kept from it, and the next digest to open. */
export function DoneScreen({ digest, next, onOpenNext, onClose }: { digest: DigestSummary; next: DigestSummary | null; onOpenNext: () => void; onClose: () => void }) {
  const [outcome, setOutcome] = useState<DigestOutcome | null>(null);
  useEffect(() => {
    void loadOutcome(digest.id).then(setOutcome);
  }, [digest.id]);
  return (
    <section className="done-screen" aria-label="Digest done" data-testid="done-screen">
      <div className="done-screen__mark" aria-hidden="true">✓</div>
      <h2>{digestLabel(digest)} done</h2>
      <p className="done-screen__summary">
        {countOf(digest.paperCount, 'paper')} triaged
        {outcome && (
          <>: <b>{formatCount(outcome.keptTotal)}</b> to read, <b>{formatCount(outcome.read)}</b> read, <b>{formatCount(outcome.skipped)}</b> skipped{outcome.starred > 0 && <>, <b>{formatCount(outcome.starred)}</b> starred</>}</>
        )}
      </p>
      {outcome && outcome.kept.length > 0 && (
        <>
          <h3 className="done-screen__heading">You kept</h3>
          <ol className="done-screen__kept">
            {outcome.kept.map((paper) => (
              <li key={paper.id}>{paper.title}</li>
            ))}
            {outcome.keptTotal > outcome.kept.length && <li className="detail__muted">…and {formatCount(outcome.keptTotal - outcome.kept.length)} more in To read</li>}
          </ol>
        </>
      )}
      <div className="done-screen__buttons">
        {next ? (
          <button type="button" className="primary-button" onClick={onOpenNext}>
            Next: {digestLabel(next)} · {countOf(next.untriaged, 'paper')} waiting <kbd>Enter</kbd>
          </button>
        ) : (
          <p className="detail__muted">No other digest is waiting. Inbox zero.</p>
        )}
        <button type="button" className="text-button" onClick={onClose}>Close <kbd>Esc</kbd></button>
      </div>
    </section>
  );
}
