// Small pure helpers every parser needs: whitespace, ids in URLs, dates.
import { normaliseArxivId } from '../../papers/paper-identity.ts';

/** Collapses runs of whitespace (wrapped lines, tabs, NBSP) to one space and trims. */
export function collapseSpace(text: string | null | undefined): string {
  // Single spaces are left alone: rewriting every one of them doubles the cost on big files.
  return (text ?? '').replace(/\s{2,}|[^\S ]/g, ' ').trim();
}

/** A value from parsed JSON or XML as text: numbers kept, objects and arrays refused. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (value && typeof value === 'object' && '#text' in value) return textOf((value as { '#text': unknown })['#text']);
  return '';
}

const ARXIV_URL = /arxiv\.org\/(?:abs|pdf|html)\/([a-z-]+(?:\.[A-Z]{2})?\/\d{7}|\d{4}\.\d{4,5})(v\d+)?/i;
const HF_PAPER_URL = /huggingface\.co\/papers\/(\d{4}\.\d{4,5})/i;
// arXiv's own DOIs name the arXiv paper: doi.org/10.48550/arXiv.2310.04959 is arXiv 2310.04959.
const ARXIV_DOI_URL = /doi\.org\/10\.48550\/arxiv\.([a-z-]+(?:\.[A-Z]{2})?\/\d{7}|\d{4}\.\d{4,5})/i;

/** The arXiv id in an arxiv.org abs/pdf URL or a Hugging Face paper URL, version stripped. */
export function arxivIdFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const match = ARXIV_URL.exec(url) ?? HF_PAPER_URL.exec(url) ?? ARXIV_DOI_URL.exec(url);
  return match?.[1] ? normaliseArxivId(match[1]) : null;
}

/** "2024-03-11T17:59:49Z" / "2024-03-11" / "Thu, 24 Sep 2026 00:00:00 -0400" → ISO text, or null. */
export function isoDateOrNull(raw: string | null | undefined): string | null {
  const text = collapseSpace(raw);
  if (!text) return null;
  if (/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) {
    return Number.isNaN(Date.parse(text.slice(0, 10))) ? null : text.replace(' ', 'T');
  }
  const parsed = Date.parse(text);
  if (Number.isNaN(parsed) || !/\d{4}/.test(text)) return null;
  return new Date(parsed).toISOString();
}

/** YYYY-MM-DD of an ISO date-time, for digest dates. */
export function dayOf(iso: string | null): string | null {
  return iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : null;
}

/** "Alice Smith, Bob Jones and Carol White" → three names; tolerant of "and" and trailing commas. */
export function splitAuthorList(text: string): string[] {
  return collapseSpace(text)
    .replace(/\s*\([^)]*\)/g, '') // affiliations in parentheses, as arXiv listings print them
    .split(/\s*,\s*|\s+and\s+|\s*;\s*|\s*&\s*/)
    .map((name) => name.trim())
    .filter((name) => name !== '' && name.toLowerCase() !== 'et al.' && name.toLowerCase() !== 'others');
}
