import type { TitleMerge } from '../../shared/domain.ts';

/**
 * Records folded into a paper already in the library because their titles matched and nothing else
 * disagreed: listed so the reader can spot one that is really another work.
 */
export function TitleMergeList({ merges }: { merges: TitleMerge[] }) {
  return (
    <details className="import-report__title-merges" open={merges.length <= 3}>
      <summary>
        {merges.length} merged by title alone
      </summary>
      <ul>
        {merges.slice(0, 20).map((merge) => (
          <li key={merge.index}>
            Merged by title: <q>{merge.incomingTitle}</q>
            {merge.incomingId && <span className="import-report__id"> {merge.incomingId}</span>} with <q>{merge.paperTitle}</q>
            {merge.paperIdentifier && <span className="import-report__id"> {merge.paperIdentifier}</span>}
          </li>
        ))}
        {merges.length > 20 && <li>…and {merges.length - 20} more</li>}
      </ul>
    </details>
  );
}
