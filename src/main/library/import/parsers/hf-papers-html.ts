import { DomUtils, parseDocument } from 'htmlparser2';
import { normaliseArxivId } from '../../papers/paper-identity.ts';
import { emptyPaper } from './parsed-digest.ts';
import type { ParsedDigest, ParsedPaper } from './parsed-digest.ts';
import { entryArray, papersFromHfEntries } from './hf-daily-json.ts';
import { collapseSpace } from './text-fields.ts';

type Document = ReturnType<typeof parseDocument>;
type Element = ReturnType<typeof DomUtils.findAll>[number];

const PAPER_HREF = /^(?:https?:\/\/(?:www\.)?huggingface\.co)?\/papers\/(\d{4}\.\d{4,5})(?:v\d+)?\/?(?:[?#].*)?$/i;
const PAGE_DATE = /\/papers\/date\/(\d{4}-\d{2}-\d{2})|[?&]date=(\d{4}-\d{2}-\d{2})/;

/**
 * A Hugging Face Papers page saved from the browser. The page embeds its data as JSON for hydration
 * (`data-props` of the DailyPapers component); when that is missing (a saved "complete" page whose
 * scripts rewrote it, or another papers listing) the paper cards' markup is read instead.
 */
export function parseHfPapersHtml(text: string): ParsedDigest {
  const document = parseDocument(text);
  const pageDate = pageDateOf(document);
  const hydrated = hydratedPapers(document);
  const digest = hydrated ?? cardPapers(document);
  digest.digestDate = pageDate ?? digest.digestDate;
  return digest;
}

function hydratedPapers(document: Document): ParsedDigest | null {
  const holders = DomUtils.findAll((element) => typeof element.attribs['data-props'] === 'string', document.children);
  for (const holder of holders) {
    let props: unknown;
    try {
      props = JSON.parse(holder.attribs['data-props'] ?? '');
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
function cardPapers(document: Document): ParsedDigest {
  const digest: ParsedDigest = { format: 'hf-papers-html', digestDate: null, papers: [], skipped: [], warnings: [] };
  const seen = new Set<string>();
  const headings = DomUtils.findAll((element) => /^h[1-4]$/.test(element.name), document.children);
  for (const heading of headings) {
    const link = DomUtils.findOne((element) => element.name === 'a' && PAPER_HREF.test(element.attribs.href ?? ''), heading.children);
    const id = link ? normaliseArxivId(PAPER_HREF.exec(link.attribs.href ?? '')?.[1]) : null;
    const title = collapseSpace(DomUtils.textContent(heading));
    if (!id || !title || seen.has(id)) continue;
    seen.add(id);
    digest.papers.push(cardPaper(id, title, cardOf(heading)));
  }
  return digest;
}

function cardPaper(id: string, title: string, card: Element | null): ParsedPaper {
  const paper = emptyPaper(title);
  paper.arxivId = id;
  paper.links = [{ kind: 'hf', url: `https://huggingface.co/papers/${id}` }];
  if (!card) return paper;
  // Author avatars carry the full name in their title attribute.
  paper.authors = DomUtils.findAll((element) => element.name === 'li' && Boolean(element.attribs.title), card.children)
    .map((element) => collapseSpace(element.attribs.title))
    .filter(Boolean);
  const paragraphs = DomUtils.findAll((element) => element.name === 'p', card.children).map((element) =>
    collapseSpace(DomUtils.textContent(element)),
  );
  paper.abstract = paragraphs.reduce((longest, text) => (text.length > longest.length ? text : longest), '');
  return paper;
}

/** The closest <article> around a heading, else the widest ancestor that holds no other paper heading. */
function cardOf(heading: Element): Element | null {
  let card: Element | null = null;
  for (let node = heading.parent; node && node.type !== 'root'; node = node.parent) {
    const element = node as Element;
    if (element.name === 'article') return element;
    const titles = DomUtils.findAll((child) => /^h[1-4]$/.test(child.name), element.children).length;
    if (titles > 1) break;
    card = element;
  }
  return card;
}

function pageDateOf(document: Document): string | null {
  const hrefs = DomUtils.findAll((element) => element.name === 'link' || element.name === 'meta', document.children).map(
    (element) => element.attribs.href ?? element.attribs.content ?? '',
  );
  for (const href of hrefs) {
    const match = PAGE_DATE.exec(href);
    if (match) return match[1] ?? match[2] ?? null;
  }
  const time = DomUtils.findOne((element) => element.name === 'time' && /^\d{4}-\d{2}-\d{2}/.test(element.attribs.datetime ?? ''), document.children);
  return time?.attribs.datetime?.slice(0, 10) ?? null;
}
