import type { PaperStatus } from '../../shared/domain.ts';
import type { ContextMenuItem } from './ContextMenu.tsx';

/** The right-click menu mirrors the keyboard: every triage action, with its key shown. */
export function contextMenuItems(options: {
  starred: boolean;
  canReorder: boolean;
  setStatus: (status: PaperStatus) => void;
  toggleStar: () => void;
  reorder: (to: 'top' | 'bottom') => void;
  undo: () => void;
  tag: () => void;
  openLink: () => void;
  copyBibtex: () => void;
  copyLink: () => void;
  moreLikeThis?: () => void;
}): ContextMenuItem[] {
  const items: ContextMenuItem[] = [
    { label: 'To read', shortcut: 't', onSelect: () => options.setStatus('to-read') },
    { label: 'Mark read', shortcut: 'r', onSelect: () => options.setStatus('read') },
    { label: options.starred ? 'Unstar' : 'Star', shortcut: 's', onSelect: options.toggleStar },
    { label: 'Skip', shortcut: 'x', onSelect: () => options.setStatus('skipped') },
    { label: 'Back to inbox', shortcut: 'i', onSelect: () => options.setStatus('inbox') },
    { label: 'Tag…', shortcut: 'l', onSelect: options.tag },
    { label: 'Open link', shortcut: 'o', onSelect: options.openLink },
    { label: 'Copy BibTeX', shortcut: 'c', onSelect: options.copyBibtex },
    { label: 'Copy link', shortcut: 'y', onSelect: options.copyLink },
  ];
  if (options.canReorder) {
    items.push({ label: 'Move to top', shortcut: 'Alt ⇧ ↑', onSelect: () => options.reorder('top') });
    items.push({ label: 'Move to bottom', onSelect: () => options.reorder('bottom') });
  }
  if (options.moreLikeThis) items.push({ label: 'More like this', shortcut: 'm', onSelect: options.moreLikeThis });
  items.push({ label: 'Undo', shortcut: 'u', onSelect: options.undo });
  return items;
}
