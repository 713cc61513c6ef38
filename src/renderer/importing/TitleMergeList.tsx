import { useState } from 'react';
import type { TitleMerge } from '../../shared/domain.ts';
import { api } from '../api/sift-client.ts';

/**
 * Records folded into a paper already in the library because their titles matched and nothing else
 * disagreed: listed so the reader can spot one that is really another work, and split it off.
 */
export function TitleMergeList({ merges, onChanged }: { merges: TitleMerge[]; onChanged: () => void }) {
  const [outcome, setOutcome] = useState<Record<number, string>>({});
  const split = async (merge: TitleMerge) => {
    const response = await api.splitTitleMerge({ mergeId: merge.mergeId });
    setOutcome((previous) => ({ ...previous, [merge.mergeId]: response.error ? response.error.message : 'Split: now two papers.' }));
    if (!response.error) onChanged();
  };
  return (
    <details className="import-report__title-merges" open={merges.length <= 3}>
      <summary>{merges.length} merged by title alone</summary>
      <ul>
        {merges.slice(0, 20).map((merge) => (
          <li key={merge.mergeId}>
            Merged by title: <q>{merge.incomingTitle}</q>
            {merge.incomingId && <span className="import-report__id"> {merge.incomingId}</span>} with <q>{merge.paperTitle}</q>
            {merge.paperIdentifier && <span className="import-report__id"> {merge.paperIdentifier}</span>}{' '}
            {outcome[merge.mergeId] !== undefined ? <span className="import-report__split"> — {outcome[merge.mergeId]}</span> : (
              <button type="button" className="text-button" onClick={() => void split(merge)} title="Not the same work: make the imported record its own paper again">
                Split
              </button>
            )}
          </li>
        ))}
        {merges.length > 20 && <li>…and {merges.length - 20} more</li>}
      </ul>
    </details>
  );
}
