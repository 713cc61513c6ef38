import type { PaperSummary } from '../../shared/domain.ts';
import { SuggestedTags } from './SuggestedTags.tsx';
import { useWhy, WhyLine } from './WhyPopover.tsx';

/** Above the open paper: why For you placed it (in For you order), suggested tags, and More like this. */
export function LearnDetailStrip({ paper, showWhy, onMoreLikeThis, onAddTag }: {
  paper: PaperSummary;
  showWhy: boolean;
  onMoreLikeThis: () => void;
  onAddTag: (tag: string) => void;
}) {
  const why = useWhy(showWhy ? paper.id : null);
  return (
    <div className="learn-strip">
      {paper.status === 'inbox' && <SuggestedTags paperId={paper.id} tags={paper.tags} onAdd={onAddTag} />}
      <div className="learn-strip__row">
        {why && <WhyLine why={why} />}
        <button type="button" className="text-button learn-strip__similar" onClick={onMoreLikeThis} title="The nearest papers in your whole library (m)">
          More like this <kbd>m</kbd>
        </button>
      </div>
    </div>
  );
}
