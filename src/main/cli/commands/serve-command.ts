import path from 'node:path';
import { parseArgs } from 'node:util';
import { createApiHandlers } from '../../api/api-handlers.ts';
import type { SiftLibrary } from '../../library/sift-library.ts';
import { startServeBridge } from '../../serve/serve-bridge.ts';
import { backUpOnStart } from '../../library/backup/startup-backup.ts';
import { startSubscriptions } from '../../library/subscriptions/start-subscriptions.ts';
import { EXIT_OK, UsageError } from '../cli-io.ts';
import type { CliIo } from '../cli-io.ts';
import { warmSpareWorkerAfterStart } from '../../library/import/engine/run-import-worker.ts';

export const serveUsage = 'serve [--port N]   (the Sift UI in your browser, on 127.0.0.1 only)';

/** Where `npm run build:renderer` puts the UI, relative to this file in the source tree. */
export const RENDERER_DIR = path.resolve(import.meta.dirname, '../../../../out/renderer');

export async function serveCommand(library: SiftLibrary, argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { port: { type: 'string', default: '0' } } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be 0–65535');
  const subscriptions = startSubscriptions(library, fetch, process.env, io.stderr);
  const handlers = createApiHandlers(library, {
    // The browser tab opens links itself; the bridge never launches programs, and says so.
    openExternal: () => false,
    subscriptions: subscriptions.service,
  });
  const bridge = await startServeBridge({ handlers, rendererDir: RENDERER_DIR, port, library });
  io.stdout(`Sift is serving ${library.path}`);
  io.stdout(`Open ${bridge.loginUrl}`);
  io.stdout('Press Ctrl+C to stop.');
  void backUpOnStart(library, io.stderr);
  warmSpareWorkerAfterStart();
  const stop = () => {
    subscriptions.stop();
    void bridge.close().then(() => {
      library.close();
      process.exit(EXIT_OK);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return EXIT_OK;
}
