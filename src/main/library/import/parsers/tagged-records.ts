/**
 * A tagged record export ("PMID- 123", "TI  - …", "AU Doe, J"): most lines start with a short upper-case
 * tag. Such a file is a structured format, even one Sift has no reader for; its DOIs are often the
 * works it cites, so the id list must not pick them out.
 */
export function looksLikeTaggedRecords(text: string): boolean {
  const lines = text.slice(0, 20_000).split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
  if (lines.length < 4) return false;
  const tagged = lines.filter((line) => /^[A-Z][A-Z0-9]{1,3}(?: {1,3}- | [^\s-])/.test(line) || /^ {2,6}\S/.test(line)).length;
  return tagged >= lines.length * 0.8;
}
