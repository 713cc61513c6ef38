import type { View } from './view.ts';

const MESSAGES: Record<string, { title: string; body: string }> = {
  inbox: { title: 'Inbox zero', body: 'Every paper has been triaged. New digests land here.' },
  'to-read': { title: 'Nothing queued to read', body: 'Press t on a paper in the inbox to queue it here.' },
  read: { title: 'Nothing read yet', body: 'Press r on a paper once you have read it.' },
  starred: { title: 'No starred papers', body: 'Press s to star the papers you want to keep close.' },
  skipped: { title: 'Nothing skipped', body: 'Press x on a paper you are not interested in. It stays searchable.' },
  all: { title: 'No papers here', body: '' },
};

/** What a view with no papers says: for a new library, how to begin. */
export function EmptyState({ view, libraryEmpty, onImport, onSettings }: { view: View; libraryEmpty: boolean; onImport: () => void; onSettings?: () => void }) {
  if (libraryEmpty) {
    // Over the whole window, centred: an empty sidebar and an empty detail pane have nothing to say yet.
    return (
      <div className="welcome-screen">
      <div className="empty-state empty-state--welcome" role="region" aria-label="Welcome">
        <div className="empty-state__art" aria-hidden="true">◆</div>
        <h2>Welcome to Sift</h2>
        <p>Import today's digest to begin: a copied Hugging Face Papers page, a daily-papers JSON, an arXiv feed or listing e-mail, a BibTeX or RIS export, or a list of arXiv links.</p>
        <button type="button" className="primary-button" onClick={onImport}>Import a digest…</button>
        <p className="empty-state__hint">or drop a file anywhere on this window, or paste the text with Ctrl/⌘ V</p>
        {onSettings && (
          <p className="empty-state__hint">
            Let digests arrive by themselves: <button type="button" className="link-like" onClick={onSettings}>subscribe to daily papers and feeds</button>.
            Starting over? <button type="button" className="link-like" onClick={onSettings}>Restore a backup</button>
          </p>
        )}
      </div>
      </div>
    );
  }
  const message = MESSAGES[view.queue] ?? MESSAGES.all;
  return (
    <div className="empty-state">
      <h2>{message?.title}</h2>
      <p>{message?.body}</p>
    </div>
  );
}
