import type { ReactNode } from 'react';

export function TopBar({ search, onImport, onExport, onSettings, onShortcuts }: {
  search: ReactNode;
  onImport: () => void;
  onExport: () => void;
  onSettings: () => void;
  onShortcuts: () => void;
}) {
  return (
    <header className="top-bar">
      {search}
      <div className="top-bar__buttons">
        <button type="button" className="primary-button" onClick={onImport} title="Import digests (files, several at once)">
          Import…
        </button>
        <button type="button" className="text-button" onClick={onExport} title="Export a queue (BibTeX, RIS, CSV, Markdown, JSON)">
          Export
        </button>
        <button type="button" className="text-button" onClick={onSettings} title="Settings and backups">
          Settings
        </button>
        <button type="button" className="icon-button icon-button--round" onClick={onShortcuts} title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts">
          ?
        </button>
      </div>
    </header>
  );
}
