import { useState } from 'react';
import type { TagSummary } from '../../shared/domain.ts';

export interface TagEditorProps {
  tags: string[];
  knownTags: TagSummary[];
  onAdd: (tag: string) => void;
  onRemove: (tag: string) => void;
}

/** Tag chips plus an input that creates tags on the fly and suggests existing ones. */
export function TagEditor({ tags, knownTags, onAdd, onRemove }: TagEditorProps) {
  const [draft, setDraft] = useState('');
  const submit = () => {
    const tag = draft.trim();
    if (tag) onAdd(tag);
    setDraft('');
  };
  return (
    <div className="tag-editor">
      {tags.map((tag) => (
        <span key={tag} className="tag-chip">
          {tag}
          <button type="button" className="tag-chip__remove" aria-label={`Remove tag ${tag}`} onClick={() => onRemove(tag)}>
            ×
          </button>
        </span>
      ))}
      <input
        className="tag-editor__input"
        aria-label="Add a tag"
        placeholder="+ tag"
        list="known-tags"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === ',') {
            event.preventDefault();
            submit();
          }
          if (event.key === 'Escape') (event.target as HTMLInputElement).blur();
        }}
        onBlur={submit}
      />
      <datalist id="known-tags">
        {knownTags
          .filter((tag) => !tags.includes(tag.name))
          .map((tag) => (
            <option key={tag.name} value={tag.name} />
          ))}
      </datalist>
    </div>
  );
}
