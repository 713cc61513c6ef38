import { useEffect, useState } from 'react';
import type { SimilarPaper } from '../../shared/contract/learn-contract.ts';
import type { PaperSummary } from '../../shared/domain.ts';
import { api } from '../api/sift-client.ts';
import { formatAuthors } from '../papers/PaperRow.tsx';

const STATUS: Record<PaperSummary['status'], string> = { inbox: 'Inbox', 'to-read': 'To read', read: 'Read', skipped: 'Skipped' };

/** More like this: the nearest papers in the whole library, read or not. Click one to open it. */
export function SimilarPanel({ paper, onOpen, onClose }: { paper: PaperSummary; onOpen: (id: number) => void; onClose: () => void }) {
  const [similar, setSimilar] = useState<SimilarPaper[] | null>(null);
  useEffect(() => {
    setSimilar(null);
    let current = true;
    void api.similarPapers({ id: paper.id, limit: 10 }).then((result) => current && setSimilar(result.data ?? []));
    return () => {
      current = false;
    };
  }, [paper.id]);
  return (
    <aside className="similar-panel" aria-label="More like this" data-testid="similar-panel">
      <header className="similar-panel__header">
        <div>
          <div className="similar-panel__kicker">More like this</div>
          <div className="similar-panel__source">{paper.title}</div>
        </div>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close" title="Close (Esc)">
          ×
        </button>
      </header>
      {similar === null && <p className="similar-panel__empty">Looking…</p>}
      {similar?.length === 0 && <p className="similar-panel__empty">Nothing in the library is close to this paper yet.</p>}
      <ol className="similar-panel__list">
        {similar?.map((hit) => (
          <li key={hit.paper.id}>
            <button type="button" className="similar-item" onClick={() => onOpen(hit.paper.id)}>
              <span className="similar-item__title">{hit.paper.title}</span>
              <span className="similar-item__meta">
                <span className={`status-pill status-pill--${hit.paper.status}`}>{STATUS[hit.paper.status]}</span>
                {hit.paper.starred && <span className="similar-item__star">★</span>}
                <span>{formatAuthors(hit.paper.authors, 2)}</span>
                <span className="similar-item__similarity" title="Cosine similarity of the two papers' words, authors and tags">
                  {Math.round(hit.similarity * 100)}% alike
                </span>
              </span>
            </button>
          </li>
        ))}
      </ol>
    </aside>
  );
}
