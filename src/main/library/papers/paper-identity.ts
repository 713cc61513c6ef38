// How Sift decides that two records are the same paper: arXiv id (version stripped), else DOI,
// else the normalised title. Kept pure so parsers, import and tests agree on it.

const NEW_STYLE_ARXIV = /^(\d{4}\.\d{4,5})(v\d+)?$/;
const OLD_STYLE_ARXIV = /^([a-z-]+)(?:\.[A-Z]{2})?\/(\d{7})(v\d+)?$/i;

/**
 * `arXiv:2403.01234v2` → `2403.01234`; `hep-th/9901001v1` → `hep-th/9901001`; `cs.DB/0003005` → `cs/0003005`
 * (the subject class is not part of an old-style id); anything else → null.
 */
export function normaliseArxivId(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const trimmed = raw.trim().replace(/^arxiv:\s*/i, '');
  const modern = NEW_STYLE_ARXIV.exec(trimmed);
  if (modern?.[1]) return modern[1];
  const old = OLD_STYLE_ARXIV.exec(trimmed);
  if (old?.[1] && old[2]) return `${old[1].toLowerCase()}/${old[2]}`;
  return null;
}

/** DOIs are case-insensitive; store them lower-case without any resolver prefix. */
export function normaliseDoi(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const trimmed = raw
    .trim()
    .replace(/^(?:https?:\/\/)?(?:dx\.)?doi\.org\//i, '')
    .replace(/^doi:\s*/i, '')
    .replace(/[.,;]+$/, '');
  return /^10\.\d{4,9}\/\S+$/.test(trimmed) ? trimmed.toLowerCase() : null;
}

/** NFKC, case-folded, punctuation dropped and whitespace collapsed: "BERT: Pre-training…" ≈ "bert pre training". */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * arXiv's DOIs (10.48550/arXiv.ID) name an arXiv paper; recognising them keeps a DOI-only BibTeX
 * entry and the arXiv listing of the same paper in one row.
 */
export function arxivIdFromDoi(doi: string | null): string | null {
  const match = doi ? /^10\.48550\/arxiv\.(.+)$/i.exec(doi) : null;
  return match?.[1] ? normaliseArxivId(match[1]) : null;
}

export function identityKey(paper: { arxivId: string | null; doi: string | null; titleKey: string }): string {
  if (paper.arxivId) return `arxiv:${paper.arxivId}`;
  if (paper.doi) return `doi:${paper.doi}`;
  return `title:${paper.titleKey}`;
}
