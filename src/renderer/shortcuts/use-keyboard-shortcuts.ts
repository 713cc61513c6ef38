import { useEffect, useRef } from 'react';
import type { PaperStatus, Queue } from '../../shared/domain.ts';

export interface ShortcutHandlers {
  move: (delta: number, extend: boolean) => void;
  setStatus: (status: PaperStatus) => void;
  toggleStar: () => void;
  openDetail: () => void;
  openLink: () => void;
  undo: () => void;
  reorder: (to: 'up' | 'down' | 'top') => void;
  focusSearch: () => void;
  escape: () => void;
  goTo: (queue: Queue) => void;
  selectAll: () => void;
  showShortcuts: () => void;
  paste: (text: string) => void;
  tag: () => void;
  note: () => void;
  copyBibtex: () => void;
  copyLink: () => void;
  toggleSidebar: () => void;
  moreLikeThis: () => void;
  showStats: () => void;
}

const GO_TO: Record<string, Queue> = { i: 'inbox', t: 'to-read', r: 'read', s: 'starred', x: 'skipped', a: 'all' };
const STATUS_KEYS: Record<string, PaperStatus> = { t: 'to-read', r: 'read', x: 'skipped', i: 'inbox' };

export function isTextField(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
}

/** The reader's keyboard: one window-level listener, inactive while typing in a field or a dialog is open. */
export function useKeyboardShortcuts(handlers: ShortcutHandlers, enabled: boolean): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  const pendingG = useRef(0);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const on = latest.current;
      if (event.key === 'Escape') return on.escape();
      if (!enabled || isTextField(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      if (mod && event.key.toLowerCase() === 'z') return prevent(event, on.undo);
      if (mod && event.key.toLowerCase() === 'a') return prevent(event, on.selectAll);
      if (mod || (event.altKey && !event.key.startsWith('Arrow'))) return;
      if (event.altKey) {
        if (event.key === 'ArrowUp') return prevent(event, () => on.reorder(event.shiftKey ? 'top' : 'up'));
        if (event.key === 'ArrowDown') return prevent(event, () => on.reorder('down'));
        return;
      }
      if (Date.now() - pendingG.current < 1500) {
        pendingG.current = 0;
        const queue = GO_TO[event.key];
        if (queue) return prevent(event, () => on.goTo(queue));
        if (event.key === 'v') return prevent(event, on.showStats);
      }
      const action = keyAction(event, on);
      if (action) prevent(event, action);
    };
    const onPaste = (event: ClipboardEvent) => {
      if (!enabled || isTextField(event.target)) return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (text.trim()) {
        event.preventDefault();
        latest.current.paste(text);
      }
    };
    const keyAction = (event: KeyboardEvent, on: ShortcutHandlers): (() => void) | null => {
      const key = event.key;
      if (key === 'g') return () => (pendingG.current = Date.now());
      if (key === 'j' || key === 'ArrowDown') return () => on.move(1, false);
      if (key === 'k' || key === 'ArrowUp') return () => on.move(-1, false);
      if (key === 'J') return () => on.move(1, true);
      if (key === 'K') return () => on.move(-1, true);
      const status = STATUS_KEYS[key];
      if (status) return () => on.setStatus(status);
      if (key === 's') return on.toggleStar;
      if (key === 'e' || key === 'Enter') return on.openDetail;
      if (key === 'o') return on.openLink;
      if (key === 'm') return on.moreLikeThis;
      if (key === 'u') return on.undo;
      if (key === '/') return on.focusSearch;
      if (key === '?') return on.showShortcuts;
      if (key === 'l' || key === '#') return on.tag;
      if (key === 'n') return on.note;
      if (key === 'c') return on.copyBibtex;
      if (key === 'y' || key === 'C') return on.copyLink;
      if (key === '\\') return on.toggleSidebar;
      return null;
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('paste', onPaste);
    };
  }, [enabled]);
}

function prevent(event: KeyboardEvent, action: () => void): void {
  event.preventDefault();
  action();
}
