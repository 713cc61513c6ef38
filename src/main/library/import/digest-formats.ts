import type { DigestFormat } from '../../../shared/domain.ts';
import { siftJsonReader } from '../export/sift-json-reader.ts';
import { parseArxivAtom } from './parsers/arxiv-atom.ts';
import { looksLikeLegacyArxivListing, parseLegacyArxivListing } from './parsers/arxiv-legacy-listing.ts';
import { looksLikeArxivOai, parseArxivOai } from './parsers/arxiv-oai.ts';
import { looksLikeCslJson, parseCslJson } from './parsers/csl-json.ts';
import { looksLikeEndnoteXml, parseEndnoteXml } from './parsers/endnote-xml.ts';
import { parseHtmlOrItsLinks } from './parsers/html-reading-list.ts';
import { looksLikeJsonFeed, parseJsonFeed } from './parsers/json-feed.ts';
import { looksLikeMedline, parseMedline } from './parsers/medline.ts';
import { looksLikeZoteroRdf, parseZoteroRdf } from './parsers/zotero-rdf.ts';
import { parseArxivListingEmail } from './parsers/arxiv-listing-email.ts';
import { parseArxivRss } from './parsers/arxiv-rss.ts';
import { parseBibtex } from './parsers/bibtex.ts';
import { parseHfDailyJson } from './parsers/hf-daily-json.ts';
import { parseHfPapersText } from './parsers/hf-papers-text.ts';
import { looksLikeIdList, parseIdList } from './parsers/id-list.ts';
import type { ParseContext, ParsedDigest } from './parsers/parsed-digest.ts';
import { parseRis } from './parsers/ris.ts';

export interface DigestFormatReader {
  format: DigestFormat;
  /** Human name for messages: "BibTeX", "arXiv Atom feed". */
  label: string;
  /** True when the content (never the file name) looks like this format. Cheap: reads the start. */
  detect: (text: string) => boolean;
  parse: (text: string, context: ParseContext) => ParsedDigest;
}

/** The start of a file, without BOM, leading blank lines or an XML/HTML comment before the root. */
function head(text: string, length = 4096): string {
  return text.slice(0, length).replace(/^\uFEFF/, '').replace(/^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*/, '');
}

const isJson = (text: string) => /^\s*(?:\[\s*(?:[{\]]|$)|\{\s*(?:"|\}|$))/.test(head(text));
/** A saved page, or a fragment of one, opening with an HTML element: XML of another root is not HTML. */
const isHtml = (text: string) =>
  /^<(?:!doctype\s+html|html|head|body|div|p|a|table|ul|ol|li|h[1-6]|section|article|main|header|nav|span|meta|link|script|style|title|img|br|center|pre|blockquote|details|picture)[\s>/]/i.test(head(text));
/** Markup or JSON that no reader above claimed is refused as such, never read as a page of text. */
const isMarkupOrJson = (text: string) => isJson(text) || /^<[A-Za-z!?]/.test(head(text));
/** Hugging Face's own field names (or a paper id as `id`), not just any JSON. */
const isHfJson = (text: string) =>
  isJson(text) &&
  /"(?:paper|papers|dailyPapers|submittedOnDailyAt|upvotes|numComments|ai_summary|githubRepo|mediaUrls|submittedBy)"\s*:|"id"\s*:\s*"\d{4}\.\d{4,5}"/.test(head(text, 20_000));
const isAtom = (text: string) => /^<(?:\w+:)?feed[\s>]/.test(head(text));
/** RSS 2.0, or RSS 1.0 (an rdf:RDF that declares the RSS namespace or holds a channel): not any RDF. */
const isRss = (text: string) => {
  const start = head(text);
  return /^<rss[\s>]/.test(start) || (/^<rdf:RDF[\s>]/.test(start) && /purl\.org\/rss\/1\.0|<(?:\w+:)?channel[\s>]/.test(start));
};
const isListingEmail = (text: string) => {
  const start = text.slice(0, 200_000);
  return /^arXiv:\S+\s*$/m.test(start) && /^Title:\s/m.test(start) && /^\\\\/m.test(start);
};
const isBibtex = (text: string) => /^\s*@[a-z]+\s*[{(]/im.test(text.slice(0, 20_000)) && /^\s*@(?!comment)[a-z]+\s*[{(]\s*[^\s,]*\s*,/im.test(text.slice(0, 20_000));
const isRis = (text: string) => /^TY\s{1,2}-\s/m.test(text.slice(0, 20_000));

/**
 * Most specific first: the structured formats know their own first bytes; the id list needs ids and
 * little prose; the plain-text Hugging Face reader accepts anything, so it comes last.
 * Sift's own JSON export comes before the generic JSON reader, which would otherwise claim it.
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
  // Before the modern listing reader, so `--format arxiv-listing-email` reads both generations.
  { format: 'arxiv-listing-email', label: 'arXiv listing e-mail (before 2007)', detect: looksLikeLegacyArxivListing, parse: parseLegacyArxivListing },
  { format: 'arxiv-listing-email', label: 'arXiv listing e-mail', detect: isListingEmail, parse: parseArxivListingEmail },
  { format: 'bibtex', label: 'BibTeX', detect: isBibtex, parse: parseBibtex },
  { format: 'ris', label: 'RIS', detect: isRis, parse: parseRis },
  { format: 'id-list', label: 'list of arXiv ids, links or DOIs', detect: looksLikeIdList, parse: parseIdList },
  { format: 'hf-papers-text', label: 'Hugging Face Papers page (text)', detect: (text) => !isMarkupOrJson(text), parse: parseHfPapersText },
];

export function readerFor(text: string, forced?: DigestFormat): DigestFormatReader | undefined {
  if (forced) return DIGEST_FORMAT_READERS.find((reader) => reader.format === forced);
  return DIGEST_FORMAT_READERS.find((reader) => reader.detect(text));
}
