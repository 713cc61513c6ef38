import { arxivIdFromDoi, normaliseArxivId } from '../../papers/paper-identity.ts';
import { bibtexNames } from './bibtex-names.ts';
import { scanBibtex } from './bibtex-entries.ts';
import type { BibtexEntry } from './bibtex-entries.ts';
import { firstValidDoi } from './doi-in-url.ts';
import { arxivIdFromText, referencePaper } from './reference-paper.ts';
import { reportRecordsRead } from './parsed-digest.ts';
import type { ParseContext, ParsedDigest, ParsedPaper } from './parsed-digest.ts';
import { texToUnicode, unescapeTexIdentifier } from './tex-to-unicode.ts';

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** BibTeX as Zotero, Mendeley, JabRef and Google Scholar export it: TeX decoded to plain text. */
export function parseBibtex(text: string, context?: ParseContext): ParsedDigest {
  const scan = scanBibtex(text.replace(/^\uFEFF/, ''));
  const digest: ParsedDigest = { format: 'bibtex', digestDate: null, papers: [], skipped: [], warnings: [] };
  let index = 0;
  for (const broken of scan.broken) digest.skipped.push({ index: index++, reason: `${broken.key}: ${broken.reason}` });
  const volumes = crossrefVolumes(scan.entries);
  for (const [position, entry] of scan.entries.entries()) {
    reportRecordsRead(context, position, scan.entries.length);
    if (volumes.has(entry.key.toLowerCase())) {
      digest.skipped.push({ index: index++, reason: `@${entry.type}{${entry.key}}: the volume its papers name by crossref, not a paper` });
      continue;
    }
    const paper = entryPaper(withCrossrefYear(entry, volumes));
    if (!paper.title && !paper.arxivId && !paper.doi) digest.skipped.push({ index: index++, reason: `@${entry.type}{${entry.key}}: no title, DOI or arXiv id` });
    else digest.papers.push(paper);
  }
  if (digest.papers.length === 0 && scan.broken[0]) throw new Error(`${scan.broken[0].key}: ${scan.broken[0].reason}`);
  return digest;
}

/**
 * DBLP's standard export follows each paper with the @proceedings (or @book) it names in `crossref`;
 * each volume came in as a "paper" titled like "IJCAI 2013, Proceedings of the 23rd International Joint
 * Conference…". Those volumes, by lower-case key, are not papers.
 */
function crossrefVolumes(entries: readonly BibtexEntry[]): Map<string, BibtexEntry> {
  const cited = new Set<string>();
  for (const entry of entries) {
    const target = entry.fields.get('crossref')?.replace(/[{}]/g, '').trim().toLowerCase();
    if (target) cited.add(target);
  }
  const volumes = new Map<string, BibtexEntry>();
  if (cited.size === 0) return volumes;
  for (const entry of entries) {
    if (cited.has(entry.key.toLowerCase()) && /^(?:proceedings|book|collection|mvproceedings|mvbook|mvcollection|periodical)$/.test(entry.type)) volumes.set(entry.key.toLowerCase(), entry);
  }
  return volumes;
}

/** A paper without a year of its own takes its volume's, as BibTeX's crossref does. */
function withCrossrefYear(entry: BibtexEntry, volumes: ReadonlyMap<string, BibtexEntry>): BibtexEntry {
  if (entry.fields.has('year') || entry.fields.has('date')) return entry;
  const volume = volumes.get(entry.fields.get('crossref')?.replace(/[{}]/g, '').trim().toLowerCase() ?? '');
  const year = volume?.fields.get('year') ?? volume?.fields.get('date');
  return year ? { ...entry, fields: new Map([...entry.fields, ['year', year]]) } : entry;
}

function entryPaper(entry: BibtexEntry): ParsedPaper {
  const raw = (name: string): string => entry.fields.get(name) ?? '';
  const field = (name: string): string => texToUnicode(unescapeMendeleyMath(raw(name)));
  const identifier = (name: string): string => unescapeTexIdentifier(raw(name));
  const archive = identifier('archiveprefix') || identifier('eprinttype');
  const url = identifier('url');
  const doi = firstValidDoi(identifier('doi')) ?? firstValidDoi(url) ?? '';
  const arxivId =
    (/arxiv/i.test(archive) || !archive ? normaliseArxivId(identifier('eprint')) : null) ??
    normaliseArxivId(identifier('arxivid') || identifier('arxiv')) ??
    arxivIdFromDoi(doi) ??
    arxivIdFromText([identifier('eprint'), url, field('journal'), field('note'), field('howpublished'), field('number'), field('publisher')].join(' '));
  return referencePaper({
    title: field('title'),
    abstract: field('abstract'),
    authors: bibtexNames(raw('author')),
    arxivId,
    doi,
    url,
    date: identifier('date') || [identifier('year'), monthNumber(identifier('month'))].filter(Boolean).join('-'),
    category: identifier('primaryclass'),
    volume: field('volume'),
    edition: field('edition'),
    entryType: entry.type,
  });
}

/**
 * Mendeley escapes the TeX of an abstract's formulas as text ("{\$}{\^{}}{\{}87{\}}{\$}Rb",
 * "\backslashmu"), so decoding it printed "$^{87}$Rb". Undone first, the formula decodes as TeX: "⁸⁷Rb".
 */
function unescapeMendeleyMath(value: string): string {
  if (!value.includes('{\\$}')) return value;
  return value
    .replace(/\{\\\$\}/g, '$')
    .replace(/\{\\\^\{\}\}/g, '^')
    .replace(/\{\\_\}/g, '_')
    .replace(/\{\\\{\}/g, '{')
    .replace(/\{\\\}\}/g, '}')
    .replace(/\\backslash(?![A-Za-z])\s?/g, '\\')
    .replace(/\\backslash/g, '\\');
}

/** "1", "01", "jan" (a macro already expanded), "January", "Jan." → "01"; anything else → "". */
function monthNumber(month: string): string {
  const number = Number(month);
  if (Number.isInteger(number) && number >= 1 && number <= 12) return String(number).padStart(2, '0');
  const named = MONTH_NAMES.indexOf(month.trim().slice(0, 3).toLowerCase());
  return named >= 0 ? String(named + 1).padStart(2, '0') : '';
}
