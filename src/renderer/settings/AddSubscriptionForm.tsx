import { useState } from 'react';
import { COMMON_ARXIV_CATEGORIES, targetProblem } from '../../shared/contract/subscriptions-contract.ts';
import type { SubscriptionKind, SubscriptionView } from '../../shared/contract/subscriptions-contract.ts';
import { api } from '../api/sift-client.ts';

const KIND_LABELS: Record<SubscriptionKind, string> = {
  'hf-daily': 'Hugging Face daily papers',
  'arxiv-category': 'arXiv categories',
  'arxiv-search': 'arXiv search',
  feed: 'RSS or Atom feed',
};

const TARGET_HINTS: Partial<Record<SubscriptionKind, string>> = {
  'arxiv-category': 'cs.CL+cs.LG',
  'arxiv-search': 'au:Bengio AND ti:attention',
  feed: 'https://example.org/feed.xml',
};

/** Picking a category adds it to the "+"-joined list, as arXiv's listing feed takes it; unpicking removes it. */
function toggleCategory(target: string, code: string): string {
  const codes = target.split('+').map((part) => part.trim()).filter(Boolean);
  const next = codes.includes(code) ? codes.filter((other) => other !== code) : [...codes, code];
  return next.join('+');
}

/** The "Add a subscription" form: what to follow, where its new papers go, and an optional tag. */
export function AddSubscriptionForm({ onAdded }: { onAdded: (added: SubscriptionView) => void }) {
  const [kind, setKind] = useState<SubscriptionKind>('hf-daily');
  const [target, setTarget] = useState('');
  const [crossLists, setCrossLists] = useState(false);
  const [replacements, setReplacements] = useState(false);
  const [into, setInto] = useState<'inbox' | 'to-read'>('inbox');
  const [tag, setTag] = useState('');
  const [error, setError] = useState<string | null>(null);
  const picked = new Set(target.split('+'));

  const submit = async () => {
    const problem = targetProblem(kind, target.trim());
    if (problem) {
      setError(`Cannot subscribe: ${problem}.`);
      return;
    }
    const result = await api.addSubscription({ kind, target: target.trim(), includeCrossLists: crossLists, includeReplacements: replacements, into, tag: tag.trim() || null });
    if (result.error) {
      setError(result.error.message);
      return;
    }
    setError(null);
    setTarget('');
    setTag('');
    onAdded(result.data);
  };

  return (
    <form
      className="subscription-form"
      aria-label="Add a subscription"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h4 className="subscription-form__title">Add a subscription</h4>
      <div className="form-row">
        <label>
          Follow{' '}
          <select aria-label="Kind of subscription" value={kind} onChange={(event) => { setKind(event.target.value as SubscriptionKind); setTarget(''); setError(null); }}>
            {Object.entries(KIND_LABELS).map(([value, label]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
        </label>
        {kind !== 'hf-daily' && (
          <input
            className="subscription-form__target"
            aria-label={kind === 'feed' ? 'Feed address' : kind === 'arxiv-search' ? 'arXiv search' : 'arXiv categories'}
            placeholder={TARGET_HINTS[kind]}
            value={target}
            onChange={(event) => setTarget(event.target.value)}
          />
        )}
      </div>
      {kind === 'arxiv-category' && (
        <>
          <div className="category-picker" role="group" aria-label="Common arXiv categories">
            {COMMON_ARXIV_CATEGORIES.map((category) => (
              <button
                key={category.code}
                type="button"
                className={picked.has(category.code) ? 'category-chip category-chip--on' : 'category-chip'}
                aria-pressed={picked.has(category.code)}
                title={category.name}
                onClick={() => setTarget(toggleCategory(target, category.code))}
              >
                {category.code}
              </button>
            ))}
          </div>
          <div className="form-row subscription-form__options">
            <span className="detail__muted">New submissions, and</span>
            <label><input type="checkbox" checked={crossLists} onChange={(event) => setCrossLists(event.target.checked)} /> cross-lists</label>
            <label><input type="checkbox" checked={replacements} onChange={(event) => setReplacements(event.target.checked)} /> new versions</label>
          </div>
        </>
      )}
      <div className="form-row">
        <label>
          New papers go to{' '}
          <select aria-label="Where new papers go" value={into} onChange={(event) => setInto(event.target.value as 'inbox' | 'to-read')}>
            <option value="inbox">Inbox</option>
            <option value="to-read">To read</option>
          </select>
        </label>
        <input aria-label="Tag for new papers" placeholder="tag (optional)" value={tag} maxLength={100} onChange={(event) => setTag(event.target.value)} />
        <button type="submit" className="primary-button">Subscribe</button>
      </div>
      {error && <p className="subscription-form__error" role="alert">{error}</p>}
    </form>
  );
}
