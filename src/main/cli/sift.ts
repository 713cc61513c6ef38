#!/usr/bin/env node
// The `sift` command line: the same library core the desktop app uses, no Electron.
import { resolveLibraryPath } from '../library/library-location.ts';
import { openSiftLibrary } from '../library/sift-library.ts';
import type { SiftLibrary } from '../library/sift-library.ts';
import { errorMessage, EXIT_REJECTED, EXIT_USAGE, processIo, UsageError } from './cli-io.ts';
import type { CliIo } from './cli-io.ts';
import { backupCommand, backupsCommand, backupsUsage, backupUsage, restoreCommand, restoreUsage } from './commands/backup-commands.ts';
import { exportCommand, exportUsage } from './commands/export-command.ts';
import { similarCommand, similarUsage } from './commands/for-you-commands.ts';
import { importCommand, importUsage } from './commands/import-command.ts';
import { listCommand, listUsage } from './commands/list-command.ts';
import { searchCommand, searchUsage } from './commands/search-command.ts';
import { serveCommand, serveUsage } from './commands/serve-command.ts';
import * as subscriptionCommands from './commands/subscription-commands.ts';
import { splitMergeCommand, splitMergeUsage } from './commands/split-merge-command.ts';
import { statsCommand, statsUsage } from './commands/stats-command.ts';
import { markCommand, markUsage, noteCommand, noteUsage, tagCommand, tagUsage } from './commands/triage-commands.ts';

type Command = (library: SiftLibrary, argv: string[], io: CliIo, env: NodeJS.ProcessEnv) => number | Promise<number>;

/** Each command: how it runs and its one-line usage. Adding a command is one line here. */
const COMMANDS: Record<string, { run: Command; usage: string; keepsRunning?: boolean }> = {
  import: { run: importCommand, usage: importUsage },
  list: { run: listCommand, usage: listUsage },
  search: { run: searchCommand, usage: searchUsage },
  mark: { run: markCommand, usage: markUsage },
  tag: { run: tagCommand, usage: tagUsage },
  note: { run: noteCommand, usage: noteUsage },
  serve: { run: serveCommand, usage: serveUsage, keepsRunning: true },
  export: { run: exportCommand, usage: exportUsage },
  backup: { run: backupCommand, usage: backupUsage },
  backups: { run: backupsCommand, usage: backupsUsage },
  restore: { run: restoreCommand, usage: restoreUsage },
  similar: { run: similarCommand, usage: similarUsage },
  fetch: { run: subscriptionCommands.fetchCommand, usage: subscriptionCommands.fetchUsage },
  subscribe: { run: subscriptionCommands.subscribeCommand, usage: subscriptionCommands.subscribeUsage },
  subscriptions: { run: subscriptionCommands.subscriptionsCommand, usage: subscriptionCommands.subscriptionsUsage },
  unsubscribe: { run: subscriptionCommands.unsubscribeCommand, usage: subscriptionCommands.unsubscribeUsage },
  'split-merge': { run: splitMergeCommand, usage: splitMergeUsage },
  stats: { run: statsCommand, usage: statsUsage },
};

function usage(): string {
  const lines = Object.values(COMMANDS).map((command) => `  sift ${command.usage}`);
  return ['usage:', ...lines, '', 'Every command takes --db PATH (or SIFT_DB) to choose the library file.'].join('\n');
}

/** Pulls the global --db option out so each command parses only its own flags. */
function splitGlobalOptions(argv: string[]): { dbFlag: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let dbFlag: string | undefined;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    if (arg === '--db') {
      dbFlag = argv[index + 1];
      if (dbFlag === undefined) throw new UsageError('--db needs a PATH');
      index += 1;
    } else if (arg.startsWith('--db=')) dbFlag = arg.slice('--db='.length);
    else rest.push(arg);
  }
  return { dbFlag, rest };
}

export async function runCli(argv: string[], io: CliIo = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let library: SiftLibrary | undefined;
  let keepOpen = false;
  try {
    const { dbFlag, rest } = splitGlobalOptions(argv);
    const [name, ...commandArgs] = rest;
    if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
      (name === undefined ? io.stderr : io.stdout)(usage());
      return name === undefined ? EXIT_USAGE : 0;
    }
    const command = COMMANDS[name];
    if (!command) throw new UsageError(`unknown command "${name}"`);
    library = openSiftLibrary(resolveLibraryPath({ dbFlag, env }), { onWait: (message) => io.stderr(`sift: ${message}`) });
    keepOpen = command.keepsRunning === true;
    return await command.run(library, commandArgs, io, env);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.stderr(`sift: ${errorMessage(error)}\n${usage()}`);
      return EXIT_USAGE;
    }
    io.stderr(`sift: ${errorMessage(error)}`);
    return EXIT_REJECTED;
  } finally {
    if (!keepOpen) library?.close();
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

// Run only when executed, not when imported by tests.
if (import.meta.main) {
  process.exitCode = await runCli(process.argv.slice(2));
}
