import type { DigestFormat } from '../../../shared/domain.ts';
import { siftJsonReader } from '../export/sift-json-reader.ts';
import { parseArxivAtom } from './parsers/arxiv-atom.ts';
import { looksLikeLegacyArxivListing, parseLegacyArxivListing } from './parsers/arxiv-legacy-listing.ts';
import { looksLikeArxivOai, parseArxivOai } from './parsers/arxiv-oai.ts';
import { looksLikeCslJson, parseCslJson } from './parsers/csl-json.ts';
import { looksLikeEndnoteTagged, parseEndnoteTagged } from './parsers/endnote-tagged.ts';
import { looksLikeRefworksTagged, parseRefworksTagged } from './parsers/refworks-tagged.ts';
import { looksLikeEndnoteXml, parseEndnoteXml } from './parsers/endnote-xml.ts';
import { looksLikeSpreadsheetExport, parseSpreadsheetExport } from './parsers/spreadsheet-export.ts';
import { parseHtmlOrItsLinks } from './parsers/html-reading-list.ts';
import { looksLikeJsonFeed, parseJsonFeed } from './parsers/json-feed.ts';
import { looksLikeMarkdownWithBibtex, parseMarkdownWithBibtex } from './parsers/markdown-with-bibtex.ts';
import { looksLikeMedline, parseMedline } from './parsers/medline.ts';
import { looksLikeZoteroRdf, parseZoteroRdf } from './parsers/zotero-rdf.ts';
import { parseArxivListingEmail } from './parsers/arxiv-listing-email.ts';
import { parseArxivRss } from './parsers/arxiv-rss.ts';
import { parseBibtex } from './parsers/bibtex.ts';
import { parseHfDailyJson } from './parsers/hf-daily-json.ts';
import { hfPageEvidence } from './parsers/hf-page-evidence.ts';
import { parseHfPapersText } from './parsers/hf-papers-text.ts';
import { looksLikeIdList, paperReferencesIn, parseIdList } from './parsers/id-list.ts';
import type { ParseContext, ParsedDigest } from './parsers/parsed-digest.ts';
import { parseRis } from './parsers/ris.ts';
import { looksLikeTaggedRecords } from './parsers/tagged-records.ts';
import { looksLikeWebOfScience, parseWebOfScience } from './parsers/web-of-science.ts';

export interface DigestFormatReader {
  format: DigestFormat;
  /** Human name for messages: "BibTeX", "arXiv Atom feed". */
  label: string;
  /** True when the content (never the file name) looks like this format. Cheap: reads the start. */
  detect: (text: string) => boolean;
  parse: (text: string, context: ParseContext) => ParsedDigest;
}

/**
 * The start of a file, without BOM, leading blank lines, XML declaration, comments or a feed's
 * `<!DOCTYPE rss …>` (with or without an internal subset) before the root. HTML's doctype stays: it is
 * the evidence of a page.
 */
function head(text: string, length = 4096): string {
  return text
    .slice(0, length)
    .replace(/^\uFEFF/, '')
    .replace(/^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE\s+(?!html[\s>])[^>[]*(?:\[[\s\S]*?\])?\s*>\s*)?(?:<!--[\s\S]*?-->\s*)*/i, '');
}

// An array whose entries are text holding objects ("{'paper': …}") is a daily-papers dump saved by a script.
const isJson = (text: string) => /^\s*(?:\[\s*(?:[{\]]|"\s*\{|$)|\{\s*(?:"|\}|$))/.test(head(text));
/** A saved page, or a fragment of one, opening with an HTML element: XML of another root is not HTML. */
const isHtml = (text: string) =>
  /^<(?:!doctype\s+html|html|head|body|div|p|a|table|ul|ol|li|h[1-6]|section|article|main|header|nav|span|meta|link|script|style|title|img|br|center|pre|blockquote|details|picture)[\s>/]/i.test(head(text));
/** Hugging Face's own field names (or a paper id as `id`), not just any JSON. */
const isHfJson = (text: string) =>
  isJson(text) &&
  /(["'])(?:paper|papers|dailyPapers|submittedOnDailyAt|upvotes|numComments|ai_summary|githubRepo|mediaUrls|submittedBy)\1\s*:|"id"\s*:\s*"\d{4}\.\d{4,5}"/.test(head(text, 20_000));
const isAtom = (text: string) => /^<(?:\w+:)?feed[\s>]/.test(head(text));
/** RSS 2.0, or RSS 1.0 (an rdf:RDF that declares the RSS namespace or holds a channel): not any RDF. */
const isRss = (text: string) => {
  const start = head(text);
  return /^<rss[\s>]/.test(start) || (/^<rdf:RDF[\s>]/.test(start) && /purl\.org\/rss\/1\.0|<(?:\w+:)?channel[\s>]/.test(start));
};
const isListingEmail = (text: string) => {
  const start = text.slice(0, 200_000);
  return /^arXiv:\S+(?:\s+\(\*cross-listing\*\))?\s*$/m.test(start) && /^Title:\s/m.test(start) && /^\\\\/m.test(start);
};
// An entry with its key ("@article{Pierella Karlusich2022," has a space in it) or without one, or a
// @string/@preamble first.
const isBibtex = (text: string) => /^\s*@\s*(?:(?:string|preamble)\s*[{(]|(?!comment)[a-z]+\s*[{(](?:[^,\n={}]*,|\s*[a-z][\w-]*\s*=))/im.test(text.slice(0, 20_000));
const isRis = (text: string) => /^TY\s{1,2}-\s/m.test(text.slice(0, 20_000));
/** A Papers page copy has a date heading or the site's own lines, and is not mostly links to papers. */
const isHfPageText = (text: string) => {
  const evidence = hfPageEvidence(text);
  return evidence > 0 && paperReferencesIn(text.slice(0, 200_000)).length <= evidence * 3 + 3;
};
/** Text whose evidence is its links: a reading list, a newsletter, notes. Never a structured export. */
const hasPaperLinks = (text: string) => !looksLikeTaggedRecords(text) && paperReferencesIn(text.slice(0, 2_000_000)).length > 0;

/**
 * Most specific first: the structured formats know their own first bytes; the id list needs ids and
 * little prose; the plain-text Hugging Face reader needs a date heading or the page's own lines; then
 * any text with links to papers is a list of them. Nothing is chosen without evidence: an unknown file
 * is refused. Sift's own JSON export comes before the generic JSON reader, which would otherwise claim it.
 */
export const DIGEST_FORMAT_READERS: readonly DigestFormatReader[] = [
  siftJsonReader,
  { format: 'json-feed', label: 'JSON Feed', detect: (text) => isJson(text) && looksLikeJsonFeed(head(text)), parse: parseJsonFeed },
  { format: 'csl-json', label: 'CSL-JSON', detect: (text) => isJson(text) && looksLikeCslJson(head(text, 20_000)), parse: parseCslJson },
  { format: 'hf-daily-json', label: 'Hugging Face daily-papers JSON', detect: isHfJson, parse: parseHfDailyJson },
  { format: 'arxiv-atom', label: 'arXiv Atom feed', detect: isAtom, parse: parseArxivAtom },
  { format: 'arxiv-oai', label: 'arXiv OAI-PMH response', detect: (text) => looksLikeArxivOai(head(text)), parse: parseArxivOai },
  { format: 'zotero-rdf', label: 'Zotero RDF', detect: (text) => looksLikeZoteroRdf(head(text)), parse: parseZoteroRdf },
  { format: 'endnote-xml', label: 'EndNote XML', detect: (text) => looksLikeEndnoteXml(head(text)), parse: parseEndnoteXml },
  { format: 'arxiv-rss', label: 'arXiv RSS feed', detect: isRss, parse: parseArxivRss },
  { format: 'hf-papers-html', label: 'Hugging Face Papers page (HTML)', detect: isHtml, parse: parseHtmlOrItsLinks },
  { format: 'medline', label: 'MEDLINE/PubMed', detect: looksLikeMedline, parse: parseMedline },
  { format: 'endnote-tagged', label: 'EndNote tagged export (.enw)', detect: looksLikeEndnoteTagged, parse: parseEndnoteTagged },
  { format: 'refworks-tagged', label: 'RefWorks tagged export', detect: looksLikeRefworksTagged, parse: parseRefworksTagged },
  { format: 'csv', label: 'spreadsheet export (CSV)', detect: looksLikeSpreadsheetExport, parse: parseSpreadsheetExport },
  // Before the modern listing reader, so `--format arxiv-listing-email` reads both generations.
  { format: 'arxiv-listing-email', label: 'arXiv listing e-mail (before 2007)', detect: looksLikeLegacyArxivListing, parse: parseLegacyArxivListing },
  { format: 'arxiv-listing-email', label: 'arXiv listing e-mail', detect: isListingEmail, parse: parseArxivListingEmail },
  // A README quoting a BibTeX entry in a code fence is a reading list, not a .bib file.
  { format: 'id-list', label: 'Markdown reading list quoting BibTeX', detect: looksLikeMarkdownWithBibtex, parse: parseMarkdownWithBibtex },
  { format: 'bibtex', label: 'BibTeX', detect: isBibtex, parse: parseBibtex },
  { format: 'web-of-science', label: 'Web of Science export', detect: looksLikeWebOfScience, parse: parseWebOfScience },
  { format: 'ris', label: 'RIS', detect: isRis, parse: parseRis },
  { format: 'id-list', label: 'list of arXiv ids, links or DOIs', detect: looksLikeIdList, parse: parseIdList },
  { format: 'hf-papers-text', label: 'Hugging Face Papers page (text)', detect: isHfPageText, parse: parseHfPapersText },
  { format: 'id-list', label: 'list of arXiv ids, links or DOIs', detect: hasPaperLinks, parse: parseIdList },
];

export function readerFor(text: string, forced?: DigestFormat): DigestFormatReader | undefined {
  if (forced) return DIGEST_FORMAT_READERS.find((reader) => reader.format === forced);
  return DIGEST_FORMAT_READERS.find((reader) => reader.detect(text));
}
