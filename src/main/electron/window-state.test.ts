import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../tests/support/temp-library.ts';
import { DEFAULT_WINDOW_STATE, fitOnScreen, readWindowState, saveWindowState } from './window-state.ts';

const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

describe('the window comes back where the reader left it', () => {
  let temp: ReturnType<typeof makeTempDir>;
  afterEach(() => temp.cleanup());

  it('size, position and maximised state survive a restart', () => {
    temp = makeTempDir();
    const file = path.join(temp.dir, 'window-state.json');
    expect(readWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
    const state = { bounds: { x: 200, y: 120, width: 1400, height: 900 }, maximized: true };
    saveWindowState(file, state);
    expect(fitOnScreen(readWindowState(file), screen)).toEqual(state);
  });

  it('a window saved on a screen that is gone opens on the remaining one, no larger than it', () => {
    temp = makeTempDir();
    const file = path.join(temp.dir, 'window-state.json');
    saveWindowState(file, { bounds: { x: 3000, y: 100, width: 2400, height: 1300 }, maximized: false });
    expect(fitOnScreen(readWindowState(file), screen)).toEqual({ bounds: { width: 1920, height: 1080 }, maximized: false });
  });

  it('a damaged state file gives the default window, not a crash', () => {
    temp = makeTempDir();
    const file = path.join(temp.dir, 'window-state.json');
    fs.writeFileSync(file, '{"bounds": {"width": "wide"');
    expect(readWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
  });
});
