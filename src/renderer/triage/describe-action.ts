import type { PaperStatus } from '../../shared/domain.ts';
import { countOf } from '../format/format-count.ts';

const STATUS_PHRASE: Record<PaperStatus, (papers: string) => string> = {
  'to-read': (papers) => `Moved ${papers} to To read`,
  read: (papers) => `Marked ${papers} read`,
  skipped: (papers) => `Skipped ${papers}`,
  inbox: (papers) => `Moved ${papers} back to the inbox`,
};

/** What the toast says after t / r / x / i: the paper's title for one paper, a count for several. */
export function describeStatusChange(status: PaperStatus, count: number, title?: string): string {
  const papers = count === 1 && title ? `“${shorten(title)}”` : countOf(count, 'paper');
  return STATUS_PHRASE[status](papers);
}

export function describeStar(starred: boolean, count: number, title?: string): string {
  const papers = count === 1 && title ? `“${shorten(title)}”` : countOf(count, 'paper');
  return `${starred ? 'Starred' : 'Unstarred'} ${papers}`;
}

function shorten(title: string, max = 60): string {
  return title.length <= max ? title : `${title.slice(0, max - 1).trimEnd()}…`;
}
