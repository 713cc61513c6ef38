import os from 'node:os';
import path from 'node:path';

/**
 * The folder Electron's app.getPath('userData') gives for an app named Sift, computed without Electron
 * so the CLI and the serve bridge open the very same file as the desktop app.
 */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Sift');
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Sift');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Sift');
}

/** `--db PATH` wins, then SIFT_DB, then the user-data folder. */
export function resolveLibraryPath(options: { dbFlag?: string | undefined; env?: NodeJS.ProcessEnv; userDataDir?: string }): string {
  const env = options.env ?? process.env;
  if (options.dbFlag) return path.resolve(options.dbFlag);
  if (env.SIFT_DB) return path.resolve(env.SIFT_DB);
  return path.join(options.userDataDir ?? defaultUserDataDir(env), 'library.db');
}
