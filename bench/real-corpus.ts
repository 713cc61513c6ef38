// The shared real corpus (Hugging Face daily papers, 2024–2025) as parsed papers, for the search bench.
// Read here directly, tolerating the corpus's known faults: ~30 days hold each entry as a Python-notation
// string, and one day wraps its list in {status, date, count, data}.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ParsedPaper } from '../src/main/library/import/parsers/parsed-digest.ts';
import { parsePythonLiteral } from './python-literal.ts';

export const REAL_CORPUS = path.resolve(import.meta.dirname, '../../shared/corpus/hf-daily-papers-2024-2025.tar.gz');

interface HfEntry {
  paper?: { id?: string; title?: string; summary?: string; authors?: { name?: string }[]; publishedAt?: string };
  title?: string;
  publishedAt?: string;
}

function entriesOf(text: string): HfEntry[] {
  const parsed = JSON.parse(text) as unknown;
  const list = Array.isArray(parsed) ? parsed : ((parsed as { data?: unknown[] } | null)?.data ?? []);
  return list.flatMap((entry): HfEntry[] => {
    if (typeof entry !== 'string') return [entry as HfEntry];
    try {
      return [parsePythonLiteral(entry) as HfEntry];
    } catch {
      return [];
    }
  });
}

/** Distinct papers of the corpus, in the order they first appeared; empty when the corpus is absent. */
export function readRealCorpus(): ParsedPaper[] {
  if (!fs.existsSync(REAL_CORPUS)) return [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-corpus-'));
  try {
    execFileSync('tar', ['xzf', REAL_CORPUS, '-C', dir]);
    const files = fs.readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
    const papers = new Map<string, ParsedPaper>();
    for (const file of files) {
      const day = file.slice(0, 10);
      for (const entry of entriesOf(fs.readFileSync(path.join(dir, file), 'utf8'))) {
        const paper = entry.paper;
        const title = (paper?.title ?? entry.title ?? '').replace(/\s+/g, ' ').trim();
        if (!paper?.id || !title || papers.has(paper.id)) continue;
        papers.set(paper.id, {
          title,
          abstract: (paper.summary ?? '').replace(/\s+/g, ' ').trim(),
          authors: (paper.authors ?? []).map((author) => author.name ?? '').filter(Boolean),
          arxivId: paper.id,
          doi: null,
          links: [],
          publishedAt: (paper.publishedAt ?? entry.publishedAt ?? '').slice(0, 10) || null,
          primaryCategory: null,
          sectionDate: day,
        });
      }
    }
    return [...papers.values()];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
