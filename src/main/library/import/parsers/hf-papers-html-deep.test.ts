import { describe, expect, it } from 'vitest';
import { parseHfPapersHtml } from './hf-papers-html.ts';
import { MAX_HTML_DEPTH, readHtmlOutline } from './html-outline.ts';

const card = (id: string, title: string) =>
  `<article><h3><a href="/papers/${id}">${title}</a></h3><ul><li title="Ada Lovelace"></li></ul><p>An abstract about ${title}.</p></article>`;

describe('the HTML reader on hostile nesting', () => {
  it('reads a page with 200,000 nested <div>s (2.2 MB) without overflowing the stack, and still finds the paper beside them', () => {
    const deep = '<div>'.repeat(200_000) + 'x' + '</div>'.repeat(200_000);
    const digest = parseHfPapersHtml(`<html><body>${card('2401.00001', 'Beside the nest')}${deep}</body></html>`);
    expect(digest.papers.map((paper) => paper.title)).toEqual(['Beside the nest']);
    expect(digest.papers[0]?.authors).toEqual(['Ada Lovelace']);
  });

  it('folds elements deeper than the browser limit into their ancestor instead of nesting them', () => {
    const outline = readHtmlOutline('<div>'.repeat(MAX_HTML_DEPTH + 100), () => false);
    let depth = 0;
    for (let node = outline.elements.at(-1)?.parent; node; node = node.parent) depth += 1;
    expect(outline.elements).toHaveLength(MAX_HTML_DEPTH + 100);
    expect(depth).toBe(MAX_HTML_DEPTH);
  });

  it('ignores end tags that close nothing, and closes elements left open inside the one that ends', () => {
    const outline = readHtmlOutline('<section><p>one<p>two</span></section><h2>after</h2>', (name) => name === 'h2');
    const heading = outline.elements.find((element) => element.name === 'h2');
    expect(heading?.parent).toBeNull();
    expect(heading?.text).toBe('after');
  });

  it('reads many sibling paper cards, each with its own authors and abstract', () => {
    const cards = Array.from({ length: 20_000 }, (_, index) => card(`2401.${String(index).padStart(5, '0')}`, `Paper ${index}`)).join('');
    const digest = parseHfPapersHtml(`<html><body><main>${cards}</main></body></html>`);
    expect(digest.papers).toHaveLength(20_000);
    expect(digest.papers[19_999]?.abstract).toBe('An abstract about Paper 19999.');
  });
});
