import { describe, expect, it } from 'vitest';
import { insertPaper, toIncomingPaper } from '../import/merge-paper.ts';
import { emptyPaper } from '../import/parsers/parsed-digest.ts';
import { addTag, renameTag } from '../papers/tags-and-notes.ts';
import { setStarred, setStatus } from '../papers/triage-papers.ts';
import { learnLibrary } from './learn-from-library.ts';
import type { LearntLibrary } from './learn-from-library.ts';
import { LearnService } from './learn-service.ts';
import { scoreAllRows } from './rank-papers.ts';
import { readDiffusionSkipRest, topicLibrariesClosedAfterEach } from './testing/topic-library.ts';

const openTopicLibrary = topicLibrariesClosedAfterEach();

function topicLibrary() {
  const opened = openTopicLibrary(15);
  readDiffusionSkipRest(opened);
  return opened;
}

const keep = (learnt: LearntLibrary) => ({ space: learnt.model.space, stamp: learnt.stamp ?? -1 });
const scores = (learnt: LearntLibrary) => Array.from(scoreAllRows(learnt.model.space, learnt.model.ranker ?? { weights: new Float32Array(), bias: 0 }));

describe('rebuilding the reader model on the vectors packed last time', () => {
  it('after a triage keeps the packed vectors, and learns exactly what a full rebuild would', () => {
    const { library, topics, ids, context } = topicLibrary();
    const first = learnLibrary(library.db);
    expect(first.reusedSpace).toBe(false);
    const speech = ids.filter((id) => topics.get(id) === 'speech');
    setStatus(context, speech.slice(0, 12), 'read');
    setStarred(context, speech.slice(0, 3), true);
    const kept = learnLibrary(library.db, { previous: keep(first) });
    expect(kept.reusedSpace).toBe(true);
    expect(kept.model.space).toBe(first.model.space);
    expect(kept.model.decisions.kept).toBe(first.model.decisions.kept + 12);
    const full = learnLibrary(library.db);
    expect(full.reusedSpace).toBe(false);
    const keptScores = scores(kept);
    scores(full).forEach((score, row) => expect(keptScores[row]).toBeCloseTo(score, 5));
    // The new decisions count: an unread speech paper now outranks an unread graphs paper.
    const rowOf = (id: number) => Array.from(kept.model.space.paperIds).indexOf(id);
    const unreadSpeech = speech.at(-1) ?? 0;
    const unreadGraphs = ids.filter((id) => topics.get(id) === 'graphs').at(-1) ?? 0;
    expect(keptScores[rowOf(unreadSpeech)]).toBeGreaterThan(keptScores[rowOf(unreadGraphs)] ?? 0);
  });

  it('packs the vectors again when papers arrive, a paper\'s text changes, a paper goes, or its tags change', () => {
    const { library, ids, context } = topicLibrary();
    let newId = 0;
    // Words and tags on two papers each: a feature seen in one paper only is not in the vocabulary.
    const changes: [string, () => void][] = [
      ['a new paper', () => {
        newId = insertPaper(library.db, toIncomingPaper({ ...emptyPaper('Zeppelin aerodynamics'), abstract: 'Airships.' }), { status: 'inbox', digestDate: '2026-11-21', digestPosition: 0, now: '2026-11-21T08:00:00.000Z' });
      }],
      ['an edited title', () => library.db.prepare(`UPDATE papers SET title = 'Blimp flight' WHERE id IN (?, ?)`).run(ids[2] ?? 0, ids[3] ?? 0)],
      ['a deleted paper', () => library.db.prepare(`DELETE FROM papers WHERE id = ?`).run(ids[4] ?? 0)],
      ['a tag added', () => addTag(context, [ids[6] ?? 0, ids[7] ?? 0], 'audio')],
      ['a tag renamed', () => renameTag(library.db, 'audio', 'sound')],
    ];
    let previous = learnLibrary(library.db);
    for (const [change, apply] of changes) {
      apply();
      const next = learnLibrary(library.db, { previous: keep(previous) });
      expect({ change, reusedSpace: next.reusedSpace }).toEqual({ change, reusedSpace: false });
      previous = next;
    }
    expect(previous.model.space.terms).toEqual(expect.arrayContaining(['blimp', '#sound']));
    expect(Array.from(previous.model.space.paperIds)).toContain(newId);
    expect(previous.model.space.terms).not.toContain('#audio');
    expect(Array.from(previous.model.space.paperIds)).not.toContain(ids[4]);
  });

  it('the app\'s service keeps its space across a triage when it learns in a process of its own, and the order follows the triage', async () => {
    const { library, topics, ids, context } = topicLibrary();
    const service = new LearnService(library.db, { libraryPath: library.path });
    const first = await service.currentModel();
    expect(service.builtIn).toBe('own process');
    const graphs = ids.filter((id) => topics.get(id) === 'graphs');
    setStatus(context, graphs.slice(0, 12), 'read');
    const second = await service.currentModel();
    expect(service.builtIn).toBe('own process');
    expect(second.model.space).toBe(first.model.space);
    const page = await service.listForYou({ queue: 'inbox', offset: 0, limit: 5, refresh: true });
    expect(page.papers.map((paper) => topics.get(paper.id))).toContain('graphs');
  });
});
