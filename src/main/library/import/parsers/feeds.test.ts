import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realFixture, renderHfHtmlWithProps, renderHfJson, samplePapers } from '../testing/sample-papers.ts';
import { parseArxivAtom } from './arxiv-atom.ts';
import { parseArxivListingEmail } from './arxiv-listing-email.ts';
import { parseArxivRss } from './arxiv-rss.ts';
import { parseHfDailyJson } from './hf-daily-json.ts';
import { parseHfPapersHtml } from './hf-papers-html.ts';

/** Values read from the fixture text with plain regular expressions, independent of the XML parser. */
function tagValues(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((match) => (match[1] ?? '').replace(/\s+/g, ' ').trim());
}

describe('Hugging Face daily-papers JSON', () => {
  it.each(['hf-daily-papers-30.json', 'hf-daily-papers-3.json'])('reads every entry of the real response %s', (name) => {
    const raw = JSON.parse(realFixture(name)) as { paper: { id: string; title: string; summary: string; authors: { name: string }[] } }[];
    const digest = parseHfDailyJson(realFixture(name));
    expect(digest.papers.map((paper) => paper.arxivId)).toEqual(raw.map((entry) => entry.paper.id));
    expect(digest.papers.map((paper) => paper.authors)).toEqual(raw.map((entry) => entry.paper.authors.map((author) => author.name)));
    expect(digest.papers.every((paper, index) => paper.abstract === raw[index]?.paper.summary.replace(/\s+/g, ' ').trim())).toBe(true);
    expect(digest.digestDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('keeps the GitHub repository and project page as links', () => {
    const raw = JSON.parse(realFixture('hf-daily-papers-3.json')) as { paper: { githubRepo?: string; projectPage?: string } }[];
    const digest = parseHfDailyJson(realFixture('hf-daily-papers-3.json'));
    raw.forEach((entry, index) => {
      const urls = digest.papers[index]?.links.map((link) => link.url) ?? [];
      if (entry.paper.githubRepo) expect(urls).toContain(entry.paper.githubRepo);
      if (entry.paper.projectPage) expect(urls).toContain(entry.paper.projectPage);
    });
  });

  it('a truncated response is an error, not half a digest', () => {
    const text = realFixture('hf-daily-papers-30.json');
    expect(() => parseHfDailyJson(text.slice(0, text.length / 2))).toThrow(/cut off or malformed/);
  });

  it('an entry that is not a paper is skipped with its index', () => {
    const digest = parseHfDailyJson(`[42, ${renderHfJson(samplePapers().slice(0, 1)).slice(1, -1)}]`);
    expect(digest.papers).toHaveLength(1);
    expect(digest.skipped).toEqual([{ index: 0, reason: expect.stringMatching(/not a paper/) }]);
  });
});

describe('Hugging Face Papers page saved as HTML', () => {
  it('reads the papers from the page hydration data', () => {
    const papers = samplePapers().slice(0, 5);
    const digest = parseHfPapersHtml(renderHfHtmlWithProps(papers));
    expect(digest.format).toBe('hf-papers-html');
    expect(digest.papers.map((paper) => [paper.arxivId, paper.title])).toEqual(papers.map((paper) => [paper.arxivId, paper.title]));
  });
});

describe('arXiv Atom feed', () => {
  it.each(['arxiv-api-transformer-5.atom.xml', 'arxiv-api-bipv-3.atom.xml'])('reads every entry of %s', (name) => {
    const xml = realFixture(name);
    const entries = xml.split('<entry>').slice(1);
    const digest = parseArxivAtom(xml);
    expect(digest.papers).toHaveLength(entries.length);
    digest.papers.forEach((paper, index) => {
      const entry = entries[index] ?? '';
      expect(paper.title).toBe(tagValues(entry, 'title')[0]);
      expect(paper.authors).toEqual(tagValues(entry, 'name'));
      expect(tagValues(entry, 'id')[0]).toContain(`/abs/${paper.arxivId}v`);
      expect(paper.primaryCategory).toBe(/<arxiv:primary_category term="([^"]+)"/.exec(entry)?.[1]);
      expect(paper.links.some((link) => link.kind === 'pdf')).toBe(true);
    });
  });

  it('collapses whitespace in titles wrapped over lines, and reads arxiv:doi', () => {
    const xml = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
<entry><id>http://arxiv.org/abs/hep-th/9901001v2</id><title>A  wrapped
      title</title><summary>  Text &lt;b&gt;bold&lt;/b&gt;  </summary><published>1999-01-01T00:00:00Z</published>
<arxiv:doi>10.1000/ABC</arxiv:doi><author><name>Ann Author</name></author></entry></feed>`;
    const [paper] = parseArxivAtom(xml).papers;
    expect(paper).toMatchObject({ title: 'A wrapped title', arxivId: 'hep-th/9901001', doi: '10.1000/ABC', abstract: 'Text <b>bold</b>' });
  });

  it('a feed cut off in the middle is an error naming the problem', () => {
    const xml = realFixture('arxiv-api-bipv-3.atom.xml');
    expect(() => parseArxivAtom(xml.slice(0, Math.floor(xml.length * 0.6)))).toThrow(/cut off or malformed/);
  });
});

describe('arXiv RSS feed', () => {
  it('reads id, title, authors, abstract and DOI of every item', () => {
    const xml = realFixture('arxiv-rss-4.xml');
    const digest = parseArxivRss(xml);
    const titles = tagValues(xml, 'title').slice(1); // the first is the channel's
    expect(digest.papers.map((paper) => paper.title)).toEqual(titles);
    for (const paper of digest.papers) {
      expect(paper.abstract).not.toMatch(/^arXiv:|Announce Type|^Abstract:/);
      expect(xml).toContain(`<link>https://arxiv.org/abs/${paper.arxivId}</link>`);
      expect(paper.authors.length).toBeGreaterThan(0);
    }
    const creators = tagValues(xml, 'dc:creator');
    expect(digest.papers.map((paper) => paper.authors.join(', '))).toEqual(creators);
    expect(digest.papers.filter((paper) => paper.doi).map((paper) => paper.doi)).toEqual(tagValues(xml, 'arxiv:DOI'));
  });
});

describe('arXiv listing e-mail', () => {
  it('reads records with wrapped titles and author lists', () => {
    const text = realFixture('arxiv-listing-email-2.txt');
    const ids = [...text.matchAll(/^arXiv:(\S+)/gm)].map((match) => match[1]);
    const digest = parseArxivListingEmail(text);
    expect(digest.papers.map((paper) => paper.arxivId)).toEqual(ids);
    for (const paper of digest.papers) {
      expect(paper.title).not.toMatch(/\s{2}/);
      // The wrapped title's second line is part of the title.
      const titleStart = text.indexOf(`Title: ${paper.title.slice(0, 20)}`);
      expect(titleStart).toBeGreaterThan(-1);
      expect(paper.abstract.length).toBeGreaterThan(300);
      expect(paper.abstract).not.toContain('\\\\');
      expect(paper.authors.length).toBeGreaterThan(3);
    }
    expect(digest.papers.map((paper) => paper.authors.length)).toEqual(
      [...text.matchAll(/^Authors: ([\s\S]*?)\nCategories/gm)].map((match) => (match[1] ?? '').split(',').length),
    );
    expect(digest.papers[1]?.doi).toBe(/^DOI: (\S+)/m.exec(text)?.[1]);
  });

  it('a replacement notice without an abstract is still a paper, with no abstract', () => {
    const text = `------------------------------------------------------------------------------
\\\\
arXiv:2401.00001
replaced with revised version Mon, 1 Jan 2024 10:00:00 GMT   (123kb)

Title: A Replaced
  Paper
Authors: Ann One, Bob Two
Categories: cs.LG
\\\\ ( https://arxiv.org/abs/2401.00001 ,  123kb)
------------------------------------------------------------------------------`;
    const [paper] = parseArxivListingEmail(text).papers;
    expect(paper).toMatchObject({ arxivId: '2401.00001', title: 'A Replaced Paper', abstract: '', authors: ['Ann One', 'Bob Two'] });
  });
});

describe('Hugging Face page HTML without hydration data', () => {
  it('reads the hand-written cards fixture from its markup', () => {
    const html = fs.readFileSync(new URL('../../../../../tests/fixtures/digests/hf-papers-page-cards.html', import.meta.url), 'utf8');
    const headings = [...html.matchAll(/<h3[^>]*><a href="\/papers\/([\d.]+)"/g)].map((match) => match[1]);
    const digest = parseHfPapersHtml(html);
    expect(digest.papers.map((paper) => paper.arxivId)).toEqual(headings);
    expect(digest.papers.every((paper) => !/\s{2}/.test(paper.title))).toBe(true);
    expect(digest.papers[0]?.authors.length).toBeGreaterThan(1);
    expect(digest.papers.some((paper) => paper.title.includes('<script>alert(1)</script>'))).toBe(true);
    expect(digest.digestDate).toBe(/date\/(\d{4}-\d{2}-\d{2})/.exec(html)?.[1]);
  });

  it('a page with no papers yields none', () => {
    expect(parseHfPapersHtml('<!DOCTYPE html><html><body><h1>Daily Papers</h1><p>Nothing today.</p></body></html>').papers).toEqual([]);
  });
});
