import type { DigestFormat, DigestSummary } from '../../shared/domain.ts';

const SOURCE_LABEL: Record<DigestFormat, string> = {
  'hf-papers-text': 'Hugging Face',
  'hf-papers-html': 'Hugging Face',
  'hf-daily-json': 'HF daily JSON',
  'arxiv-atom': 'arXiv API',
  'arxiv-rss': 'arXiv RSS',
  'arxiv-listing-email': 'arXiv e-mail',
  bibtex: 'BibTeX',
  ris: 'RIS',
  'web-of-science': 'Web of Science',
  'id-list': 'Links',
  'sift-json': 'Sift export',
  'csl-json': 'CSL-JSON',
  'zotero-rdf': 'Zotero',
  'endnote-xml': 'EndNote',
  medline: 'PubMed',
  'arxiv-oai': 'arXiv OAI',
  'json-feed': 'JSON Feed',
  'endnote-tagged': 'EndNote tagged export',
  'refworks-tagged': 'RefWorks',
  csv: 'spreadsheet export (CSV)',
};

export function digestSourceLabel(digest: Pick<DigestSummary, 'format'>): string {
  return SOURCE_LABEL[digest.format as DigestFormat] ?? digest.format;
}

/** The day a digest is listed under: its own date, or the day it arrived when it has none. */
export function digestDay(digest: Pick<DigestSummary, 'digestDate' | 'importedAt'>): string {
  const arrived = digest.importedAt.slice(0, 10);
  return digest.digestDate && digest.digestDate <= arrived ? digest.digestDate : arrived;
}

/** "Digest 2026-03-11 · Hugging Face". */
export function digestLabel(digest: DigestSummary): string {
  return `Digest ${digest.digestDate ?? digest.importedAt.slice(0, 10)} · ${digestSourceLabel(digest)}`;
}
