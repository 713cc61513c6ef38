import fs from 'node:fs';
import path from 'node:path';

export interface WindowBounds {
  x?: number | undefined;
  y?: number | undefined;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: WindowBounds;
  maximized: boolean;
}

export interface WorkArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_STATE: WindowState = { bounds: { width: 1280, height: 820 }, maximized: false };
const MIN = { width: 760, height: 480 };

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** The state saved last time, or the default when there is none or it cannot be read. */
export function readWindowState(file: string): WindowState {
  try {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { bounds?: Record<string, unknown>; maximized?: unknown };
    const bounds = raw.bounds ?? {};
    if (!isNumber(bounds.width) || !isNumber(bounds.height)) return DEFAULT_WINDOW_STATE;
    return {
      bounds: {
        x: isNumber(bounds.x) ? bounds.x : undefined,
        y: isNumber(bounds.y) ? bounds.y : undefined,
        width: Math.max(MIN.width, Math.round(bounds.width)),
        height: Math.max(MIN.height, Math.round(bounds.height)),
      },
      maximized: raw.maximized === true,
    };
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

/**
 * The saved bounds, if the window would still be visible on one of today's screens (a monitor may
 * have been unplugged since); else the saved size, centred by the OS, shrunk to fit the first screen.
 */
export function fitOnScreen(state: WindowState, workAreas: readonly WorkArea[]): WindowState {
  const { x, y, width, height } = state.bounds;
  const visible = (area: WorkArea) =>
    x !== undefined && y !== undefined && x + 100 <= area.x + area.width && x + width - 100 >= area.x && y >= area.y && y + 40 <= area.y + area.height;
  if (workAreas.some(visible)) return state;
  const first = workAreas[0];
  const fitted = first ? { width: Math.min(width, first.width), height: Math.min(height, first.height) } : { width, height };
  return { bounds: fitted, maximized: state.maximized };
}

/** Written through a temporary file and a rename, so a crash never leaves half a file. */
export function saveWindowState(file: string, state: WindowState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  fs.writeFileSync(partial, JSON.stringify(state));
  fs.renameSync(partial, file);
}
