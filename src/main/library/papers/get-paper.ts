import type { Database } from 'better-sqlite3';
import { SiftError } from '../../../shared/api-errors.ts';
import type { DigestFormat, LinkKind, PaperDetail, PaperDigestRef } from '../../../shared/domain.ts';
import { prepared } from '../db/prepared.ts';
import { rowToPaperSummary, SUMMARY_COLUMNS } from './paper-rows.ts';
import type { PaperSummaryRow } from './paper-rows.ts';

interface PaperDetailRow extends PaperSummaryRow {
  abstract: string;
  doi: string | null;
  published_at: string | null;
  primary_category: string | null;
  note: string;
  status_changed_at: string;
}

export function getPaper(db: Database, id: number): PaperDetail {
  const row = prepared<[number], PaperDetailRow>(
    db,
    `SELECT ${SUMMARY_COLUMNS}, p.abstract, p.doi, p.published_at, p.primary_category, p.note, p.status_changed_at
     FROM papers p WHERE p.id = ?`,
  ).get(id);
  if (!row) throw new SiftError('not-found', `There is no paper with id ${id}.`);
  const links = prepared<[number], { kind: LinkKind; url: string }>(
    db,
    `SELECT kind, url FROM paper_links WHERE paper_id = ? ORDER BY rowid`,
  ).all(id);
  const digests = prepared<[number], { id: number; source_name: string; format: DigestFormat; digest_date: string | null }>(
    db,
    `SELECT d.id, d.source_name, d.format, d.digest_date FROM paper_digests pd JOIN digests d ON d.id = pd.digest_id
     WHERE pd.paper_id = ? ORDER BY d.imported_at, d.id`,
  ).all(id);
  return {
    ...rowToPaperSummary(row),
    abstract: row.abstract,
    doi: row.doi,
    publishedAt: row.published_at,
    primaryCategory: row.primary_category,
    note: row.note,
    statusChangedAt: row.status_changed_at,
    links: withIdentityLinks(links, row.arxiv_id, row.doi),
    digests: digests.map(
      (digest): PaperDigestRef => ({
        id: digest.id,
        sourceName: digest.source_name,
        format: digest.format,
        digestDate: digest.digest_date,
      }),
    ),
  };
}

/** Every arXiv paper has an abstract page, a PDF and a Hugging Face page; every DOI resolves. */
function withIdentityLinks(links: { kind: LinkKind; url: string }[], arxivId: string | null, doi: string | null) {
  const all = [...links];
  const has = (kind: LinkKind) => all.some((link) => link.kind === kind);
  if (arxivId) {
    if (!has('arxiv')) all.unshift({ kind: 'arxiv', url: `https://arxiv.org/abs/${arxivId}` });
    if (!has('pdf')) all.push({ kind: 'pdf', url: `https://arxiv.org/pdf/${arxivId}` });
    if (!has('hf') && /^\d{4}\./.test(arxivId)) all.push({ kind: 'hf', url: `https://huggingface.co/papers/${arxivId}` });
  }
  if (doi && !has('doi')) all.push({ kind: 'doi', url: `https://doi.org/${doi}` });
  return all;
}
