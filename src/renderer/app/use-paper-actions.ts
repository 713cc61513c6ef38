import { useCallback, useState } from 'react';
import type { ApiResult } from '../../shared/api-errors.ts';
import type { PaperStatus } from '../../shared/domain.ts';
import { api } from '../api/sift-client.ts';

/** Every reader action, sent to the library; failures become a message the window shows. */
export function usePaperActions(onChanged: () => void) {
  const [message, setMessage] = useState<string | null>(null);

  const run = useCallback(
    async (action: Promise<ApiResult<unknown>>, describe?: string) => {
      const result = await action;
      if (result.error) setMessage(result.error.message);
      else {
        if (describe) setMessage(describe);
        onChanged();
      }
      return !result.error;
    },
    [onChanged],
  );

  return {
    message,
    setMessage,
    setStatus: (ids: number[], status: PaperStatus) => run(api.setStatus({ ids, status })),
    setStarred: (ids: number[], starred: boolean) => run(api.setStarred({ ids, starred })),
    move: (ids: number[], to: 'up' | 'down' | 'top' | 'bottom' | { beforeId: number | null }) => run(api.moveInQueue({ ids, to })),
    addTag: (ids: number[], tag: string) => run(api.addTag({ ids, tag })),
    removeTag: (ids: number[], tag: string) => run(api.removeTag({ ids, tag })),
    renameTag: (from: string, to: string) => run(api.renameTag({ from, to })),
    deleteTag: (name: string) => run(api.deleteTag({ name })),
    skipRest: (digestId: number) => run(api.skipRestOfDigest({ digestId }), 'Skipped the rest of this digest (u to undo).'),
    undo: async () => {
      const result = await api.undo({});
      if (result.error) return setMessage(result.error.message);
      setMessage(result.data.undone ? `Undone: ${result.data.undone}` : 'Nothing to undo.');
      onChanged();
    },
  };
}
