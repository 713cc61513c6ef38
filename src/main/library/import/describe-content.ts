// What an unreadable file looks like, for the refusal message: a format is never named unless
// its reader recognised the file.

export function describeContent(text: string): string {
  const start = text.slice(0, 4096).replace(/^\uFEFF/, '').trimStart();
  if (/^[[{]/.test(start)) {
    const keys = [...start.matchAll(/"([^"\\]{1,40})"\s*:/g)].map((match) => match[1]).filter((key, index, all) => all.indexOf(key) === index);
    const shape = start.startsWith('[') ? 'a JSON array' : 'a JSON object';
    return `${shape} of a shape Sift does not read (no list of papers it knows${keys.length ? `; its first keys: ${keys.slice(0, 5).join(', ')}` : ''})`;
  }
  const root = /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<([A-Za-z_][\w.:-]*)/.exec(start)?.[1];
  if (root) return `XML with root <${root}>, which is not a format Sift reads`;
  return 'plain text in no format Sift reads (no arXiv ids, DOIs or paper links were found in it)';
}
