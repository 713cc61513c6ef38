import { useEffect, useState } from 'react';
import type { PaperWhy, Reason } from '../../shared/contract/learn-contract.ts';
import { api } from '../api/sift-client.ts';

const KIND_LABEL: Record<Reason['kind'], string> = { word: 'words', author: 'authors', tag: 'tags' };

export function useWhy(paperId: number | null): PaperWhy | null {
  const [why, setWhy] = useState<PaperWhy | null>(null);
  useEffect(() => {
    setWhy(null);
    if (paperId === null) return;
    let current = true;
    void api.explainPaper({ id: paperId }).then((result) => current && setWhy(result.data ?? null));
    return () => {
      current = false;
    };
  }, [paperId]);
  return why;
}

/** "Ranked up for: words diffusion, denoising · authors …": the evidence that weighed most, grouped by kind. */
export function WhyLine({ why }: { why: PaperWhy }) {
  if (why.reasons.length === 0) return null;
  const up = (why.reasons[0]?.weight ?? 0) > 0;
  const groups = (['word', 'author', 'tag'] as const)
    .map((kind) => ({ kind, items: why.reasons.filter((reason) => reason.kind === kind) }))
    .filter((group) => group.items.length > 0);
  return (
    <p className="why-line" data-testid="why-line">
      <span className="why-line__lead">{up ? 'Ranked up for' : 'Ranked down for'}</span>
      {groups.map((group) => (
        <span key={group.kind} className="why-line__group">
          <span className="why-line__kind">{KIND_LABEL[group.kind]}</span>
          {group.items.map((reason) => (
            <span key={reason.text} className={`why-chip${up ? '' : ' why-chip--down'}`} title={`${Math.round(Math.abs(reason.weight) * 100)}% of the evidence`}>
              {reason.text}
            </span>
          ))}
        </span>
      ))}
    </p>
  );
}

export function WhyPopover({ paperId, onClose }: { paperId: number; onClose: () => void }) {
  const why = useWhy(paperId);
  useEffect(() => {
    const close = () => onClose();
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [onClose]);
  return (
    <div className="why-popover" role="dialog" aria-label="Why this score" onMouseDown={(event) => event.stopPropagation()}>
      {why === null ? 'Weighing…' : why.reasons.length > 0 ? <WhyLine why={why} /> : 'Nothing in this paper weighed either way yet.'}
    </div>
  );
}
