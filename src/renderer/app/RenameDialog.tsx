import { useState } from 'react';

/** Electron has no window.prompt, so renaming a tag gets its own small dialog. */
export function RenameDialog({ title, initial, onRename, onCancel }: { title: string; initial: string; onRename: (name: string) => void; onCancel: () => void }) {
  const [name, setName] = useState(initial);
  const submit = () => {
    const trimmed = name.trim();
    if (trimmed && trimmed !== initial) onRename(trimmed);
    else onCancel();
  };
  return (
    <div className="modal-backdrop" onMouseDown={onCancel}>
      <form
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        onMouseDown={(event) => event.stopPropagation()}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <h2>{title}</h2>
        <input className="modal__input" aria-label="New name" value={name} autoFocus onChange={(event) => setName(event.target.value)} />
        <p className="detail__muted">Renaming onto an existing tag merges the two.</p>
        <div className="modal__buttons">
          <button type="button" className="text-button" onClick={onCancel}>Cancel</button>
          <button type="submit" className="primary-button">Rename</button>
        </div>
      </form>
    </div>
  );
}
