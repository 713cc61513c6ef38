import { normaliseArxivId } from '../../papers/paper-identity.ts';
import { emptyPaper } from './parsed-digest.ts';
import type { ParsedDigest, ParsedPaper } from './parsed-digest.ts';
import { entryArray, papersFromHfEntries } from './hf-daily-json.ts';
import { descendants, readHtmlOutline } from './html-outline.ts';
import type { HtmlOutline, OutlineElement } from './html-outline.ts';
import { collapseSpace } from './text-fields.ts';

const PAPER_HREF = /^(?:https?:\/\/(?:www\.)?huggingface\.co)?\/papers\/(\d{4}\.\d{4,5})(?:v\d+)?\/?(?:[?#].*)?$/i;
const PAGE_DATE = /\/papers\/date\/(\d{4}-\d{2}-\d{2})|[?&]date=(\d{4}-\d{2}-\d{2})/;
const HEADING = /^h[1-4]$/;

/**
 * A Hugging Face Papers page saved from the browser. The page embeds its data as JSON for hydration
 * (`data-props` of the DailyPapers component); when that is missing (a saved "complete" page whose
 * scripts rewrote it, or another papers listing) the paper cards' markup is read instead.
 * Every step is a loop over the flat outline (see html-outline.ts): linear in the page, whatever its shape.
 */
export function parseHfPapersHtml(text: string): ParsedDigest {
  const outline = readHtmlOutline(text, (name) => HEADING.test(name) || name === 'p');
  const pageDate = pageDateOf(outline);
  const hydrated = hydratedPapers(outline);
  const digest = hydrated ?? cardPapers(outline);
  digest.digestDate = pageDate ?? digest.digestDate;
  return digest;
}

function hydratedPapers(outline: HtmlOutline): ParsedDigest | null {
  for (const holder of outline.elements) {
    const json = holder.attribs['data-props'];
    if (typeof json !== 'string') continue;
    let props: unknown;
    try {
      props = JSON.parse(json);
    } catch {
      continue; // Other components' props; a broken one is not ours to report.
    }
    const entries = entryArray(props);
    if (!entries || entries.length === 0) continue;
    const digest = papersFromHfEntries(entries, 'hf-papers-html');
    if (digest.papers.length) return digest;
  }
  return null;
}

/** Each paper card links its title to /papers/ID; the heading holding that link is the title. */
function cardPapers(outline: HtmlOutline): ParsedDigest {
  const digest: ParsedDigest = { format: 'hf-papers-html', digestDate: null, papers: [], skipped: [], warnings: [] };
  const headingCounts = countHeadingsWithin(outline);
  const seen = new Set<string>();
  for (const heading of outline.elements) {
    // A heading's text already holds any heading inside it (see readHtmlOutline): only outer ones count.
    if (!HEADING.test(heading.name) || hasHeadingAncestor(heading)) continue;
    const link = descendants(outline, heading, (element) => element.name === 'a' && PAPER_HREF.test(element.attribs.href ?? ''))[0];
    const id = link ? normaliseArxivId(PAPER_HREF.exec(link.attribs.href ?? '')?.[1]) : null;
    const title = collapseSpace(heading.text);
    if (!id || !title || seen.has(id)) continue;
    seen.add(id);
    digest.papers.push(cardPaper(outline, id, title, cardOf(heading, headingCounts)));
  }
  return digest;
}

/** How many headings each element holds, counted bottom-up in one pass (children come after parents). */
function countHeadingsWithin(outline: HtmlOutline): Int32Array {
  const counts = new Int32Array(outline.elements.length);
  for (let index = outline.elements.length - 1; index >= 0; index -= 1) {
    const element = outline.elements[index];
    if (!element) continue;
    if (HEADING.test(element.name)) counts[index] = (counts[index] ?? 0) + 1;
    if (element.parent) counts[element.parent.index] = (counts[element.parent.index] ?? 0) + (counts[index] ?? 0);
  }
  return counts;
}

function hasHeadingAncestor(element: OutlineElement): boolean {
  for (let node = element.parent; node; node = node.parent) if (HEADING.test(node.name)) return true;
  return false;
}

function cardPaper(outline: HtmlOutline, id: string, title: string, card: OutlineElement | null): ParsedPaper {
  const paper = emptyPaper(title);
  paper.arxivId = id;
  paper.links = [{ kind: 'hf', url: `https://huggingface.co/papers/${id}` }];
  if (!card) return paper;
  // Author avatars carry the full name in their title attribute.
  paper.authors = descendants(outline, card, (element) => element.name === 'li' && Boolean(element.attribs.title))
    .map((element) => collapseSpace(element.attribs.title ?? ''))
    .filter(Boolean);
  const paragraphs = descendants(outline, card, (element) => element.name === 'p').map((element) => collapseSpace(element.text));
  paper.abstract = paragraphs.reduce((longest, text) => (text.length > longest.length ? text : longest), '');
  return paper;
}

/**
 * The closest <article> around a heading that holds no other heading, else the widest ancestor that
 * holds no other heading. Cards found this way never overlap, so reading them all stays linear.
 */
function cardOf(heading: OutlineElement, headingCounts: Int32Array): OutlineElement | null {
  let card: OutlineElement | null = null;
  for (let node = heading.parent; node; node = node.parent) {
    if ((headingCounts[node.index] ?? 0) > 1) break;
    if (node.name === 'article') return node;
    card = node;
  }
  return card;
}

function pageDateOf(outline: HtmlOutline): string | null {
  for (const element of outline.elements) {
    if (element.name !== 'link' && element.name !== 'meta') continue;
    const match = PAGE_DATE.exec(element.attribs.href ?? element.attribs.content ?? '');
    if (match) return match[1] ?? match[2] ?? null;
  }
  const time = outline.elements.find((element) => element.name === 'time' && /^\d{4}-\d{2}-\d{2}/.test(element.attribs.datetime ?? ''));
  return time?.attribs.datetime?.slice(0, 10) ?? null;
}
