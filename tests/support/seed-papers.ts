import fs from 'node:fs';
import type { Database } from 'better-sqlite3';
import { importDigest } from '../../src/main/library/import/import-digest.ts';
import { insertPaper, toIncomingPaper } from '../../src/main/library/import/merge-paper.ts';
import { emptyPaper } from '../../src/main/library/import/parsers/parsed-digest.ts';
import type { ParsedPaper } from '../../src/main/library/import/parsers/parsed-digest.ts';
import { addTag, setNote } from '../../src/main/library/papers/tags-and-notes.ts';
import { setStarred, setStatus } from '../../src/main/library/papers/triage-papers.ts';
import type { SiftLibrary } from '../../src/main/library/sift-library.ts';
import { HF_PAPERS_PAGE } from './temp-library.ts';

export const HOSTILE_TEXT = `Weird {unbalanced } } { %$&#_~^\\ @misc{x, y} "quoted" \\end{document} ]( x < y > z -- \`\`q'' | 100%`;

export function paper(fields: Partial<ParsedPaper> & { title: string }): ParsedPaper {
  return { ...emptyPaper(fields.title), ...fields };
}

/** Inserts a paper as an import would and returns its id. */
export function addPaper(library: SiftLibrary, fields: Partial<ParsedPaper> & { title: string }, status: 'inbox' | 'to-read' = 'inbox'): number {
  return insertPaper(library.db, toIncomingPaper(paper(fields)), {
    status,
    digestDate: '2026-11-20',
    digestPosition: 0,
    now: library.clock.now().toISOString(),
  });
}

/**
 * A small library with every kind of paper and reader state an export must carry: arXiv and
 * DOI-only papers, a citation-key collision, a placeholder title, hostile text, statuses, stars,
 * tags (one unused), notes, to-read order and a real digest.
 */
export function seedLibrary(library: SiftLibrary): Record<string, number> {
  const context = { db: library.db, history: library.history, clock: library.clock };
  const ids = {
    attention: addPaper(library, {
      title: 'Attention Is All You Need',
      authors: ['Ashish Vaswani', 'Noam Shazeer'],
      arxivId: '1706.03762',
      primaryCategory: 'cs.CL',
      publishedAt: '2017-06-12',
      abstract: 'The dominant sequence transduction models are based on complex recurrent networks.',
      links: [{ kind: 'code', url: 'https://github.com/tensorflow/tensor2tensor' }],
    }, 'to-read'),
    attentionTwin: addPaper(library, {
      title: 'Attention Is Not All You Need, Again',
      authors: ['Ada Vaswani'],
      arxivId: '1706.09999',
      publishedAt: '2017-06-30',
    }, 'to-read'),
    journal: addPaper(library, {
      title: 'Deep learning',
      authors: ['Yann LeCun', 'Yoshua Bengio', 'Geoffrey Hinton'],
      doi: '10.1038/nature14539',
      publishedAt: '2015-05-27',
    }),
    hostile: addPaper(library, { title: HOSTILE_TEXT, authors: ['Zoë Ünal', 'Team and Friends'], abstract: `Abstract: ${HOSTILE_TEXT}` }),
    placeholder: addPaper(library, { title: '', arxivId: '2403.01234' }),
  };
  setStatus(context, [ids.journal], 'read');
  setStatus(context, [ids.placeholder], 'skipped');
  setStarred(context, [ids.attention, ids.journal], true);
  addTag(context, [ids.attention, ids.attentionTwin], 'transformers');
  addTag(context, [ids.attention, ids.hostile], 'to cite & share');
  library.db.prepare(`INSERT INTO tags (name) VALUES ('unused')`).run();
  setNote(context, ids.attention, 'Read section 3.\n\nThen the appendix.');
  setNote(context, ids.hostile, HOSTILE_TEXT);
  importDigest(library.db, { fileName: 'hf-papers-page.txt', bytes: fs.readFileSync(HF_PAPERS_PAGE) }, library.clock);
  return ids;
}

/** Every row of every content table, in a stable order: two libraries are the same if these are equal. */
export function dumpLibrary(db: Database): Record<string, unknown[]> {
  const query = (sql: string) => db.prepare(sql).all();
  return {
    papers: query('SELECT * FROM papers ORDER BY id'),
    links: query('SELECT * FROM paper_links ORDER BY paper_id, url'),
    tags: query('SELECT * FROM tags ORDER BY id'),
    paperTags: query('SELECT * FROM paper_tags ORDER BY paper_id, tag_id'),
    digests: query('SELECT * FROM digests ORDER BY id'),
    paperDigests: query('SELECT * FROM paper_digests ORDER BY paper_id, digest_id'),
  };
}
