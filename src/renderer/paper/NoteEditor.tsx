import { useEffect, useRef, useState } from 'react';
import { api } from '../api/sift-client.ts';

const SAVE_AFTER_MS = 400;

/**
 * A plain-text note saved as the reader types (debounced), and flushed on blur, on switching paper and
 * when the window closes, so a note is never lost on quit.
 */
export function NoteEditor({ paperId, initialNote, onSaved }: { paperId: number; initialNote: string; onSaved: () => void }) {
  const [text, setText] = useState(initialNote);
  const [state, setState] = useState<'saved' | 'pending' | 'error'>('saved');
  const pending = useRef<{ id: number; note: string } | null>(null);
  const saving = useRef(0);
  const timer = useRef<number | undefined>(undefined);

  const flush = () => {
    window.clearTimeout(timer.current);
    const next = pending.current;
    pending.current = null;
    if (!next) return;
    saving.current += 1;
    void api.setNote(next).then((result) => {
      saving.current -= 1;
      setState(result.error ? 'error' : 'saved');
      if (!result.error) onSaved();
    });
  };

  useEffect(() => {
    setText(initialNote);
    setState('saved');
    return flush; // switching paper saves the previous one's note
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset only when the paper changes
  }, [paperId]);

  // The note as the library now has it, shown whenever the reader is not mid-edit. Leaving a paper
  // right after typing and coming back could load it before the save landed: the box then showed the
  // old, empty note even once the save was done, and typing on would have overwritten the saved one.
  useEffect(() => {
    if (pending.current === null && saving.current === 0) setText(initialNote);
  }, [initialNote]);

  useEffect(() => {
    const beforeUnload = () => flush();
    window.addEventListener('beforeunload', beforeUnload);
    return () => window.removeEventListener('beforeunload', beforeUnload);
  });

  return (
    <div className="note-editor">
      <label className="detail__label" htmlFor="paper-note">
        Note <span className={`note-editor__state note-editor__state--${state}`}>{state === 'pending' ? 'saving…' : state === 'error' ? 'not saved' : text ? 'saved' : ''}</span>
      </label>
      <textarea
        id="paper-note"
        className="note-editor__text"
        value={text}
        placeholder="Your thoughts on this paper (saved as you type)"
        rows={4}
        onChange={(event) => {
          setText(event.target.value);
          setState('pending');
          pending.current = { id: paperId, note: event.target.value };
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(flush, SAVE_AFTER_MS);
        }}
        onBlur={flush}
      />
    </div>
  );
}
