import type { PaperSummary } from '../../shared/domain.ts';
import type { SearchHit } from '../../shared/contract/search-contract.ts';
import { formatMinutes, readingMinutes } from '../paper/missing-abstract.ts';
import { Highlighted } from './Highlighted.tsx';

const STATUS_LABEL: Record<PaperSummary['status'], string> = {
  inbox: 'Inbox',
  'to-read': 'To read',
  read: 'Read',
  skipped: 'Skipped',
};

export function formatAuthors(authors: string[], max = 3): string {
  if (authors.length === 0) return '';
  if (authors.length <= max) return authors.join(', ');
  return `${authors.slice(0, max).join(', ')} +${authors.length - max}`;
}

export interface PaperRowProps {
  paper: PaperSummary | undefined;
  hit?: SearchHit | undefined;
  isCursor: boolean;
  isSelected: boolean;
  showStatus: boolean;
  onPointerSelect: (event: React.MouseEvent) => void;
  onContextMenu: (event: React.MouseEvent) => void;
  onOpen: () => void;
  dragProps?: React.HTMLAttributes<HTMLDivElement> & { draggable?: boolean };
  /** The paper's place in the to-read queue (1-based), shown with a drag handle there. */
  rank?: number | undefined;
  badge?: React.ReactNode;
}

export function PaperRow({ paper, hit, isCursor, isSelected, showStatus, onPointerSelect, onContextMenu, onOpen, dragProps, rank, badge }: PaperRowProps) {
  if (!paper) return <div className="paper-row paper-row--loading" aria-hidden="true" />;
  const classes = ['paper-row', isCursor && 'paper-row--cursor', isSelected && 'paper-row--selected', paper.status !== 'inbox' && showStatus && `paper-row--${paper.status}`]
    .filter(Boolean)
    .join(' ');
  return (
    <div
      className={classes}
      role="option"
      aria-selected={isSelected || isCursor}
      data-paper-id={paper.id}
      onMouseDown={onPointerSelect}
      onDoubleClick={onOpen}
      onContextMenu={onContextMenu}
      {...dragProps}
    >
      {rank !== undefined && (
        <>
          <span className="paper-row__handle" aria-hidden="true" title="Drag to reorder">⋮⋮</span>
          <span className="paper-row__rank" data-testid="rank">{rank}</span>
        </>
      )}
      <span className={`paper-row__star${paper.starred ? ' is-on' : ''}`} aria-label={paper.starred ? 'starred' : undefined}>
        {paper.starred ? '★' : ''}
      </span>
      <div className="paper-row__main">
        <div className="paper-row__title">
          <Highlighted text={paper.title} ranges={hit?.titleHighlights} />
        </div>
        <div className="paper-row__meta">
          {badge}
          {showStatus && <span className={`status-pill status-pill--${paper.status}`}>{STATUS_LABEL[paper.status]}</span>}
          {paper.authors.length > 0 && <span className="paper-row__authors">{formatAuthors(paper.authors)}</span>}
          {paper.idOnly && <span className="paper-row__id-only">id only</span>}
          {paper.arxivId && !paper.idOnly && <span className="paper-row__id">{paper.arxivId}</span>}
          {rank !== undefined && readingMinutes(paper.abstractWords) !== null && (
            <span className="paper-row__minutes" title="Reading time, roughly">{formatMinutes(readingMinutes(paper.abstractWords) ?? 0)}</span>
          )}
          {paper.tags.map((tag) => (
            <span key={tag} className="tag-chip tag-chip--small">
              {tag}
            </span>
          ))}
        </div>
        {hit?.snippet ? (
          <div className="paper-row__snippet">
            <Highlighted text={hit.snippet.text} ranges={hit.snippet.highlights} />
          </div>
        ) : (
          paper.abstractPreview && <div className="paper-row__snippet">{paper.abstractPreview}</div>
        )}
      </div>
    </div>
  );
}
