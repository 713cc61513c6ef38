import { forwardRef } from 'react';

export interface SearchBoxProps {
  query: string;
  scopeLabel: string | null;
  searchAll: boolean;
  onQuery: (query: string) => void;
  onToggleScope: () => void;
  onSubmit: () => void;
  onEscape: () => void;
}

export const SearchBox = forwardRef<HTMLInputElement, SearchBoxProps>(function SearchBox(props, ref) {
  return (
    <div className="search-box" role="search">
      <span className="search-box__icon" aria-hidden="true">⌕</span>
      <input
        ref={ref}
        type="search"
        className="search-box__input"
        aria-label="Search papers"
        placeholder="Search titles, authors, abstracts, tags, notes   (/)"
        value={props.query}
        spellCheck={false}
        onChange={(event) => props.onQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            props.onSubmit();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            props.onEscape();
          } else if (event.key === 'ArrowDown') {
            event.preventDefault();
            (event.target as HTMLInputElement).blur();
          }
        }}
      />
      {props.scopeLabel && (
        <button type="button" className="search-box__scope" onClick={props.onToggleScope} title="Search the whole library or only this view">
          {props.searchAll ? 'All papers' : `In ${props.scopeLabel}`}
        </button>
      )}
    </div>
  );
});
