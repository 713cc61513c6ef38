import { useCallback, useState } from 'react';
import type { ApiResult } from '../../shared/api-errors.ts';
import type { PaperStatus } from '../../shared/domain.ts';
import { api } from '../api/sift-client.ts';

/** What the toast says; `undoable` adds an Undo button (the action can be taken back with u). */
export interface Notice {
  text: string;
  undoable: boolean;
  /** Distinguishes two identical messages in a row, so the toast restarts its timer. */
  serial: number;
}

let serial = 0;

/** Every reader action, sent to the library; failures and moves become a notice the window shows. */
export function usePaperActions(onChanged: () => void) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const setMessage = useCallback((text: string | null, undoable = false) => {
    serial += 1;
    setNotice(text === null ? null : { text, undoable, serial });
  }, []);

  const run = useCallback(
    async (action: Promise<ApiResult<unknown>>, describe?: string) => {
      const result = await action;
      if (result.error) setMessage(result.error.message);
      else {
        if (describe) setMessage(describe, true);
        onChanged();
      }
      return !result.error;
    },
    [onChanged, setMessage],
  );

  return {
    notice,
    setMessage,
    setStatus: (ids: number[], status: PaperStatus, describe?: string) => run(api.setStatus({ ids, status }), describe),
    setStarred: (ids: number[], starred: boolean, describe?: string) => run(api.setStarred({ ids, starred }), describe),
    move: (ids: number[], to: 'up' | 'down' | 'top' | 'bottom' | { beforeId: number | null }) => run(api.moveInQueue({ ids, to })),
    addTag: (ids: number[], tag: string, describe?: string) => run(api.addTag({ ids, tag }), describe),
    removeTag: (ids: number[], tag: string) => run(api.removeTag({ ids, tag })),
    renameTag: (from: string, to: string) => run(api.renameTag({ from, to })),
    deleteTag: (name: string) => run(api.deleteTag({ name })),
    skipRest: (digestId: number) => run(api.skipRestOfDigest({ digestId }), 'Skipped the rest of this digest.'),
    undo: async () => {
      const result = await api.undo({});
      if (result.error) return setMessage(result.error.message);
      setMessage(result.data.undone ? `Undone: ${result.data.undone}` : 'Nothing to undo.');
      onChanged();
    },
  };
}
