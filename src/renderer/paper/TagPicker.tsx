import { useMemo, useState } from 'react';
import type { TagSummary } from '../../shared/domain.ts';
import { formatCount } from '../format/format-count.ts';

export interface TagPickerProps {
  /** How many papers the tag goes on (the selection, or the paper under the cursor). */
  paperCount: number;
  /** Tags every target paper already has: not suggested again. */
  currentTags: string[];
  knownTags: TagSummary[];
  onPick: (tag: string) => void;
  onClose: () => void;
}

/** Suggestions for what was typed: tags starting with it first, then tags containing it; most used first. */
export function suggestTags(knownTags: TagSummary[], typed: string, exclude: readonly string[], limit = 8): TagSummary[] {
  const needle = typed.trim().toLowerCase();
  const excluded = new Set(exclude.map((tag) => tag.toLowerCase()));
  const candidates = knownTags.filter((tag) => !excluded.has(tag.name.toLowerCase()) && tag.name.toLowerCase().includes(needle));
  const rank = (tag: TagSummary) => (tag.name.toLowerCase().startsWith(needle) ? 0 : 1);
  return candidates.sort((a, b) => rank(a) - rank(b) || b.count - a.count || a.name.localeCompare(b.name)).slice(0, limit);
}

/** `l` or `#`: type to filter the library's tags, ↑/↓ to choose, Enter to tag, Esc to go back to the list. */
export function TagPicker({ paperCount, currentTags, knownTags, onPick, onClose }: TagPickerProps) {
  const [typed, setTyped] = useState('');
  const [active, setActive] = useState(0);
  const suggestions = useMemo(() => suggestTags(knownTags, typed, currentTags), [knownTags, typed, currentTags]);
  const exact = suggestions.some((tag) => tag.name.toLowerCase() === typed.trim().toLowerCase());
  const creating = typed.trim() !== '' && !exact;
  // Enter completes to an existing tag that starts with what was typed; otherwise it creates the new one.
  const completes = suggestions.some((tag) => tag.name.toLowerCase().startsWith(typed.trim().toLowerCase()));
  const createRow = creating ? [{ name: typed.trim(), count: 0, isNew: true }] : [];
  const existingRows = suggestions.map((tag) => ({ ...tag, isNew: false }));
  const rows = completes ? [...existingRows, ...createRow] : [...createRow, ...existingRows];
  const chosen = rows[Math.min(active, rows.length - 1)];

  const pick = (name: string | undefined) => {
    if (name) onPick(name);
  };

  return (
    <div className="modal-backdrop modal-backdrop--top" onMouseDown={onClose}>
      <div className="modal tag-picker" role="dialog" aria-modal="true" aria-label="Tag" onMouseDown={(event) => event.stopPropagation()}>
        <label className="tag-picker__label" htmlFor="tag-picker-input">
          Tag {paperCount === 1 ? 'this paper' : `${formatCount(paperCount)} papers`}
        </label>
        <input
          id="tag-picker-input"
          className="tag-picker__input"
          autoFocus
          autoComplete="off"
          role="combobox"
          aria-expanded={rows.length > 0}
          aria-controls="tag-picker-list"
          placeholder="Type a tag…"
          value={typed}
          onChange={(event) => {
            setTyped(event.target.value.replace(/^#/, ''));
            setActive(0);
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' || (event.key === 'Tab' && !event.shiftKey)) {
              event.preventDefault();
              setActive((index) => Math.min(rows.length - 1, index + 1));
            } else if (event.key === 'ArrowUp' || (event.key === 'Tab' && event.shiftKey)) {
              event.preventDefault();
              setActive((index) => Math.max(0, index - 1));
            } else if (event.key === 'Enter') {
              event.preventDefault();
              pick(chosen?.name);
            } else if (event.key === 'Escape') {
              event.preventDefault();
              event.stopPropagation();
              onClose();
            }
          }}
        />
        {currentTags.length > 0 && <p className="tag-picker__current">Already: {currentTags.map((tag) => `#${tag}`).join(' ')}</p>}
        <ul id="tag-picker-list" className="tag-picker__list" role="listbox" aria-label="Tags">
          {rows.map((row, index) => (
            <li
              key={`${row.isNew ? 'new' : 'tag'}-${row.name}`}
              role="option"
              aria-selected={row === chosen}
              className={`tag-picker__option${row === chosen ? ' is-active' : ''}`}
              onMouseDown={(event) => {
                event.preventDefault();
                pick(row.name);
              }}
              onMouseEnter={() => setActive(index)}
            >
              <span>{row.isNew ? <>Create <b>#{row.name}</b></> : `#${row.name}`}</span>
              {!row.isNew && <span className="tag-picker__count">{formatCount(row.count)}</span>}
            </li>
          ))}
          {rows.length === 0 && <li className="tag-picker__empty">Type a name to create your first tag.</li>}
        </ul>
        <p className="tag-picker__hint"><kbd>↑</kbd><kbd>↓</kbd> choose · <kbd>Enter</kbd> tag · <kbd>Esc</kbd> back to the list</p>
      </div>
    </div>
  );
}
