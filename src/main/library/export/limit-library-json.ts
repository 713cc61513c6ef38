import { limitLinks, limitNote, limitParsedPaper, limitTagName } from '../papers/limit-paper.ts';
import { normaliseTitle } from '../papers/paper-identity.ts';
import { parseAuthors } from '../papers/paper-rows.ts';
import { limitAuthors, limitText, PAPER_LIMITS, withoutControlCharacters } from '../../../shared/paper-limits.ts';
import type { LibraryJson, LibraryJsonPaper, LibraryJsonSubscription, LibraryJsonTitleMerge } from './library-json-format.ts';

// A volume ("II"), an edition ("2nd ed.") or a type word ("article-journal") is a few words; a longer
// value is a broken or hostile file, cut like an over-long title rather than stored whole.
const DETAIL_CHARS = 200;
// As the app's subscription form allows (subscriptions-contract.ts).
const SUBSCRIPTION_TAG_CHARS = 100;

/**
 * A validated export held to the same limits as an import (PAPER_LIMITS): restore must not accept
 * what import refuses, such as two million authors or a `javascript:` link that an export would later
 * turn into a clickable one. Tags and notes are cleaned and cut as the API would have refused them.
 */
export function limitLibraryJson(document: LibraryJson): LibraryJson {
  return {
    ...document,
    papers: document.papers.map(limitPaper),
    tags: document.tags.flatMap((tag) => {
      const name = limitTagName(tag.name);
      return name === null ? [] : [{ ...tag, name }];
    }),
    ...(document.subscriptions ? { subscriptions: document.subscriptions.map(limitSubscription) } : {}),
    ...(document.titleMerges ? { titleMerges: document.titleMerges.map(limitTitleMerge) } : {}),
  };
}

// The columns a title merge may have filled (title-merges.ts restores only these on a split): any other
// name in a file is dropped here, and every value is held to the limits its column has on import.
const REPLACEABLE_TEXT: Record<string, number> = {
  arxiv_id: PAPER_LIMITS.urlChars,
  doi: PAPER_LIMITS.urlChars,
  title: PAPER_LIMITS.titleChars,
  title_key: PAPER_LIMITS.titleChars,
  abstract: PAPER_LIMITS.abstractChars,
  published_at: 100,
  primary_category: 100,
  volume: DETAIL_CHARS,
  edition: DETAIL_CHARS,
  entry_type: DETAIL_CHARS,
  identity_key: PAPER_LIMITS.titleChars + 100,
};

/** A split turns the merge's record into a paper: it is held to the limits any paper is. */
function limitTitleMerge(merge: LibraryJsonTitleMerge): LibraryJsonTitleMerge {
  const { paper: incoming } = limitParsedPaper(merge.incoming);
  const replaced: LibraryJsonTitleMerge['replaced'] = {};
  for (const [column, value] of Object.entries(merge.replaced)) {
    if (column === 'title_is_placeholder') replaced[column] = value === 1 ? 1 : 0;
    else if (column === 'authors') replaced[column] = JSON.stringify(limitAuthors(parseAuthors(String(value ?? '[]'))).authors);
    else if (REPLACEABLE_TEXT[column] !== undefined) replaced[column] = typeof value === 'string' ? limitText(value, REPLACEABLE_TEXT[column]).text : null;
  }
  return {
    ...merge,
    incoming: {
      ...incoming,
      titleKey: normaliseTitle(incoming.title),
      volume: limitDetail(incoming.volume),
      edition: limitDetail(incoming.edition),
      entryType: limitDetail(incoming.entryType),
    },
    replaced,
    addedLinks: limitLinks(merge.addedLinks).links,
  };
}

/** Control characters out, space collapsed, cut; null when nothing is left. */
function limitDetail(value: string | null | undefined): string | null {
  const cleaned = withoutControlCharacters(value ?? '').replace(/\s+/g, ' ').trim();
  return cleaned ? limitText(cleaned, DETAIL_CHARS).text : null;
}

function limitSubscription(subscription: LibraryJsonSubscription): LibraryJsonSubscription {
  const tag = limitTagName(subscription.tag ?? '');
  return {
    ...subscription,
    // Hugging Face daily papers has no target; the others are stored trimmed, as the app adds them.
    target: subscription.kind === 'hf-daily' ? '' : subscription.target.trim(),
    tag: tag === null ? null : limitText(tag, SUBSCRIPTION_TAG_CHARS).text,
  };
}

function limitPaper(paper: LibraryJsonPaper): LibraryJsonPaper {
  const { paper: limited } = limitParsedPaper(paper);
  const tags = [...new Set(paper.tags.map(limitTagName).filter((tag): tag is string => tag !== null))].slice(0, PAPER_LIMITS.tagsPerPaper);
  return {
    ...limited,
    note: limitNote(paper.note),
    tags,
    volume: limitDetail(paper.volume),
    edition: limitDetail(paper.edition),
    entryType: limitDetail(paper.entryType),
  };
}
