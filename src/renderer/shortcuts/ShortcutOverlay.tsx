import { SHORTCUTS } from './shortcuts.ts';

export function ShortcutOverlay({ onClose }: { onClose: () => void }) {
  return (
    <div className="modal-backdrop" onMouseDown={onClose}>
      <div className="modal modal--wide" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts" onMouseDown={(event) => event.stopPropagation()}>
        <h2>Keyboard shortcuts</h2>
        <p className="detail__muted">Every action applies to the whole selection. In the inbox the cursor moves on to the next paper.</p>
        <table className="shortcut-table">
          <tbody>
            {SHORTCUTS.map((shortcut) => (
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
        <div className="modal__buttons">
          <button type="button" className="primary-button" onClick={onClose} autoFocus>Close</button>
        </div>
      </div>
    </div>
  );
}
