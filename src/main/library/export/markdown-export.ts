import { canonicalUrl } from './load-export-papers.ts';
import type { ExportPaper } from './load-export-papers.ts';

/** Characters Markdown would read as formatting, escaped so a title shows as written. */
function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[\\`*_{}[\]<>()#+!|~]/g, (char) => `\\${char}`);
}

/**
 * A link target percent-encodes everything but plain URL characters: no space, parenthesis, bracket,
 * angle bracket, backslash or backtick can end the link early or start another (a DOI such as
 * `10.1234/x)![t](https://evil.example/p.png)` would otherwise turn into a remote image).
 */
function escapeUrl(url: string): string {
  // Percent-encoding by hand: encodeURIComponent leaves ( ) ! ' * as they are.
  return url.replace(/[^A-Za-z0-9\-._~:/?#@$&+,;=%]/gu, (char) =>
    [...Buffer.from(char, 'utf8')].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

function authorLine(authors: readonly string[]): string {
  if (authors.length === 0) return '';
  const shown = authors.length > 6 ? [...authors.slice(0, 5), `et al. (${authors.length} authors)`] : authors;
  return escapeMarkdown(shown.join(', '));
}

/** A reading list a person can paste into their notes: one bullet per paper, the note quoted under it. */
export function toMarkdown(papers: readonly ExportPaper[], heading: string): string {
  const lines = [`# ${escapeMarkdown(heading)}`, '', `${papers.length} ${papers.length === 1 ? 'paper' : 'papers'}`, ''];
  for (const paper of papers) {
    const url = canonicalUrl(paper);
    const title = escapeMarkdown(paper.title);
    const details = [
      authorLine(paper.authors),
      `${paper.status}${paper.starred ? ' ★' : ''}`,
      paper.tags.length ? `tags: ${paper.tags.map(escapeMarkdown).join(', ')}` : '',
    ].filter(Boolean);
    lines.push(`- ${url ? `[${title}](${escapeUrl(url)})` : title}`);
    lines.push(`  ${details.join(' · ')}`);
    const note = paper.note.replace(/\r\n?/g, '\n').trim();
    if (note) for (const line of note.split('\n')) lines.push(`  > ${escapeMarkdown(line)}`.trimEnd());
  }
  return `${lines.join('\n')}\n`;
}
