import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import { apiContract, OPERATION_NAMES } from '../../shared/api-contract.ts';
import type { ApiHandlers } from '../../shared/api-contract.ts';
import { dispatchOperation } from '../api/dispatch-operation.ts';
import type { DispatchOptions } from '../api/dispatch-operation.ts';

/**
 * One ipcMain handler per contract operation. Each checks that the message comes from our own page's
 * main frame before the argument is even parsed.
 */
export function registerIpc(handlers: ApiHandlers, isTrustedUrl: (url: string) => boolean, library?: DispatchOptions['library']): () => void {
  for (const name of OPERATION_NAMES) {
    ipcMain.handle(apiContract[name].channel, (event: IpcMainInvokeEvent, args: unknown) => {
      const frame = event.senderFrame;
      if (!frame || frame.parent !== null || !isTrustedUrl(frame.url)) {
        return { error: { type: 'invalid-arguments', message: 'Refused: request from an untrusted frame.' } };
      }
      // Writes wait for another process's lock without freezing the window; damage is explained.
      return dispatchOperation(handlers, name, args, { library, waitForWriteLockAsync: true });
    });
  }
  return () => {
    for (const name of OPERATION_NAMES) ipcMain.removeHandler(apiContract[name].channel);
  };
}
