import type { PaperDetail } from '../../shared/domain.ts';
import { api } from '../api/sift-client.ts';
import { countOf } from '../format/format-count.ts';

/** The link a reader shares: the abstract page when there is one, else the first link. */
export function paperLink(paper: Pick<PaperDetail, 'links' | 'arxivId'>): string | null {
  const abs = paper.links.find((link) => link.kind === 'arxiv');
  return abs?.url ?? paper.links[0]?.url ?? (paper.arxivId ? `https://arxiv.org/abs/${paper.arxivId}` : null);
}

/** Copies the BibTeX of the given papers; returns what the toast says. */
export async function copyBibtex(ids: number[]): Promise<string> {
  if (ids.length === 0) return 'No paper to copy.';
  const result = await api.exportPapers({ format: 'bibtex', ids });
  if (result.error) return result.error.message;
  return (await writeClipboard(result.data.content)) ? `Copied the BibTeX of ${countOf(result.data.count, 'paper')}` : 'The clipboard refused the text.';
}

export async function copyLink(paper: PaperDetail | null): Promise<string> {
  const link = paper ? paperLink(paper) : null;
  if (!link) return 'This paper has no link.';
  return (await writeClipboard(link)) ? `Copied ${link}` : 'The clipboard refused the text.';
}

export async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
