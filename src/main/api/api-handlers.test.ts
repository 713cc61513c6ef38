import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HF_PAPERS_PAGE, openTempLibrary } from '../../../tests/support/temp-library.ts';
import { apiContract, OPERATION_NAMES } from '../../shared/api-contract.ts';
import type { ApiHandlers } from '../../shared/api-contract.ts';
import type { ImportReport, PaperDetail } from '../../shared/domain.ts';
import { createApiHandlers } from './api-handlers.ts';
import { dispatchOperation } from './dispatch-operation.ts';

describe('the API handlers', () => {
  let library: ReturnType<typeof openTempLibrary>;
  let handlers: ApiHandlers;
  let opened: string[];
  const digest = { name: 'hf-papers-page.txt', dataBase64: fs.readFileSync(HF_PAPERS_PAGE).toString('base64') };

  beforeEach(() => {
    library = openTempLibrary();
    opened = [];
    handlers = createApiHandlers(library, { openExternal: (url) => void opened.push(url) });
  });
  afterEach(() => library.cleanup());

  it('every channel is a unique domain:verb name', () => {
    const channels = OPERATION_NAMES.map((name) => apiContract[name].channel);
    expect(new Set(channels).size).toBe(channels.length);
    for (const channel of channels) expect(channel).toMatch(/^[a-z]+:[a-z-]+$/);
  });

  it('imports a digest and reports it, then lists and opens the papers', async () => {
    const result = await dispatchOperation(handlers, 'importDigest', digest);
    expect(result.error).toBeUndefined();
    expect(result.data as ImportReport).toMatchObject({ papers: 58, added: 58, existing: 0, format: 'hf-papers-text' });
    const page = await dispatchOperation(handlers, 'listPapers', { queue: 'inbox' });
    const papers = (page.data as { papers: { id: number; title: string }[]; total: number }).papers;
    expect(papers).toHaveLength(58);
    const spikMamba = papers.find((paper) => paper.title.startsWith('SpikMamba'));
    const detail = (await dispatchOperation(handlers, 'getPaper', { id: spikMamba?.id })).data as PaperDetail;
    expect(detail.abstract).toMatch(/^Human action recognition/);
    expect(detail.links).toContainEqual({ kind: 'code', url: 'https://github.com/Typistchen/SpikMamba' });
    expect(detail.digests).toHaveLength(1);
  });

  it('arguments that do not match the contract come back as a typed error, and nothing runs', async () => {
    for (const bad of ['inbox', { queue: 'later' }, { queue: 'inbox', limit: -1 }, { queue: 'inbox', offset: 1.5 }]) {
      const result = await dispatchOperation(handlers, 'listPapers', bad);
      expect(result.error?.type).toBe('invalid-arguments');
    }
    const result = await dispatchOperation(handlers, 'setStatus', { ids: [1], status: 'archived' });
    expect(result.error).toMatchObject({ type: 'invalid-arguments' });
    expect(result.error?.message).toContain('papers:set-status');
  });

  it('a bad digest is a typed error naming the file, and the library is unchanged', async () => {
    const empty = await dispatchOperation(handlers, 'importDigest', { name: 'empty.txt', dataBase64: '' });
    expect(empty.error).toMatchObject({ type: 'invalid-digest' });
    expect(empty.error?.message).toContain('empty.txt');
    const counts = await dispatchOperation(handlers, 'countQueues', {});
    expect(counts.data).toMatchObject({ all: 0 });
  });

  it('an unknown paper id is a not-found error', async () => {
    const result = await dispatchOperation(handlers, 'getPaper', { id: 12345 });
    expect(result.error).toMatchObject({ type: 'not-found' });
  });

  it('only http(s) links reach the OS browser', async () => {
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'sift://x', 'not a url']) {
      const result = await dispatchOperation(handlers, 'openExternal', { url });
      expect(result.data).toEqual({ opened: false });
    }
    const ok = await dispatchOperation(handlers, 'openExternal', { url: 'https://arxiv.org/abs/2403.01234' });
    expect(ok.data).toEqual({ opened: true });
    expect(opened).toEqual(['https://arxiv.org/abs/2403.01234']);
  });

  it('library info moves when another connection changes what the reader sees, and only then', async () => {
    const info = async () => ((await dispatchOperation(handlers, 'getLibraryInfo', {})).data as { externalChanges: number }).externalChanges;
    const first = await info();
    const { default: Database } = await import('better-sqlite3');
    const second = new Database(library.path);
    second.prepare(`INSERT INTO tags (name) VALUES ('from-elsewhere')`).run();
    const afterTag = await info();
    expect(afterTag).not.toBe(first);
    // Derived state another process writes (the learning process's vectors, the search index's queue):
    // the window has nothing to reload.
    second.prepare(`INSERT INTO learn_terms (term) VALUES ('elsewhere')`).run();
    second.prepare(`INSERT INTO search_log (paper_id) VALUES (1)`).run();
    expect(await info()).toBe(afterTag);
    second.close();
    // The window's own writes: it reloads as it makes them, not again at the next poll.
    library.db.prepare(`INSERT INTO tags (name) VALUES ('own')`).run();
    expect(await info()).toBe(afterTag);
  });
});
