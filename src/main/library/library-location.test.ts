import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultUserDataDir, resolveLibraryPath } from './library-location.ts';

describe('where the library file lives', () => {
  it('is ~/.config/Sift/library.db on Linux, like the desktop app', () => {
    const dir = defaultUserDataDir({ HOME: '/home/ada' }, 'linux');
    expect(dir.endsWith(path.join('.config', 'Sift'))).toBe(true);
    expect(resolveLibraryPath({ env: {}, userDataDir: dir })).toBe(path.join(dir, 'library.db'));
  });

  it('honours XDG_CONFIG_HOME, APPDATA on Windows and Application Support on macOS', () => {
    expect(defaultUserDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux')).toBe(path.join('/xdg', 'Sift'));
    expect(defaultUserDataDir({ APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'win32')).toBe(path.join('C:\\Users\\ada\\AppData\\Roaming', 'Sift'));
    expect(defaultUserDataDir({}, 'darwin')).toContain(path.join('Library', 'Application Support', 'Sift'));
  });

  it('--db wins over SIFT_DB, which wins over the user-data folder', () => {
    expect(resolveLibraryPath({ dbFlag: '/a/flag.db', env: { SIFT_DB: '/a/env.db' } })).toBe(path.resolve('/a/flag.db'));
    expect(resolveLibraryPath({ env: { SIFT_DB: '/a/env.db' } })).toBe(path.resolve('/a/env.db'));
  });
});
