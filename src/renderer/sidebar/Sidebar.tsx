import type { DigestSummary, Queue, QueueCounts, TagSummary } from '../../shared/domain.ts';
import { VIEW_LABELS } from '../app/view.ts';
import type { View } from '../app/view.ts';

const QUEUE_ORDER: { queue: Queue; icon: string; keys: string }[] = [
  { queue: 'inbox', icon: '⇩', keys: 'g i' },
  { queue: 'to-read', icon: '☰', keys: 'g t' },
  { queue: 'read', icon: '✓', keys: 'g r' },
  { queue: 'starred', icon: '★', keys: 'g s' },
  { queue: 'skipped', icon: '⤼', keys: 'g x' },
  { queue: 'all', icon: '∑', keys: 'g a' },
];

const FORMAT_LABEL: Record<string, string> = {
  'hf-papers-text': 'Hugging Face',
  'hf-papers-html': 'Hugging Face',
  'hf-daily-json': 'HF daily JSON',
  'arxiv-atom': 'arXiv API',
  'arxiv-rss': 'arXiv RSS',
  'arxiv-listing-email': 'arXiv e-mail',
  bibtex: 'BibTeX',
  ris: 'RIS',
  'web-of-science': 'Web of Science',
  'id-list': 'Links',
  'sift-json': 'Sift export',
  'csl-json': 'CSL-JSON',
  'zotero-rdf': 'Zotero',
  'endnote-xml': 'EndNote',
  medline: 'PubMed',
  'arxiv-oai': 'arXiv OAI',
  'json-feed': 'JSON Feed',
};

export interface SidebarProps {
  view: View;
  counts: QueueCounts;
  digests: DigestSummary[];
  tags: TagSummary[];
  onSelect: (view: View) => void;
  onRenameTag: (name: string) => void;
  onDeleteTag: (name: string) => void;
}

export function Sidebar({ view, counts, digests, tags, onSelect, onRenameTag, onDeleteTag }: SidebarProps) {
  const isPlainQueue = view.tag === undefined && view.digestId === undefined;
  return (
    <nav className="sidebar" aria-label="Views">
      <div className="sidebar__brand">
        <span className="sidebar__logo" aria-hidden="true">◆</span> Sift
      </div>
      <ul className="sidebar__list">
        {QUEUE_ORDER.map(({ queue, icon, keys }) => (
          <li key={queue}>
            <button
              type="button"
              className={`sidebar__item${isPlainQueue && view.queue === queue ? ' is-active' : ''}`}
              onClick={() => onSelect({ queue })}
              title={`${VIEW_LABELS[queue]} (${keys})`}
              data-queue={queue}
            >
              <span className="sidebar__icon" aria-hidden="true">{icon}</span>
              <span className="sidebar__label">{VIEW_LABELS[queue]}</span>
              <span className="sidebar__count" data-testid={`count-${queue}`}>{counts[queue].toLocaleString()}</span>
            </button>
          </li>
        ))}
      </ul>
      {digests.length > 0 && (
        <section className="sidebar__section" aria-label="Digests">
          <h2 className="sidebar__heading">Digests</h2>
          <ul className="sidebar__list sidebar__list--scroll">
            {digests.map((digest) => (
              <li key={digest.id}>
                <button
                  type="button"
                  className={`sidebar__item sidebar__item--digest${view.digestId === digest.id ? ' is-active' : ''}`}
                  onClick={() => onSelect({ queue: 'all', digestId: digest.id })}
                  title={`${digest.sourceName}: ${digest.paperCount} papers, imported ${new Date(digest.importedAt).toLocaleString()}`}
                >
                  <span className="sidebar__label">
                    <span className="sidebar__digest-date">{digest.digestDate ?? digest.importedAt.slice(0, 10)}</span>
                    <span className="sidebar__digest-source">{FORMAT_LABEL[digest.format] ?? digest.format}</span>
                  </span>
                  <span className={`sidebar__count${digest.untriaged ? ' sidebar__count--pending' : ''}`} title="papers still in the inbox">
                    {digest.untriaged > 0 ? digest.untriaged : '✓'}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {tags.length > 0 && (
        <section className="sidebar__section" aria-label="Tags">
          <h2 className="sidebar__heading">Tags</h2>
          <ul className="sidebar__list">
            {tags.map((tag) => (
              <li key={tag.name} className="sidebar__tag-row">
                <button
                  type="button"
                  className={`sidebar__item${view.tag === tag.name ? ' is-active' : ''}`}
                  onClick={() => onSelect({ queue: 'all', tag: tag.name })}
                >
                  <span className="sidebar__icon" aria-hidden="true">#</span>
                  <span className="sidebar__label">{tag.name}</span>
                  <span className="sidebar__count">{tag.count}</span>
                </button>
                <span className="sidebar__tag-actions">
                  <button type="button" className="icon-button" title={`Rename tag ${tag.name}`} onClick={() => onRenameTag(tag.name)}>✎</button>
                  <button type="button" className="icon-button" title={`Delete tag ${tag.name}`} onClick={() => onDeleteTag(tag.name)}>×</button>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </nav>
  );
}
