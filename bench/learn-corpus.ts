// The bench's own reader of the shared Hugging Face corpus (415 daily files). It tolerates what the
// corpus README lists: a day wrapped in {status, date, count, data} is unwrapped; days whose entries
// are Python-notation strings (a saving script's bug) are skipped and counted, not guessed at.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface CorpusPaper {
  arxivId: string;
  title: string;
  abstract: string;
  authors: string[];
  upvotes: number;
  /** When it was submitted to that day's page: the order a feed lists it in. */
  submittedAt: string;
}

export interface CorpusDay {
  date: string;
  /** In the file's order (which is Hugging Face's upvotes order). */
  papers: CorpusPaper[];
}

export interface Corpus {
  days: CorpusDay[];
  skippedDays: string[];
}

export const CORPUS_ARCHIVE = path.resolve(import.meta.dirname, '../../shared/corpus/hf-daily-papers-2024-2025.tar.gz');

/** Unpacks the archive into a temporary folder, reads every day, removes the folder. */
export function readCorpus(archive = CORPUS_ARCHIVE): Corpus | null {
  if (!fs.existsSync(archive)) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-learn-corpus-'));
  try {
    execFileSync('tar', ['xzf', archive, '-C', dir]);
    const files = listJsonFiles(dir).sort((a, b) => path.basename(a).localeCompare(path.basename(b)));
    const corpus: Corpus = { days: [], skippedDays: [] };
    const seen = new Set<string>();
    for (const file of files) {
      const date = path.basename(file, '.json');
      const papers = readDay(fs.readFileSync(file, 'utf8'));
      if (papers === null) {
        corpus.skippedDays.push(date);
        continue;
      }
      // A paper on a second day is already in the reader's library: it is not new in that digest.
      const fresh = papers.filter((paper) => !seen.has(paper.arxivId));
      fresh.forEach((paper) => seen.add(paper.arxivId));
      if (fresh.length > 0) corpus.days.push({ date, papers: fresh });
    }
    return corpus;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function listJsonFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(entry.parentPath, entry.name);
    if (entry.isDirectory()) return listJsonFiles(full);
    return entry.name.endsWith('.json') ? [full] : [];
  });
}

function readDay(text: string): CorpusPaper[] | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const entries = Array.isArray(value) ? value : isRecord(value) && Array.isArray(value.data) ? value.data : null;
  if (!entries || entries.some((entry) => !isRecord(entry))) return null;
  return entries.flatMap((entry: Record<string, unknown>) => {
    const paper = isRecord(entry.paper) ? entry.paper : null;
    if (!paper || typeof paper.id !== 'string' || typeof paper.title !== 'string') return [];
    return [
      {
        arxivId: paper.id,
        title: paper.title.replace(/\s+/g, ' ').trim(),
        abstract: typeof paper.summary === 'string' ? paper.summary.replace(/\s+/g, ' ').trim() : '',
        authors: Array.isArray(paper.authors) ? paper.authors.flatMap((author) => (isRecord(author) && typeof author.name === 'string' ? [author.name] : [])) : [],
        upvotes: typeof paper.upvotes === 'number' ? paper.upvotes : 0,
        submittedAt: typeof entry.publishedAt === 'string' ? entry.publishedAt : '',
      },
    ];
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
