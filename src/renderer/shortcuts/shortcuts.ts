/** Every keyboard shortcut, in one list: the overlay shows it and the key handler follows it. */
export type ShortcutGroup = 'Move' | 'Triage' | 'Organise' | 'Search and views';

export const SHORTCUT_GROUPS: ShortcutGroup[] = ['Move', 'Triage', 'Organise', 'Search and views'];

export const SHORTCUTS: { keys: string[]; action: string; group: ShortcutGroup }[] = [
  { keys: ['j', 'k'], action: 'Next / previous paper', group: 'Move' },
  { keys: ['J', 'K'], action: 'Extend the selection down / up', group: 'Move' },
  { keys: ['e', 'Enter'], action: 'Focus the paper (details pane)', group: 'Move' },
  { keys: ['Esc'], action: 'Back to the list from any field; leave search; close dialogs', group: 'Move' },
  { keys: ['Ctrl/⌘ A'], action: 'Select every paper in the view', group: 'Move' },
  { keys: ['t'], action: 'Move to To read', group: 'Triage' },
  { keys: ['r'], action: 'Mark read', group: 'Triage' },
  { keys: ['x'], action: 'Skip (not interested)', group: 'Triage' },
  { keys: ['i'], action: 'Back to the inbox', group: 'Triage' },
  { keys: ['s'], action: 'Star / unstar', group: 'Triage' },
  { keys: ['u', 'Ctrl/⌘ Z'], action: 'Undo the last action (several levels)', group: 'Triage' },
  { keys: ['l', '#'], action: 'Tag the paper (or the selection)', group: 'Organise' },
  { keys: ['n'], action: 'Write a note', group: 'Organise' },
  { keys: ['c'], action: 'Copy BibTeX (of the selection)', group: 'Organise' },
  { keys: ['y', 'C'], action: "Copy the paper's link", group: 'Organise' },
  { keys: ['o'], action: "Open the paper's link in the browser", group: 'Organise' },
  { keys: ['m'], action: 'More like this: the nearest papers in the library', group: 'Organise' },
  { keys: ['Alt ↑', 'Alt ↓'], action: 'To read: move up / down', group: 'Organise' },
  { keys: ['Alt Shift ↑'], action: 'To read: move to the top', group: 'Organise' },
  { keys: ['/'], action: 'Search', group: 'Search and views' },
  { keys: ['g i', 'g t', 'g r', 'g s'], action: 'Go to Inbox, To read, Read, Starred', group: 'Search and views' },
  { keys: ['g x', 'g a'], action: 'Go to Skipped, All papers', group: 'Search and views' },
  { keys: ['g v'], action: 'Stats: a picture of your reading', group: 'Search and views' },
  { keys: ['\\'], action: 'Show / hide the sidebar', group: 'Search and views' },
  { keys: ['Ctrl/⌘ V'], action: 'Paste a digest (outside a text field)', group: 'Search and views' },
  { keys: ['?'], action: 'Show this list', group: 'Search and views' },
];

/** The search filters, listed beside the keys so nobody has to remember them. */
export const SEARCH_FILTERS: { filter: string; keeps: string }[] = [
  { filter: 'is:starred', keeps: 'starred papers' },
  { filter: 'in:inbox  in:to-read  in:read  in:skipped', keeps: 'papers with that status' },
  { filter: 'tag:NAME', keeps: 'papers tagged NAME' },
  { filter: 'digest:2026-03-11', keeps: "papers from that day's digest" },
  { filter: 'year:2024', keeps: 'published (or received) in 2024' },
  { filter: '"exact phrase"', keeps: 'the words together' },
  { filter: '-in:skipped', keeps: 'a leading - negates any filter or word' },
];
