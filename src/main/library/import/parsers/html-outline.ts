import { Tokenizer } from 'htmlparser2';
import type { TokenizerCallbacks } from 'htmlparser2';

/**
 * Deeper elements are folded into their ancestor at this depth, as browsers do (Chromium stops nesting
 * at 512): a saved page nests a few dozen levels, a hostile one hundreds of thousands.
 */
export const MAX_HTML_DEPTH = 512;

/** One element of a page, in document order; its descendants are the elements `index + 1 … last`. */
export interface OutlineElement {
  index: number;
  name: string;
  attribs: Record<string, string>;
  parent: OutlineElement | null;
  /** Index of its last descendant (its own index when it has none). */
  last: number;
  /** Text inside it, kept only for the elements `keepText` asks for that are not inside another such. */
  text: string;
}

export interface HtmlOutline {
  /** Every element in document order. */
  elements: OutlineElement[];
}

/** Elements that never hold content: no closing tag follows them. */
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * Reads HTML in one pass without recursion into a flat list of elements with parent links, so every
 * later walk is a loop. htmlparser2's Parser keeps its open elements with `unshift`, which is quadratic
 * in nesting depth (200,000 nested <div>s took 20 s), so this builds on its linear Tokenizer instead:
 * open elements are a push/pop stack capped at MAX_HTML_DEPTH, and an end tag with no open element of
 * its name is ignored in constant time. Text is kept only for the outermost elements `keepText` names
 * (headings, paragraphs), so nesting cannot multiply it.
 */
export function readHtmlOutline(html: string, keepText: (name: string) => boolean): HtmlOutline {
  const builder = new OutlineBuilder(html, keepText);
  const tokenizer = new Tokenizer({ xmlMode: false, decodeEntities: true }, builder);
  tokenizer.write(html);
  tokenizer.end();
  return builder.finish();
}

class OutlineBuilder implements TokenizerCallbacks {
  private readonly elements: OutlineElement[] = [];
  private readonly open: OutlineElement[] = [];
  /** How many elements of each name are open: an end tag pops only when one is. */
  private readonly openByName = new Map<string, number>();
  private textHolder: OutlineElement | null = null;
  private pending: OutlineElement | null = null;
  private attribName = '';
  private attribValue = '';

  private readonly html: string;
  private readonly keepText: (name: string) => boolean;

  constructor(html: string, keepText: (name: string) => boolean) {
    this.html = html;
    this.keepText = keepText;
  }

  finish(): HtmlOutline {
    for (const element of this.open) element.last = this.elements.length - 1;
    return { elements: this.elements };
  }

  onopentagname(start: number, endIndex: number): void {
    const name = this.html.slice(start, endIndex).toLowerCase();
    this.pending = { index: -1, name, attribs: {}, parent: null, last: -1, text: '' };
  }

  onattribname(start: number, endIndex: number): void {
    this.attribName = this.html.slice(start, endIndex).toLowerCase();
    this.attribValue = '';
  }

  onattribdata(start: number, endIndex: number): void {
    this.attribValue += this.html.slice(start, endIndex);
  }

  onattribentity(codepoint: number): void {
    this.attribValue += String.fromCodePoint(codepoint);
  }

  onattribend(): void {
    if (this.pending && !(this.attribName in this.pending.attribs)) this.pending.attribs[this.attribName] = this.attribValue;
    this.attribValue = '';
  }

  onopentagend(): void {
    const element = this.pending;
    this.pending = null;
    if (!element) return;
    const voidElement = VOID_ELEMENTS.has(element.name);
    const folded = !voidElement && this.open.length >= MAX_HTML_DEPTH;
    element.index = this.elements.length;
    element.last = element.index;
    element.parent = this.open.at(-1) ?? null;
    this.elements.push(element);
    if (voidElement || folded) return;
    this.open.push(element);
    this.openByName.set(element.name, (this.openByName.get(element.name) ?? 0) + 1);
    if (!this.textHolder && this.keepText(element.name)) this.textHolder = element;
  }

  onselfclosingtag(): void {
    // In HTML `<div/>` still opens a div; only void elements stay empty (handled in onopentagend).
    this.onopentagend();
  }

  onclosetag(start: number, endIndex: number): void {
    const name = this.html.slice(start, endIndex).toLowerCase();
    if (!this.openByName.get(name)) return;
    // Elements left open inside it (a missing </p>) close with it; each element is popped once.
    for (let element = this.open.pop(); element; element = this.open.pop()) {
      this.close(element);
      if (element.name === name) return;
    }
  }

  ontext(start: number, endIndex: number): void {
    if (this.textHolder) this.textHolder.text += this.html.slice(start, endIndex);
  }

  ontextentity(codepoint: number): void {
    if (this.textHolder) this.textHolder.text += String.fromCodePoint(codepoint);
  }

  oncdata(): void {}
  oncomment(): void {}
  ondeclaration(): void {}
  onprocessinginstruction(): void {}
  onend(): void {}

  private close(element: OutlineElement): void {
    element.last = this.elements.length - 1;
    this.openByName.set(element.name, (this.openByName.get(element.name) ?? 1) - 1);
    if (this.textHolder === element) this.textHolder = null;
  }
}

/** The descendants of `element` that pass `test`, in document order. */
export function descendants(outline: HtmlOutline, element: OutlineElement, test: (candidate: OutlineElement) => boolean): OutlineElement[] {
  const found: OutlineElement[] = [];
  for (let index = element.index + 1; index <= element.last; index += 1) {
    const candidate = outline.elements[index];
    if (candidate && test(candidate)) found.push(candidate);
  }
  return found;
}
