import { forwardRef } from 'react';
import type { LinkKind, PaperDetail as Paper, PaperStatus, TagSummary } from '../../shared/domain.ts';
import { openLink } from '../api/sift-client.ts';
import { Highlighted } from '../papers/Highlighted.tsx';
import { termHighlights } from '../search/term-highlights.ts';
import { NoteEditor } from './NoteEditor.tsx';
import { TagEditor } from './TagEditor.tsx';
import { formatMinutes, missingAbstractText, readingMinutes } from './missing-abstract.ts';
import { formatDate } from '../format/format-date.ts';

const LINK_LABEL: Record<LinkKind, string> = {
  arxiv: 'arXiv',
  pdf: 'PDF',
  hf: 'Hugging Face',
  code: 'Code',
  project: 'Project page',
  doi: 'DOI',
  other: 'Link',
};

const ACTIONS: { status: PaperStatus; label: string; key: string }[] = [
  { status: 'to-read', label: 'To read', key: 't' },
  { status: 'read', label: 'Read', key: 'r' },
  { status: 'skipped', label: 'Skip', key: 'x' },
  { status: 'inbox', label: 'Inbox', key: 'i' },
];

export interface PaperDetailProps {
  paper: Paper;
  /** Words of the current search, marked in the title and abstract. */
  highlightTerms: string[];
  knownTags: TagSummary[];
  /** How many papers the buttons act on: the selection when this paper is in it. */
  selectionSize: number;
  onStatus: (status: PaperStatus) => void;
  onToggleStar: () => void;
  onAddTag: (tag: string) => void;
  onRemoveTag: (tag: string) => void;
  onNoteSaved: () => void;
}

/** Digests record the path they were imported from; the file name is what the reader recognises. */
function baseName(source: string): string {
  return source.split(/[\\/]/).pop() ?? source;
}

function linkHost(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.hostname.replace(/^www\./, '') + parsed.pathname.replace(/\/$/, '');
  } catch {
    return url;
  }
}

export const PaperDetail = forwardRef<HTMLElement, PaperDetailProps>(function PaperDetail(props, ref) {
  const { paper } = props;
  const dates = [
    ['Published', formatDate(paper.publishedAt)],
    ['Added', formatDate(paper.addedAt)],
    ['Read', formatDate(paper.readAt)],
    ['Starred', formatDate(paper.starredAt)],
  ].filter((entry): entry is [string, string] => entry[1] !== null);
  const minutes = readingMinutes(paper.abstractWords);
  const many = props.selectionSize > 1;
  return (
    <article className="detail" ref={ref} tabIndex={-1} aria-label="Paper">
      {many && <p className="detail__selection" data-testid="selection-note">The buttons act on all {props.selectionSize} selected papers.</p>}
      <div className="detail__actions" role="toolbar" aria-label="Triage">
        {ACTIONS.map((action) => (
          <button
            key={action.status}
            type="button"
            className={`action-button action-button--${action.status}${paper.status === action.status ? ' is-current' : ''}`}
            onClick={() => props.onStatus(action.status)}
            title={`${action.label}${many ? ` (all ${props.selectionSize} selected)` : ''} (${action.key})`}
          >
            {action.label} <kbd>{action.key}</kbd>
          </button>
        ))}
        <button type="button" className={`action-button action-button--star${paper.starred ? ' is-current' : ''}`} onClick={props.onToggleStar} title="Star (s)">
          {paper.starred ? '★ Starred' : '☆ Star'} <kbd>s</kbd>
        </button>
      </div>
      <h1 className="detail__title">
        <Highlighted text={paper.title} ranges={termHighlights(paper.title, props.highlightTerms)} />
      </h1>
      {paper.idOnly && <p className="detail__id-only" data-testid="id-only">Known by its id only</p>}
      {paper.authors.length > 0 && <p className="detail__authors">{paper.authors.join(', ')}</p>}
      <p className="detail__provenance">
        {paper.digests.length > 0 && (
          <span>
            {paper.digests.length === 1 ? 'From ' : `Seen in ${paper.digests.length} digests: `}
            {paper.digests.map((digest) => `${digest.digestDate ?? ''} ${baseName(digest.sourceName)}`.trim()).join(' · ')}
          </span>
        )}
        {paper.primaryCategory && <span className="detail__category">{paper.primaryCategory}</span>}
        {minutes !== null && <span className="detail__reading-time" title="A rough estimate from the abstract's length">{formatMinutes(minutes)} read</span>}
      </p>
      {paper.links.length > 0 && (
        <div className="detail__links">
          {paper.links.map((link, index) => (
            <button key={link.url} type="button" className="link-button" title={link.url} onClick={() => void openLink(link.url)}>
              <span className="link-button__kind">{LINK_LABEL[link.kind]}{index === 0 ? ' ↗' : ''}</span>
              <span className="link-button__url">{linkHost(link.url)}</span>
            </button>
          ))}
        </div>
      )}
      <section className="detail__abstract" aria-label="Abstract">
        {paper.abstract ? <Highlighted text={paper.abstract} ranges={termHighlights(paper.abstract, props.highlightTerms)} /> : <p className="detail__muted">{missingAbstractText(paper)}</p>}
      </section>
      <div className="detail__label">Tags</div>
      <TagEditor tags={paper.tags} knownTags={props.knownTags} onAdd={props.onAddTag} onRemove={props.onRemoveTag} />
      <NoteEditor paperId={paper.id} initialNote={paper.note} onSaved={props.onNoteSaved} />
      <dl className="detail__dates">
        {dates.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </article>
  );
});
