import { useEffect, useState } from 'react';
import type { Notice } from './use-paper-actions.ts';

const SHOWN_MS = 5000;
/** Long enough to notice a wrong key and reach for Undo. */
const UNDOABLE_SHOWN_MS = 9000;

/** Says what just happened, with Undo when it can be taken back; goes away by itself. */
export function ActionToast({ notice, onUndo, onDone }: { notice: Notice; onUndo: () => void; onDone: () => void }) {
  const [hovered, setHovered] = useState(false);
  useEffect(() => {
    if (hovered) return; // never vanish under the pointer on its way to Undo
    const timer = window.setTimeout(onDone, notice.undoable ? UNDOABLE_SHOWN_MS : SHOWN_MS);
    return () => window.clearTimeout(timer);
  }, [notice.serial, notice.undoable, onDone, hovered]);
  return (
    <div className="toast" role="status" data-testid="toast" onMouseEnter={() => setHovered(true)} onMouseLeave={() => setHovered(false)}>
      <span>{notice.text}</span>
      {notice.undoable && (
        <button type="button" className="toast__undo" onClick={onUndo} title="Undo (u)">
          Undo <kbd>u</kbd>
        </button>
      )}
    </div>
  );
}
