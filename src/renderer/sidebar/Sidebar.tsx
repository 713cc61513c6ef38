import type { DigestSummary, Queue, QueueCounts, TagSummary } from '../../shared/domain.ts';
import { VIEW_LABELS } from '../app/view.ts';
import type { View } from '../app/view.ts';
import { formatCount } from '../format/format-count.ts';
import { digestSourceLabel } from '../triage/digest-label.ts';
import { groupDigests } from './group-digests.ts';

const QUEUE_ORDER: { queue: Queue; icon: string; keys: string }[] = [
  { queue: 'inbox', icon: '⇩', keys: 'g i' },
  { queue: 'to-read', icon: '☰', keys: 'g t' },
  { queue: 'read', icon: '✓', keys: 'g r' },
  { queue: 'starred', icon: '★', keys: 'g s' },
  { queue: 'skipped', icon: '⤼', keys: 'g x' },
  { queue: 'all', icon: '∑', keys: 'g a' },
];

export interface SidebarProps {
  view: View;
  counts: QueueCounts;
  digests: DigestSummary[];
  tags: TagSummary[];
  onSelect: (view: View) => void;
  onRenameTag: (name: string) => void;
  onDeleteTag: (name: string) => void;
  hidden: boolean;
  onToggle: () => void;
  statsShown: boolean;
  onShowStats: () => void;
}

function DigestItem({ digest, active, onSelect }: { digest: DigestSummary; active: boolean; onSelect: () => void }) {
  return (
    <li>
      <button
        type="button"
        className={`sidebar__item sidebar__item--digest${active ? ' is-active' : ''}`}
        onClick={onSelect}
        title={`${digest.sourceName}: ${formatCount(digest.paperCount)} papers, imported ${new Date(digest.importedAt).toLocaleString()}`}
      >
        <span className="sidebar__label">
          <span className="sidebar__digest-date">{digest.digestDate ?? digest.importedAt.slice(0, 10)}</span>
          <span className="sidebar__digest-source">{digestSourceLabel(digest)}</span>
        </span>
        <span className={`sidebar__count${digest.untriaged ? ' sidebar__count--pending' : ''}`} title="papers still in the inbox">
          {digest.untriaged > 0 ? formatCount(digest.untriaged) : '✓'}
        </span>
      </button>
    </li>
  );
}

export function Sidebar({ view, counts, digests, tags, onSelect, onRenameTag, onDeleteTag, hidden, onToggle, statsShown, onShowStats }: SidebarProps) {
  const isPlainQueue = !statsShown && view.tag === undefined && view.digestId === undefined;
  if (hidden) return null;
  const groups = groupDigests(digests);
  const digestItem = (digest: DigestSummary) => (
    <DigestItem key={digest.id} digest={digest} active={view.digestId === digest.id} onSelect={() => onSelect({ queue: 'all', digestId: digest.id })} />
  );
  return (
    <nav className="sidebar" aria-label="Views">
      <div className="sidebar__brand">
        <span><span className="sidebar__logo" aria-hidden="true">◆</span> Sift</span>
        <button type="button" className="icon-button sidebar__collapse" onClick={onToggle} aria-label="Hide the sidebar" title="Hide the sidebar (\\)">«</button>
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
              <span className="sidebar__count" data-testid={`count-${queue}`}>{formatCount(counts[queue])}</span>
            </button>
          </li>
        ))}
        <li>
          <button type="button" className={`sidebar__item${statsShown ? ' is-active' : ''}`} onClick={onShowStats} title="Stats (g v)">
            <span className="sidebar__icon" aria-hidden="true">▤</span>
            <span className="sidebar__label">Stats</span>
          </button>
        </li>
      </ul>
      {digests.length > 0 && (
        <section className="sidebar__section" aria-label="Digests">
          <h2 className="sidebar__heading">Digests</h2>
          <ul className="sidebar__list sidebar__list--scroll">
            {groups === null
              ? digests.map(digestItem)
              : groups.map((group, index) => (
                  <li key={group.key}>
                    <details className="sidebar__group" open={index === 0 || group.digests.some((digest) => digest.id === view.digestId)}>
                      <summary className="sidebar__group-summary">
                        <span className="sidebar__label">{group.label}</span>
                        <span className={`sidebar__count${group.untriaged ? ' sidebar__count--pending' : ''}`}>{group.untriaged > 0 ? formatCount(group.untriaged) : '✓'}</span>
                      </summary>
                      <ul className="sidebar__list">{group.digests.map(digestItem)}</ul>
                    </details>
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
                  <span className="sidebar__count">{formatCount(tag.count)}</span>
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
