// Test helper: a temp library of topic papers (topic-papers.ts), all in the inbox in digest order,
// with each id's topic, the triage context, and a cleanup; topicLibrariesClosedAfterEach runs it.
import { afterEach } from 'vitest';
import { openTempLibrary } from '../../../../../tests/support/temp-library.ts';
import { insertPaper, toIncomingPaper } from '../../import/merge-paper.ts';
import { emptyPaper } from '../../import/parsers/parsed-digest.ts';
import { setStatus } from '../../papers/triage-papers.ts';
import { topicPapers } from './topic-papers.ts';
import type { Topic } from './topic-papers.ts';

export function openTopicLibrary(perTopic: number) {
  const library = openTempLibrary();
  const topics = new Map<number, Topic>();
  library.db.transaction(() => {
    topicPapers(perTopic).forEach((paper, position) => {
      const parsed = { ...emptyPaper(paper.title), abstract: paper.abstract, authors: paper.authors };
      const id = insertPaper(library.db, toIncomingPaper(parsed), { status: 'inbox', digestDate: '2026-11-20', digestPosition: position, now: '2026-11-20T08:00:00.000Z' });
      topics.set(id, paper.topic);
    });
  })();
  const context = { db: library.db, history: library.history, clock: library.clock };
  return { library, topics, ids: [...topics.keys()], context };
}

/** The reader most tests use: reads ten diffusion papers and skips twenty of the others. */
export function readDiffusionSkipRest(opened: ReturnType<typeof openTopicLibrary>): void {
  const { context, ids, topics } = opened;
  setStatus(context, ids.filter((id) => topics.get(id) === 'diffusion').slice(0, 10), 'read');
  setStatus(context, ids.filter((id) => topics.get(id) !== 'diffusion').slice(0, 20), 'skipped');
}

/** For a test file: a way to open topic libraries, each closed after the test that opened it. */
export function topicLibrariesClosedAfterEach(): (perTopic: number) => ReturnType<typeof openTopicLibrary> {
  const open: { cleanup: () => void }[] = [];
  afterEach(() => open.splice(0).forEach((library) => library.cleanup()));
  return (perTopic) => {
    const opened = openTopicLibrary(perTopic);
    open.push(opened.library);
    return opened;
  };
}
