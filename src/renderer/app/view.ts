import type { Queue } from '../../shared/domain.ts';

/** What the list shows: a queue, optionally narrowed to a tag or to one digest. */
export interface View {
  queue: Queue;
  tag?: string;
  digestId?: number;
}

export const VIEW_LABELS: Record<Queue, string> = {
  inbox: 'Inbox',
  'to-read': 'To read',
  read: 'Read',
  starred: 'Starred',
  skipped: 'Skipped',
  all: 'All papers',
};

export function sameView(a: View, b: View): boolean {
  return a.queue === b.queue && a.tag === b.tag && a.digestId === b.digestId;
}
