// What an unreadable file looks like, for the refusal message: naming what it is tells the reader
// what to do (export it in another format, or pick --format) better than "unknown format".

export function describeUnknownText(text: string): string {
  const start = text.slice(0, 20_000).replace(/^\uFEFF/, '').trimStart();
  const lines = start.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
  if (/^[[{]/.test(start)) return 'JSON that is not a list of papers Sift knows';
  const root = /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>\s*)?<([\w:-]+)/i.exec(start);
  if (root?.[1]) return `XML or HTML (its root element is <${root[1]}>) with no papers Sift can read`;
  if (lines.length > 0 && lines.filter((line) => /^[A-Z][A-Z0-9]{1,3}\s*-\s/.test(line) || /^\s{2,}\S/.test(line)).length >= lines.length * 0.6) {
    return 'a tagged record export Sift has no reader for';
  }
  const commas = lines.slice(0, 20).map((line) => line.split(/[,\t;]/).length);
  if (commas.length >= 3 && commas.every((count) => count >= 3 && count === commas[0])) return 'a table (CSV or TSV)';
  if (lines.some((line) => /^#{1,6}\s|^\s*[-*]\s+\[/.test(line))) return 'a Markdown document with no arXiv, Hugging Face or DOI links';
  return 'plain text with no arXiv ids, DOIs or links to papers, and nothing of a Hugging Face Papers page (no date headings or "Submitted by" lines)';
}
