import { SEARCH_FILTERS, SHORTCUT_GROUPS, SHORTCUTS } from './shortcuts.ts';

export function ShortcutOverlay({ onClose }: { onClose: () => void }) {
  return (
    <div className="modal-backdrop" onMouseDown={onClose}>
      <div className="modal modal--wide shortcut-overlay" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts" onMouseDown={(event) => event.stopPropagation()}>
        <h2>Keyboard shortcuts</h2>
        <p className="detail__muted">Every action applies to the whole selection. In the inbox the cursor moves on to the next paper.</p>
        <div className="shortcut-overlay__groups">
          {SHORTCUT_GROUPS.map((group) => (
            <section key={group} className="shortcut-overlay__group" aria-label={group}>
              <h3>{group}</h3>
              <table className="shortcut-table">
                <tbody>
                  {SHORTCUTS.filter((shortcut) => shortcut.group === group).map((shortcut) => (
                    <tr key={shortcut.action}>
                      <td>
                        {shortcut.keys.map((key) => (
                          <kbd key={key}>{key}</kbd>
                        ))}
                      </td>
                      <td>{shortcut.action}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
          <section className="shortcut-overlay__group" aria-label="Search syntax">
            <h3>Search syntax</h3>
            <table className="shortcut-table">
              <tbody>
                {SEARCH_FILTERS.map((entry) => (
                  <tr key={entry.filter}>
                    <td><code>{entry.filter}</code></td>
                    <td>{entry.keeps}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
        <div className="modal__buttons">
          <button type="button" className="primary-button" onClick={onClose} autoFocus>Close</button>
        </div>
      </div>
    </div>
  );
}
