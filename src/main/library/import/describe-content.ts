// What an unreadable file looks like, for the refusal message: naming what it is tells the reader what
// to do (export it in another format, or pick --format) better than "unknown format". A format is never
// named unless its reader recognised the file.

export function describeContent(text: string): string {
  const start = text.slice(0, 20_000).replace(/^\uFEFF/, '').trimStart();
  if (/^[[{]/.test(start)) {
    const head = start.slice(0, 4096);
    const keys = [...head.matchAll(/"([^"\\]{1,40})"\s*:/g)].map((match) => match[1]).filter((key, index, all) => all.indexOf(key) === index);
    const shape = start.startsWith('[') ? 'a JSON array' : 'a JSON object';
    return `${shape} of a shape Sift does not read (no list of papers it knows${keys.length ? `; its first keys: ${keys.slice(0, 5).join(', ')}` : ''})`;
  }
  const root = /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>\s*)?(?:<!--[\s\S]*?-->\s*)*<([A-Za-z_][\w.:-]*)/i.exec(start)?.[1];
  if (root) return `XML with root <${root}>, which is not a format Sift reads`;
  const lines = start.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
  if (lines.length > 0 && lines.filter((line) => /^[A-Z][A-Z0-9]{1,3}\s*-\s/.test(line) || /^\s{2,}\S/.test(line)).length >= lines.length * 0.6) {
    return 'a tagged record export Sift has no reader for';
  }
  const columns = lines.slice(0, 20).map((line) => line.split(/[,\t;]/).length);
  if (columns.length >= 3 && columns.every((count) => count >= 3 && count === columns[0])) return 'a table (CSV or TSV) in no format Sift reads';
  if (lines.some((line) => /^#{1,6}\s|^\s*[-*]\s+\[/.test(line))) return 'a Markdown document with no arXiv, Hugging Face or DOI links';
  return 'plain text in no format Sift reads (no arXiv ids, DOIs or paper links were found in it, and no date headings or "Submitted by" lines of a Papers page)';
}
