import { useEffect } from 'react';
import type { Notice } from './use-paper-actions.ts';

const SHOWN_MS = 5000;

/** Says what just happened, with Undo when it can be taken back; goes away by itself. */
export function ActionToast({ notice, onUndo, onDone }: { notice: Notice; onUndo: () => void; onDone: () => void }) {
  useEffect(() => {
    const timer = window.setTimeout(onDone, SHOWN_MS);
    return () => window.clearTimeout(timer);
  }, [notice.serial, onDone]);
  return (
    <div className="toast" role="status" data-testid="toast" key={notice.serial}>
      <span>{notice.text}</span>
      {notice.undoable && (
        <button type="button" className="toast__undo" onClick={onUndo} title="Undo (u)">
          Undo <kbd>u</kbd>
        </button>
      )}
    </div>
  );
}
