import { useState } from 'react';
import { WhyPopover } from './WhyPopover.tsx';

/** A row's For you score (where it stands among the reader's papers, 0–99); a click shows why. */
export function ScoreBadge({ paperId, score }: { paperId: number; score: number | null }) {
  const [open, setOpen] = useState(false);
  if (score === null) return null;
  return (
    <span className="score-badge-anchor">
      <button
        type="button"
        className={`score-badge${score >= 80 ? ' score-badge--high' : ''}`}
        data-testid="score-badge"
        title="For you: how this paper compares with everything in your library (0–99). Click: why"
        onMouseDown={(event) => event.stopPropagation()}
        onClick={(event) => {
          event.stopPropagation();
          setOpen((value) => !value);
        }}
      >
        {score}
      </button>
      {open && <WhyPopover paperId={paperId} onClose={() => setOpen(false)} />}
    </span>
  );
}
