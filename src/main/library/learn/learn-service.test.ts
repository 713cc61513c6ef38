import { describe, expect, it } from 'vitest';
import { listPapers } from '../papers/list-papers.ts';
import { addTag } from '../papers/tags-and-notes.ts';
import { setStatus } from '../papers/triage-papers.ts';
import { coldStartMessage } from './learn-progress.ts';
import { LearnService } from './learn-service.ts';
import { topicLibrariesClosedAfterEach } from './testing/topic-library.ts';

const openTopicLibrary = topicLibrariesClosedAfterEach();

/** A library of topic papers, all in the inbox, in digest order; returns each id's topic. */
function topicLibrary() {
  const opened = openTopicLibrary(20);
  return opened;
}

/** A reader who reads and tags 'audio' five speech papers and skips fifteen others. */
function speechReaderLibrary() {
  const opened = topicLibrary();
  const { ids, topics, context } = opened;
  const speech = ids.filter((id) => topics.get(id) === 'speech');
  addTag(context, speech.slice(0, 5), 'audio');
  setStatus(context, speech.slice(0, 5), 'read');
  setStatus(context, ids.filter((id) => topics.get(id) !== 'speech').slice(0, 15), 'skipped');
  return { ...opened, speech };
}

describe('the learning service over a real library', () => {
  it('keeps digest order and says how many more choices it needs until the reader has made enough', async () => {
    const { library, topics, context } = topicLibrary();
    const ids = [...topics.keys()];
    setStatus(context, ids.filter((id) => topics.get(id) === 'diffusion').slice(0, 4), 'to-read');
    setStatus(context, ids.filter((id) => topics.get(id) === 'graphs').slice(0, 7), 'skipped');
    const service = new LearnService(library.db, { libraryPath: library.path });
    const page = await service.listForYou({ queue: 'inbox', offset: 0, limit: 20, refresh: true });
    expect(page.progress).toMatchObject({ kept: 4, skipped: 7, needKept: 6, needSkipped: 3, ready: false });
    expect(coldStartMessage(page.progress)).toBe('For you needs 6 more kept (to read, read or starred) and 3 more skipped to learn what you want; until then papers stay in digest order.');
    expect(page.papers.map((paper) => paper.id)).toEqual(listPapers(library.db, { queue: 'inbox', limit: 20 }).papers.map((paper) => paper.id));
    expect(page.scores.every((score) => score === null)).toBe(true);
  });

  it('ranks the inbox for the reader (learning in a process of its own) and keeps that order while they triage, until a refresh', async () => {
    const { library, topics, context } = topicLibrary();
    const ids = [...topics.keys()];
    const firstHalf = ids.slice(0, ids.length / 2);
    setStatus(context, firstHalf.filter((id) => topics.get(id) === 'speech'), 'read');
    setStatus(context, firstHalf.filter((id) => topics.get(id) !== 'speech'), 'skipped');
    const service = new LearnService(library.db, { libraryPath: library.path });
    const page = await service.listForYou({ queue: 'inbox', offset: 0, limit: 100, refresh: true });
    expect(page.progress.ready).toBe(true);
    const order = page.papers.map((paper) => topics.get(paper.id));
    expect(order.slice(0, 10).every((topic) => topic === 'speech')).toBe(true);
    expect(page.scores[0]).toBeGreaterThan(page.scores.at(-1) ?? 100);

    // The reader skips the top paper: the rest keeps its order (no reshuffle under the cursor).
    const top = page.papers[0]?.id ?? 0;
    setStatus(context, [top], 'skipped');
    const during = await service.listForYou({ queue: 'inbox', offset: 0, limit: 100, refresh: false });
    expect(during.papers.map((paper) => paper.id)).toEqual(page.papers.slice(1).map((paper) => paper.id));
    expect(during.total).toBe(page.total - 1);
  });

  it('ranks a search\'s matches for the reader, holds that order while they triage, and says where a paper stands in either order', async () => {
    const { library, topics, context } = topicLibrary();
    const ids = [...topics.keys()];
    const firstHalf = ids.slice(0, ids.length / 2);
    setStatus(context, firstHalf.filter((id) => topics.get(id) === 'speech'), 'read');
    setStatus(context, firstHalf.filter((id) => topics.get(id) !== 'speech'), 'skipped');
    const service = new LearnService(library.db);
    const search = { query: 'model ', queue: 'inbox' as const, offset: 0, limit: 100 };
    const relevance = await service.searchForYou({ ...search, refresh: false, order: 'relevance' });
    const forYou = await service.searchForYou({ ...search, refresh: true, order: 'for-you' });
    expect(forYou.total).toBe(relevance.total);
    expect(forYou.total).toBeGreaterThan(20);
    const idsOf = (page: { hits: { paper: { id: number } }[] }) => page.hits.map((hit) => hit.paper.id);
    expect(new Set(idsOf(forYou))).toEqual(new Set(idsOf(relevance)));
    const speechMatches = idsOf(relevance).filter((id) => topics.get(id) === 'speech').length;
    expect(speechMatches).toBeGreaterThanOrEqual(4);
    expect(idsOf(forYou).slice(0, speechMatches).every((id) => topics.get(id) === 'speech')).toBe(true);
    expect(idsOf(relevance).slice(0, speechMatches).every((id) => topics.get(id) === 'speech')).toBe(false);
    // Each hit still shows where the words matched, as in relevance order.
    expect(forYou.hits.every((hit) => hit.titleHighlights.length + (hit.snippet?.highlights.length ?? 0) > 0)).toBe(true);
    expect(forYou.scores[0]).toBeGreaterThan(forYou.scores.at(-1) ?? 100);

    // Where the cursor's paper stands in each order: what switching uses to keep it in view.
    const cursor = idsOf(relevance)[5] ?? 0;
    expect((await service.searchForYou({ ...search, limit: 1, refresh: false, order: 'for-you', focusId: cursor })).focusIndex).toBe(idsOf(forYou).indexOf(cursor));
    expect((await service.searchForYou({ ...search, limit: 1, refresh: false, order: 'relevance', focusId: cursor })).focusIndex).toBe(5);

    // Skipping the top match takes it out of the inbox's results; the rest keep their order.
    setStatus(context, [idsOf(forYou)[0] ?? 0], 'skipped');
    const during = await service.searchForYou({ ...search, refresh: false, order: 'for-you' });
    expect(idsOf(during)).toEqual(idsOf(forYou).slice(1));
  });

  it('finds the nearest papers in the whole library and suggests tags from the reader\'s own tagging', async () => {
    const { library, speech, topics, context } = speechReaderLibrary();
    const service = new LearnService(library.db);
    const similar = await service.similar(speech[10] ?? 0, 5);
    expect(similar).toHaveLength(5);
    expect(similar.every((hit) => topics.get(hit.paper.id) === 'speech')).toBe(true);
    expect(similar[0]?.similarity).toBeGreaterThanOrEqual(similar[4]?.similarity ?? 1);
    expect((await service.suggestTags(speech[12] ?? 0)).map((suggestion) => suggestion.tag)).toEqual(['audio']);
    expect(await service.suggestTags(speech[0] ?? 0)).toEqual([]);
  });

  it('suggests nothing, without waiting, until a first model is learned, and then from it', async () => {
    const { library, speech, topics, context } = speechReaderLibrary();
    const service = new LearnService(library.db);
    expect(await service.suggestTags(speech[12] ?? 0)).toEqual([]);
    await service.currentModel();
    expect((await service.suggestTags(speech[12] ?? 0)).map((suggestion) => suggestion.tag)).toEqual(['audio']);
    // A change to the library: the last model still answers while the next one is learned.
    setStatus(context, speech.slice(20, 22), 'skipped');
    expect((await service.suggestTags(speech[12] ?? 0)).map((suggestion) => suggestion.tag)).toEqual(['audio']);
  });
});
