import { afterEach, describe, expect, it } from 'vitest';
import { SiftError } from '../../../shared/api-errors.ts';
import { addPaper, dumpLibrary, seedLibrary } from '../../../../tests/support/seed-papers.ts';
import { fixedClock, openTempLibrary } from '../../../../tests/support/temp-library.ts';
import { exportPapers } from '../export/export-papers.ts';
import { importDigest } from '../import/import-digest.ts';
import { splitTitleMerge } from '../import/title-merges.ts';
import { getPaper } from '../papers/get-paper.ts';
import { recordRequest, recordSuccess } from '../subscriptions/subscription-state.ts';
import { addSubscription, listSubscriptions, setSubscriptionEnabled, toView } from '../subscriptions/subscription-store.ts';
import { previewRestore, restoreFromJson } from './restore-from-json.ts';

type TempLibrary = ReturnType<typeof openTempLibrary>;

const BOOK = { title: 'The Art of Computer Programming', authors: ['Donald E. Knuth'], publishedAt: '1997', entryType: 'book' };

/** A library with what older exports lost: subscriptions with their history, and books told apart by volume. */
function seedFidelity(library: TempLibrary): void {
  seedLibrary(library);
  addPaper(library, { ...BOOK, volume: '1', edition: '3rd' });
  addPaper(library, { ...BOOK, volume: '2', edition: '3rd' });
  addPaper(library, { title: 'A chapter on sorting', authors: ['Ann Other'], entryType: 'incollection' });
  const clock = library.clock;
  const hf = addSubscription(library.db, { kind: 'hf-daily', target: '', includeCrossLists: false, includeReplacements: false, into: 'inbox', tag: null }, clock);
  const arxiv = addSubscription(library.db, { kind: 'arxiv-category', target: 'cs.CL+cs.LG', includeCrossLists: true, includeReplacements: false, into: 'to-read', tag: 'nlp' }, clock);
  const feed = addSubscription(library.db, { kind: 'feed', target: 'https://blog.example.org/feed.xml', includeCrossLists: false, includeReplacements: false, into: 'inbox', tag: null }, clock);
  recordRequest(library.db, hf.id, { validatorUrl: 'https://huggingface.co/api/daily_papers?date=2026-11-28', etag: '"x"', lastModified: null, papersAdded: 12, hfDayDone: '2026-11-28' });
  recordSuccess(library.db, hf.id, '2026-11-29T08:00:00.000Z', '2026-11-29T14:00:00.000Z');
  recordRequest(library.db, arxiv.id, { validatorUrl: 'https://rss.arxiv.org/rss/cs.CL+cs.LG', etag: null, lastModified: null, papersAdded: 40 });
  recordSuccess(library.db, arxiv.id, '2026-11-29T08:01:00.000Z', '2026-11-29T14:01:00.000Z');
  setSubscriptionEnabled(library.db, feed.id, false);
  // A record merged into a paper on its title alone: the reader may still want to split it.
  const csl = (items: object[]) => new TextEncoder().encode(JSON.stringify(items));
  const record = { type: 'article-journal', title: 'Robots that learn to sort', author: [{ family: 'Okafor', given: 'Ngozi' }], issued: { 'date-parts': [[2024]] } };
  importDigest(library.db, { fileName: 'first.json', bytes: csl([{ id: 'a', ...record }]) }, clock);
  importDigest(library.db, { fileName: 'second.json', bytes: csl([{ id: 'b', ...record, abstract: 'We teach robots to sort.', volume: '7' }]) }, clock);
}

const titleMergesOf = (library: TempLibrary) => library.db.prepare('SELECT * FROM title_merges ORDER BY id').all();

/** The subscriptions as the reader sees them (Settings, `sift subscriptions`) and where fetching resumes. */
function subscriptionsOf(library: TempLibrary) {
  return listSubscriptions(library.db).map((subscription) => {
    // The next attempt is the schedule's (a restored library fetches when due), not the reader's.
    const { id: _id, nextAttemptAt: _next, ...view } = toView(subscription);
    return { ...view, lastHfDay: subscription.lastHfDay };
  });
}

function exported(library: TempLibrary): Buffer {
  return Buffer.from(exportPapers(library.db, { format: 'json' }, library.clock).content);
}

function refusal(run: () => unknown): SiftError {
  try {
    run();
  } catch (error) {
    if (error instanceof SiftError) return error;
    throw error;
  }
  throw new Error('expected the restore to be refused');
}

describe('a JSON export keeps subscriptions and bibliographic details', () => {
  const opened: TempLibrary[] = [];
  const open = () => {
    const library = openTempLibrary({ clock: fixedClock('2026-11-29T10:00:00.000Z') });
    opened.push(library);
    return library;
  };
  afterEach(() => opened.splice(0).forEach((library) => library.cleanup()));

  it('export then restore into an empty library gives the same library, subscriptions and volumes included', () => {
    const source = open();
    seedFidelity(source);
    const target = open();
    const report = restoreFromJson(target, 'everything.json', exported(source));
    expect(report).toMatchObject({ subscriptions: 3, newSubscriptions: 3 });
    expect(dumpLibrary(target.db)).toEqual(dumpLibrary(source.db));
    expect(subscriptionsOf(target)).toEqual(subscriptionsOf(source));
    expect(titleMergesOf(source)).toHaveLength(1);
    expect(titleMergesOf(target)).toEqual(titleMergesOf(source));
    const books = target.db.prepare(`SELECT volume, edition, entry_type FROM papers WHERE title = ? ORDER BY volume`).all(BOOK.title);
    expect(books).toEqual([
      { volume: '1', edition: '3rd', entry_type: 'book' },
      { volume: '2', edition: '3rd', entry_type: 'book' },
    ]);
    // The paused feed stays paused; Hugging Face resumes after the last day it fetched whole.
    expect(subscriptionsOf(target).map((subscription) => [subscription.label, subscription.enabled])).toEqual([
      ['Hugging Face daily papers', true],
      ['arXiv cs.CL+cs.LG', true],
      ['https://blog.example.org/feed.xml', false],
    ]);
    // The restored library exports the same file (but for the moment of export).
    const again = JSON.parse(exported(target).toString()) as Record<string, unknown>;
    const first = JSON.parse(exported(source).toString()) as Record<string, unknown>;
    expect({ ...again, exportedAt: null }).toEqual({ ...first, exportedAt: null });
    // The restored library can still undo the title-only merge, as the original could.
    const mergeId = (titleMergesOf(target)[0] as { id: number }).id;
    const split = splitTitleMerge(target.db, mergeId, target.clock);
    expect(getPaper(target.db, split.newPaperId).abstract).toBe('We teach robots to sort.');
    expect(getPaper(target.db, split.paperId).abstract).toBe('');
  });

  it('a merge-restore adds only the subscriptions the library lacks, matched by address, and keeps the reader\'s settings', () => {
    const source = open();
    seedFidelity(source);
    const target = open();
    // The reader already follows the feed (typed differently) and paused nothing: that stays as is.
    addSubscription(target.db, { kind: 'feed', target: 'HTTPS://Blog.Example.org/feed.xml', includeCrossLists: false, includeReplacements: false, into: 'to-read', tag: 'blogs' }, target.clock);
    addPaper(target, { ...BOOK }); // volume unknown here: the file's volume 1 fills it in, volume 2 stays apart
    const file = exported(source);
    const preview = previewRestore(target, 'everything.json', file);
    expect(preview).toMatchObject({ subscriptions: 3, newSubscriptions: 2 });
    expect(listSubscriptions(target.db)).toHaveLength(1);
    const report = restoreFromJson(target, 'everything.json', file);
    expect(report).toEqual({ ...preview, file: 'everything.json' });
    // The merged paper is new to this library, so its title merge came along, pointing at it here.
    const [merge] = titleMergesOf(target) as { paper_id: number }[];
    expect(getPaper(target.db, merge!.paper_id).title).toBe('Robots that learn to sort');
    const labels = listSubscriptions(target.db).map((subscription) => [subscription.label, subscription.into, subscription.tag, subscription.enabled]);
    expect(labels).toEqual([
      ['HTTPS://Blog.Example.org/feed.xml', 'to-read', 'blogs', true],
      ['Hugging Face daily papers', 'inbox', null, true],
      ['arXiv cs.CL+cs.LG', 'to-read', 'nlp', true],
    ]);
    const books = target.db.prepare(`SELECT volume, entry_type FROM papers WHERE title = ? ORDER BY volume`).all(BOOK.title);
    expect(books).toEqual([
      { volume: '1', entry_type: 'book' },
      { volume: '2', entry_type: 'book' },
    ]);
    // A second restore of the same file subscribes to nothing twice.
    const before = dumpLibrary(target.db);
    const twice = restoreFromJson(target, 'everything.json', file);
    expect(twice).toMatchObject({ newSubscriptions: 0, newPapers: 0 });
    expect(listSubscriptions(target.db)).toHaveLength(3);
    expect(dumpLibrary(target.db)).toEqual(before);
  });

  it('a file written by an older Sift (no subscriptions, volumes or title merges) still restores', () => {
    const source = open();
    seedLibrary(source);
    const document = JSON.parse(exported(source).toString()) as { subscriptions?: unknown; titleMerges?: unknown; papers: Record<string, unknown>[] };
    delete document.subscriptions;
    delete document.titleMerges;
    for (const paper of document.papers) {
      delete paper.volume;
      delete paper.edition;
      delete paper.entryType;
    }
    const target = open();
    const report = restoreFromJson(target, 'sift-0.1.json', Buffer.from(JSON.stringify(document, null, 2)));
    expect(report).toMatchObject({ subscriptions: 0, newSubscriptions: 0, newPapers: document.papers.length });
    expect(dumpLibrary(target.db)).toEqual(dumpLibrary(source.db));
    expect(listSubscriptions(target.db)).toEqual([]);
  });

  it('an export of one queue carries no subscriptions: they belong to the whole library', () => {
    const source = open();
    seedFidelity(source);
    const document = JSON.parse(exportPapers(source.db, { format: 'json', queue: 'to-read' }, source.clock).content) as { subscriptions?: unknown };
    expect(document.subscriptions).toBeUndefined();
  });

  it('over-long or control-laden volume, edition and type are cleaned and cut, as import limits text', () => {
    const source = open();
    seedFidelity(source);
    const document = JSON.parse(exported(source).toString()) as { papers: { title: string; volume: string | null; edition: string | null; entryType: string | null }[] };
    const book = document.papers.find((paper) => paper.title === BOOK.title)!;
    book.volume = `II\u0000\u0007${'9'.repeat(5000)}`;
    book.edition = '  \u0001  ';
    const target = open();
    restoreFromJson(target, 'odd.json', Buffer.from(JSON.stringify(document)));
    const stored = getPaper(target.db, target.db.prepare(`SELECT id FROM papers WHERE volume LIKE 'II%'`).pluck().get() as number);
    expect(stored.title).toBe(BOOK.title);
    const row = target.db.prepare(`SELECT volume, edition FROM papers WHERE volume LIKE 'II%'`).get() as { volume: string; edition: string | null };
    expect(row.volume.startsWith('II999')).toBe(true);
    expect(row.volume.length).toBeLessThanOrEqual(200);
    expect(row.edition).toBeNull();
  });

  it('a title merge is held to the limits of any paper: only http(s) links, only columns a merge may fill', () => {
    const source = open();
    seedFidelity(source);
    const document = JSON.parse(exported(source).toString()) as { titleMerges: { incoming: { links: unknown[] }; replaced: Record<string, unknown>; addedLinks: unknown[] }[] };
    const [merge] = document.titleMerges;
    merge!.incoming.links = [{ kind: 'pdf', url: 'javascript:alert(1)' }, { kind: 'pdf', url: 'https://example.org/robots.pdf' }];
    merge!.replaced = { ...merge!.replaced, status: 'read', 'note = note': 'x' };
    merge!.addedLinks = [{ kind: 'code', url: 'file:///etc/passwd' }];
    const target = open();
    restoreFromJson(target, 'odd-merge.json', Buffer.from(JSON.stringify(document)));
    const row = titleMergesOf(target)[0] as { incoming: string; replaced: string; added_links: string };
    expect((JSON.parse(row.incoming) as { links: { url: string }[] }).links.map((link) => link.url)).toEqual(['https://example.org/robots.pdf']);
    expect(Object.keys(JSON.parse(row.replaced) as object)).not.toContain('status');
    expect(Object.keys(JSON.parse(row.replaced) as object)).not.toContain('note = note');
    expect(JSON.parse(row.added_links)).toEqual([]);
  });

  it('refuses a title merge that names a paper not in the file, library unchanged', () => {
    const source = open();
    seedFidelity(source);
    const document = JSON.parse(exported(source).toString()) as { titleMerges: { paperId: number }[] };
    document.titleMerges[0]!.paperId = 999_999;
    const target = open();
    const before = dumpLibrary(target.db);
    const error = refusal(() => restoreFromJson(target, 'bad-merge.json', Buffer.from(JSON.stringify(document))));
    expect(error.message).toMatch(/^bad-merge\.json .*title merge \d+ refers to a paper or digest that is not in the file/);
    expect(dumpLibrary(target.db)).toEqual(before);
    expect(titleMergesOf(target)).toEqual([]);
  });

  /** Each hostile file differs from a good export in one subscription field. */
  const hostile: [string, (subscriptions: Record<string, unknown>[]) => unknown, RegExp][] = [
    ['a feed that reads a local file', (list) => (list[2]!.target = 'file:///etc/passwd'), /subscription 3 .*file:\/\/\/etc\/passwd.*http:\/\/ or https:\/\//],
    ['a javascript: feed', (list) => (list[2]!.target = 'javascript:alert(1)'), /subscription 3 .*http:\/\/ or https:\/\//],
    ['an arXiv category that is not one', (list) => (list[1]!.target = 'cs.CL; rm -rf /'), /subscription 2 .*arXiv categories/],
    ['the same feed twice', (list) => list.push({ ...list[2]!, target: 'https://BLOG.example.org/feed.xml' }), /subscription 4 .*appears twice/],
    ['a thousand subscriptions', (list) => list.push(...Array.from({ length: 1000 }, (_, index) => ({ ...list[2]!, target: `https://example.org/${index}` }))), /1,003 subscriptions/],
    ['a kind Sift does not know', (list) => (list[0]!.kind = 'gopher'), /subscriptions\.0\.kind/],
    ['a last-fetched day that is not a day', (list) => (list[0]!.lastHfDay = 'yesterday'), /subscriptions\.0\.lastHfDay/],
  ];

  for (const [label, spoil, problem] of hostile) {
    it(`refuses ${label}, naming the file and the problem, library unchanged`, () => {
      const source = open();
      seedFidelity(source);
      const document = JSON.parse(exported(source).toString()) as { subscriptions: Record<string, unknown>[] };
      spoil(document.subscriptions);
      const bad = Buffer.from(JSON.stringify(document));
      const target = open();
      addPaper(target, { title: 'Already here' });
      addSubscription(target.db, { kind: 'arxiv-category', target: 'math.OC', includeCrossLists: false, includeReplacements: false, into: 'inbox', tag: null }, target.clock);
      const before = { rows: dumpLibrary(target.db), subscriptions: subscriptionsOf(target) };
      for (const attempt of [() => restoreFromJson(target, 'hostile.json', bad), () => previewRestore(target, 'hostile.json', bad)]) {
        const error = refusal(attempt);
        expect(error.type).toBe('invalid-digest');
        expect(error.message).toMatch(/^hostile\.json /);
        expect(error.message).toMatch(problem);
      }
      expect({ rows: dumpLibrary(target.db), subscriptions: subscriptionsOf(target) }).toEqual(before);
    });
  }
});
