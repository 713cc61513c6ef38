// Turns parsed query parts into one FTS5 MATCH expression: words corrected and completed against the
// in-memory vocabulary, filters as facet terms. Also estimates the match count and lists the terms to
// highlight.
import type { Database } from 'better-sqlite3';
import { PAPER_STATUSES } from '../../../shared/domain.ts';
import type { Queue } from '../../../shared/domain.ts';
import { prepared } from '../db/prepared.ts';
import { facetToken } from './facets.ts';
import { formatQuery, typedWithCorrections } from './parse-query.ts';
import type { CompoundPart, FilterPart, PhrasePart, QueryPart, WordPart } from './parse-query.ts';
import { STOPWORDS } from './search-tokens.ts';
import { addTerm, completions, corrections } from './vocabulary.ts';
import { otherForms, otherSpellings, singularForms } from './word-forms.ts';
import type { Vocabulary } from './vocabulary.ts';

export interface HighlightTerms {
  exact: Set<string>;
  prefixes: string[];
}

export interface EvidencePlan {
  /** For papers_names_fts: the words in title, names or authors, with the filters. */
  namesMatch: string;
  /** For papers_fts: the words in title, names or authors (the complement is the second group). */
  inNames: string;
  /** For papers_fts: excluded words, which papers_names_fts cannot see in abstracts; null when none. */
  excludedWords: string | null;
}

export interface SearchPlan {
  /** Full expression; null when the query asks for nothing (empty, or only unfinished filters). */
  match: string | null;
  /**
   * Postings the index walks to visit every match (the papers of each searched term, summed): what
   * counting them exactly costs, which the estimate of matches does not say ("large language models":
   * few matches by the estimate, three long lists to walk).
   */
  postings: number;
  /** How to find the papers with the words in their title, names or authors (ranked first); null without words. */
  evidence: EvidencePlan | null;
  hasText: boolean;
  estimate: number;
  correctedQuery: string | null;
  highlight: HighlightTerms;
  /**
   * Other forms of a typed word searched with it (word-forms.ts), each mapped to the word typed: they
   * count as one term when papers are scored, so a rare form ("sparsing") does not outrank the word
   * the reader wrote ("sparse").
   */
  formsOf: Map<string, string>;
}

interface Clause {
  expression: string;
  estimate: number;
}

/** What one typed word is searched as: any of `alternatives`; `correctedTo` when shown as a correction. */
interface Reading {
  alternatives: string[];
  correctedTo: string | null;
}

/**
 * Completions tried for an unfinished word: few for two letters (their words are common and each one
 * more widens the OR every match is scored on), more once the word says more.
 */
const completionCount = (length: number) => (length <= 2 ? 4 : length === 3 ? 6 : 8);
/** Words searched in a long query; the rarest are kept. */
const MAX_AND_TERMS = 4;
/** A correction of an unfinished word joins its completions when this many times more common than each. */
const CORRECTION_OVER_COMPLETION = 4;
/** Spellings of a misspelt word searched at once, and how much rarer than the commonest one may be. */
const MAX_SPELLINGS = 4;
const SPELLING_RATIO = 50;
/** A known but rare word is also searched as its common neighbour when that is this many times more frequent. */
const RARE_WORD_RATIO = 50;

const quote = (term: string) => `"${term.replace(/"/g, '""')}"`;
const anyOf = (terms: readonly string[]) => (terms.length === 1 ? quote(terms[0] ?? '') : `(${terms.map(quote).join(' OR ')})`);
const facet = (tokens: readonly string[]) => `facets : ${anyOf(tokens)}`;

export function planQuery(db: Database, vocabulary: Vocabulary, parts: QueryPart[], queue: Queue | undefined): SearchPlan {
  const paperCount = Math.max(1, vocabulary.paperCount);
  const docs = (term: string) => vocabulary.docs.get(term) ?? 0;
  const highlight: HighlightTerms = { exact: new Set(), prefixes: [] };
  const formsOf = new Map<string, string>();
  /**
   * The forms of `term` the vocabulary holds, remembered as forms of it. Only the memory vocabulary is
   * asked: a word's five or so candidate forms each looked up in the index cost more than the search.
   */
  const knownForms = (term: string, forms: readonly string[]) => {
    const found = forms.filter((form) => docs(form) > 0);
    for (const form of found) if (!formsOf.has(form)) formsOf.set(form, term);
    return found;
  };
  const corrected = new Map<WordPart | CompoundPart, string>();
  const positives: Clause[] = [];
  const negatives: Clause[] = [];
  const filters: Clause[] = [];
  const negativeFilters: Clause[] = [];

  /** A term the memory vocabulary lacks may still be in the index (added by a writer we have not folded yet). */
  const known = (term: string) => {
    if (docs(term) > 0) return true;
    const count = prepared<[string], number>(db, `SELECT doc FROM papers_fts_vocab WHERE term = ?`).pluck().get(term);
    if (count) addTerm(vocabulary, term, count);
    return Boolean(count);
  };

  /** A finished word: itself when the index knows it, else its nearest spellings. */
  const finishedWord = (term: string): Reading => {
    if (known(term)) {
      const alternatives = [term, ...knownForms(term, otherForms(term))];
      if (term.length >= 4 && docs(term) <= 2) {
        const nearest = corrections(vocabulary, term, 1)[0];
        if (nearest && nearest.distance === 1 && nearest.docs >= RARE_WORD_RATIO * docs(term)) alternatives.push(nearest.term);
      }
      return { alternatives, correctedTo: null };
    }
    const found = corrections(vocabulary, term, MAX_SPELLINGS);
    const best = found[0];
    if (!best) return { alternatives: [term], correctedTo: null };
    // Other spellings as near are kept too ("taing" may be "taking" or "taming"): the other words of the
    // query pick between them, and the commonest is what the reader is shown.
    const alternatives = found.filter((candidate) => candidate.distance === best.distance && candidate.docs * SPELLING_RATIO >= best.docs);
    return { alternatives: alternatives.map((candidate) => candidate.term), correctedTo: best.term };
  };

  /**
   * A word still being typed is read both ways: as the start of a longer word (its commonest
   * completions) and as a misspelling ("splating" → "splatting"). A correction joins the completions
   * when it is far more common than all of them, and replaces them in the shown query when they are rare.
   */
  const typingWord = (term: string): Reading => {
    highlight.prefixes.push(term);
    const completed = completions(vocabulary, term, completionCount(term.length));
    if (completed.length === 0) return finishedWord(term);
    // "diffusion models" typed, "Diffusion Model" in the title: the singular is not a completion, nor
    // is the other spelling of a word typed in full.
    completed.push(...knownForms(term, [...singularForms(term), ...otherSpellings(term)].filter((form) => !completed.includes(form))));
    if (term.length < 4 || completed.includes(term)) return { alternatives: completed, correctedTo: null };
    const completedDocs = completed.map(docs);
    const best = corrections(vocabulary, term, 2).filter((candidate) => candidate.docs > CORRECTION_OVER_COMPLETION * Math.max(...completedDocs));
    const first = best[0];
    if (!first) return { alternatives: completed, correctedTo: null };
    const sum = completedDocs.reduce((total, count) => total + count, 0);
    return { alternatives: [...best.map((candidate) => candidate.term), ...completed], correctedTo: first.docs > sum ? first.term : null };
  };

  const clauseOf = (reading: Reading): Clause => {
    for (const term of reading.alternatives) highlight.exact.add(term);
    const { alternatives } = reading;
    return { expression: anyOf(alternatives), estimate: Math.min(paperCount, alternatives.reduce((sum, term) => sum + docs(term), 0)) };
  };

  /** "olaf-owrld": every part (each corrected or completed), or the parts joined as one name ("olafworld"). */
  const compoundClause = (part: CompoundPart): Clause => {
    // A one-letter part still being typed ("world-c") says too little to search on yet.
    const typed = part.open && (part.terms.at(-1)?.length ?? 0) < 2 ? part.terms.slice(0, -1) : part.terms;
    const meaningful = typed.filter((term) => !STOPWORDS.has(term));
    const terms = meaningful.length ? meaningful : typed;
    const readings = terms.map((term, index) => (part.open && index === terms.length - 1 && term === part.terms.at(-1) ? typingWord(term) : finishedWord(term)));
    const clauses = readings.map(clauseOf);
    const joined = part.terms.join('');
    const joinedReading = part.open ? { alternatives: completions(vocabulary, joined, 2), correctedTo: null } : finishedWord(joined);
    const joinedKnown = joinedReading.alternatives.filter((term) => docs(term) > 0);
    if (readings.some((reading) => reading.correctedTo)) {
      const shown = part.terms.map((term) => readings[terms.indexOf(term)]?.correctedTo ?? term);
      corrected.set(part, typedWithCorrections(part, shown));
    }
    const allParts = clauses.map((clause) => `(${clause.expression})`).join(' AND ');
    const estimate = Math.min(...clauses.map((clause) => clause.estimate));
    if (joinedKnown.length === 0) return { expression: allParts, estimate };
    const joinedClause = clauseOf({ alternatives: joinedKnown, correctedTo: null });
    return { expression: `(${allParts}) OR ${joinedClause.expression}`, estimate: estimate + joinedClause.estimate };
  };

  const wordClause = (part: WordPart, reading: Reading): Clause => {
    if (reading.correctedTo) corrected.set(part, reading.correctedTo);
    return clauseOf(reading);
  };

  const textParts = parts.filter((part): part is WordPart | PhrasePart | CompoundPart => part.kind !== 'filter' && !part.negated);
  const onlyStopwords = textParts.every((part) => part.kind === 'word' && STOPWORDS.has(part.term));
  const hasOtherWords = (self: QueryPart) =>
    parts.some((part) => part !== self && (part.kind !== 'word' || part.negated || part.term.length > 1));

  for (const part of parts) {
    if (part.kind === 'filter') {
      const clause = filterClause(db, part, docs);
      if (clause) (part.negated ? negativeFilters : filters).push(clause);
      continue;
    }
    if (part.negated) {
      const terms = part.kind === 'word' ? [part.term] : part.terms;
      negatives.push({ expression: part.kind === 'word' ? quote(part.term) : quote(terms.join(' ')), estimate: 0 });
      continue;
    }
    if (part.kind === 'compound') {
      positives.push(compoundClause(part));
      continue;
    }
    if (part.kind === 'phrase') {
      // An unclosed quote: the words before the one being typed as a phrase, that one completed on its own.
      const typing = part.open ? (part.terms.at(-1) ?? '') : null;
      const exact = typing === null ? part.terms : part.terms.slice(0, -1);
      if (exact.length) {
        for (const term of exact) if (!STOPWORDS.has(term)) highlight.exact.add(term);
        const estimate = Math.min(...exact.map((term) => docs(term) || paperCount)) / 2;
        positives.push({ expression: quote(exact.join(' ')), estimate });
      }
      if (typing !== null && (typing.length > 1 || exact.length === 0)) positives.push(clauseOf(typingWord(typing)));
      continue;
    }
    if (STOPWORDS.has(part.term) && !onlyStopwords) continue;
    if (!part.open) {
      positives.push(wordClause(part, finishedWord(part.term)));
      continue;
    }
    if (part.term.length === 1) {
      // One letter is too little to search on when there is anything else; alone, its commonest words.
      if (hasOtherWords(part)) continue;
      positives.push(clauseOf({ alternatives: completions(vocabulary, part.term, 3).concat(part.term).slice(0, 3), correctedTo: null }));
      continue;
    }
    positives.push(wordClause(part, typingWord(part.term)));
  }

  if (queue && queue !== 'all') {
    const token = queue === 'starred' ? facetToken.starred() : facetToken.status(queue);
    filters.push({ expression: facet([token]), estimate: docs(token) });
  }

  // A pasted title: its rarest words already pick the paper out, and every common word added to an
  // AND costs a walk through a long list. The rest still count in the title re-ranking.
  if (positives.length > MAX_AND_TERMS) {
    const kept = new Set([...positives].sort((a, b) => a.estimate - b.estimate).slice(0, MAX_AND_TERMS));
    positives.splice(0, positives.length, ...positives.filter((clause) => kept.has(clause)));
  }
  const hasText = positives.length > 0;
  const correctedQuery = corrected.size ? formatQuery(parts, (part) => corrected.get(part) ?? part.typed) : null;
  const base = [...positives, ...filters];
  if (base.length === 0 && negatives.length + negativeFilters.length === 0) {
    return { match: null, evidence: null, hasText, estimate: 0, postings: 0, correctedQuery, highlight, formsOf };
  }
  // Only negations: everything except them. Every paper carries the "all" facet for this.
  if (base.length === 0) base.push({ expression: facet([facetToken.all()]), estimate: paperCount });
  const excluded = [...negatives, ...negativeFilters];
  const notPart = excluded.length ? ` NOT (${excluded.map((clause) => clause.expression).join(' OR ')})` : '';
  const andAll = (clauses: Clause[]) => clauses.map((clause) => `(${clause.expression})`).join(' AND ');
  const match = `(${andAll(base)})${notPart}`;
  const filterPart = filters.length ? ` AND ${andAll(filters)}` : '';
  const inNames = `{title names authors} : (${andAll(positives)})`;
  const notFilters = negativeFilters.length ? ` NOT (${negativeFilters.map((clause) => clause.expression).join(' OR ')})` : '';
  const evidence = hasText
    ? {
        namesMatch: `((${inNames})${filterPart})${notFilters}`,
        inNames,
        excludedWords: negatives.length ? negatives.map((clause) => clause.expression).join(' OR ') : null,
      }
    : null;
  // Independent-terms estimate: good enough to say "about 12,000"; exact counts come from the index when small.
  const estimate = base.reduce((product, clause) => product * Math.min(1, clause.estimate / paperCount), paperCount);
  const postings = base.reduce((sum, clause) => sum + clause.estimate, 0);
  return { match, evidence, hasText, estimate: Math.round(estimate), postings, correctedQuery, highlight, formsOf };
}

const STATUS_WORDS = [...PAPER_STATUSES, 'starred', 'all'] as const;

/** A filter as facet terms; null when it is unfinished or unknown (ignored while the reader types it). */
function filterClause(db: Database, part: FilterPart, docs: (term: string) => number): Clause | null {
  const value = part.value.toLowerCase();
  if (!value) return null;
  const tokens = filterTokens(db, part.key, value);
  if (tokens === null) return null;
  // A tag that does not exist matches nothing; `facets : "0zt0"` is a term no paper has.
  const list = tokens.length ? tokens : [facetToken.tag(0)];
  return { expression: facet(list), estimate: list.reduce((sum, token) => sum + docs(token), 0) };
}

function filterTokens(db: Database, key: FilterPart['key'], value: string): string[] | null {
  switch (key) {
    case 'is':
    case 'in': {
      const exact = STATUS_WORDS.find((word) => word === value);
      const byPrefix = STATUS_WORDS.filter((word) => word.startsWith(value));
      const status = exact ?? (byPrefix.length === 1 ? byPrefix[0] : undefined);
      if (!status || status === 'all') return null;
      return [status === 'starred' ? facetToken.starred() : facetToken.status(status)];
    }
    case 'tag': {
      const exact = prepared<[string], number>(db, `SELECT id FROM tags WHERE name = ?`).pluck().get(value);
      if (exact !== undefined) return [facetToken.tag(exact)];
      const like = `${value.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
      const ids = prepared<[string], number>(db, `SELECT id FROM tags WHERE name LIKE ? ESCAPE '\\' LIMIT 20`).pluck().all(like);
      return ids.map(facetToken.tag);
    }
    case 'digest': {
      const digits = value.replace(/-/g, '');
      if (!/^\d+$/.test(digits)) return null;
      if (digits.length === 8) return [facetToken.digest(digits)];
      if (digits.length === 6) return [facetToken.digestMonth(digits)];
      if (digits.length === 4) return [facetToken.digestYear(digits)];
      return null;
    }
    case 'year':
      return /^\d{4}$/.test(value) ? [facetToken.year(value)] : null;
  }
}
