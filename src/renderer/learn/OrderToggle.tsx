import type { LearnProgress } from '../../shared/contract/learn-contract.ts';
import { coldStartMessage } from '../../shared/learn-progress-message.ts';
import type { ListOrder } from './list-order.ts';
import './learn.css';

/**
 * Digest order (or, over search results, relevance) or For you, beside the list's title; while Sift is
 * still learning it says what it needs.
 */
export function OrderToggle({ order, progress, onChange, onRerank, overSearch = false }: {
  order: ListOrder;
  progress: LearnProgress | null;
  onChange: (order: ListOrder) => void;
  onRerank: () => void;
  overSearch?: boolean;
}) {
  return (
    <div className="order-toggle" role="radiogroup" aria-label="Order">
      <button type="button" role="radio" aria-checked={order === 'digest'} className={order === 'digest' ? 'is-on' : ''} onClick={() => onChange('digest')} title={overSearch ? 'Best matches for the words first' : 'Papers as the digests listed them'}>
        {overSearch ? 'Relevance' : 'Digest order'}
      </button>
      <button type="button" role="radio" aria-checked={order === 'for-you'} className={order === 'for-you' ? 'is-on' : ''} onClick={() => onChange('for-you')} title="Papers like the ones you keep first, learnt on this machine from your own choices">
        For you
      </button>
      {order === 'for-you' && progress?.ready && (
        <button type="button" className="order-toggle__rerank" onClick={onRerank} title="Rank again with everything you have decided since (the order otherwise holds still while you triage)" aria-label="Rank again">
          ↻
        </button>
      )}
    </div>
  );
}

export function ColdStartNote({ progress }: { progress: LearnProgress | null }) {
  if (!progress || progress.ready) return null;
  return (
    <p className="list-pane__note cold-start-note" data-testid="cold-start">
      {coldStartMessage(progress)}
    </p>
  );
}
