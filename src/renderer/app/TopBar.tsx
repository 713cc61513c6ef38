import type { ReactNode } from 'react';

export function TopBar(props: {
  search: ReactNode;
  onImport: () => void;
  onExport: () => void;
  onSettings: () => void;
  onShortcuts: () => void;
  libraryEmpty: boolean;
  sidebarHidden: boolean;
  onToggleSidebar: () => void;
  compact: boolean;
  onToggleCompact: () => void;
}) {
  return (
    <header className="top-bar">
      <button
        type="button"
        className="icon-button top-bar__sidebar-toggle"
        onClick={props.onToggleSidebar}
        aria-label={props.sidebarHidden ? 'Show the sidebar' : 'Hide the sidebar'}
        aria-pressed={!props.sidebarHidden}
        title={`${props.sidebarHidden ? 'Show' : 'Hide'} the sidebar (\\)`}
      >
        ☰
      </button>
      {props.search}
      <div className="top-bar__buttons">
        <button
          type="button"
          className={`icon-button${props.compact ? ' is-on' : ''}`}
          onClick={props.onToggleCompact}
          aria-label="Compact rows"
          aria-pressed={props.compact}
          title={props.compact ? 'Show abstracts in the list' : 'One line per paper'}
        >
          {props.compact ? '≡' : '☷'}
        </button>
        <button type="button" className="primary-button" onClick={props.onImport} title="Import digests (files, several at once)">
          Import…
        </button>
        <button
          type="button"
          className="text-button"
          onClick={props.onExport}
          disabled={props.libraryEmpty}
          title={props.libraryEmpty ? 'Nothing to export yet' : 'Export papers (BibTeX, RIS, CSV, Markdown, JSON)'}
        >
          Export
        </button>
        <button type="button" className="text-button" onClick={props.onSettings} title="Settings and backups">
          Settings
        </button>
        <button type="button" className="icon-button icon-button--round" onClick={props.onShortcuts} title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts">
          ?
        </button>
      </div>
    </header>
  );
}
