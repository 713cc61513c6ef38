import { XMLValidator } from 'fast-xml-parser';
import type { DigestFormat } from '../../../shared/domain.ts';
import { SiftError } from '../../../shared/api-errors.ts';
import { decodeDigestBytes } from '../import/decode-digest-bytes.ts';
import { readerFor } from '../import/digest-formats.ts';
import { entryArray } from '../import/parsers/hf-daily-json.ts';
import { FetchProblem } from './fetch-problem.ts';

/** An answer that is what was asked for: the text to import (maybe filtered) or nothing new today. */
export type CheckedAnswer = { empty: true } | { empty: false; text: string; format: DigestFormat };

const looksLikeWebPage = (text: string) => /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]/i.test(text);

function decoded(bytes: Uint8Array): string {
  try {
    return decodeDigestBytes('the answer', bytes).text;
  } catch (error) {
    throw new FetchProblem(error instanceof SiftError ? error.message.replace(/^the answer is/, 'the answer was') : 'the answer could not be read as text');
  }
}

/**
 * The daily-papers endpoint answers a JSON array; an empty one (a weekend, a holiday) is a normal day.
 * A captive portal's page or a cut-off body is a problem that changes nothing.
 */
export function checkHfAnswer(bytes: Uint8Array): CheckedAnswer {
  const text = decoded(bytes);
  if (looksLikeWebPage(text)) throw new FetchProblem('the answer was a web page, not the daily-papers list (a Wi-Fi login page?)');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new FetchProblem('the answer was cut off or is not the daily-papers JSON');
  }
  const entries = entryArray(value);
  if (!entries) throw new FetchProblem('the answer was JSON but not a list of papers');
  return entries.length === 0 ? { empty: true } : { empty: false, text, format: 'hf-daily-json' };
}

export interface FeedChoices {
  /** arXiv listing RSS only: which announce types to keep ("new" always). */
  includeCrossLists: boolean;
  includeReplacements: boolean;
}

/** An RSS or Atom feed, well formed; arXiv listing items filtered by announce type first. */
export function checkFeedAnswer(bytes: Uint8Array, arxivChoices: FeedChoices | null): CheckedAnswer {
  let text = decoded(bytes);
  const reader = readerFor(text);
  if (reader?.format !== 'arxiv-rss' && reader?.format !== 'arxiv-atom') {
    throw new FetchProblem(looksLikeWebPage(text) || reader?.format === 'hf-papers-html' ? 'the answer was a web page, not a feed' : 'the answer was not an RSS or Atom feed');
  }
  if (XMLValidator.validate(text) !== true) throw new FetchProblem('the answer was cut off or is not well-formed XML');
  if (arxivChoices && reader.format === 'arxiv-rss') text = keepAnnounceTypes(text, arxivChoices);
  const items = reader.format === 'arxiv-rss' ? /<item[\s>]/g : /<(?:\w+:)?entry[\s>]/g;
  return (text.match(items)?.length ?? 0) === 0 ? { empty: true } : { empty: false, text, format: reader.format };
}

/**
 * arXiv's listing RSS tags each item `new`, `cross` (cross-listed from another category), `replace`
 * (a new version) or `replace-cross`. Items are flat siblings, so dropping whole `<item>` blocks keeps
 * the feed well formed.
 */
export function keepAnnounceTypes(text: string, choices: FeedChoices): string {
  return text.replace(/<item[\s>][\s\S]*?<\/item>\s*/g, (item) => {
    const type = (/<arxiv:announce_type>\s*([\w-]+)\s*</.exec(item) ?? /Announce Type:\s*([\w-]+)/.exec(item))?.[1]?.toLowerCase();
    return wanted(type, choices) ? item : '';
  });
}

function wanted(type: string | undefined, choices: FeedChoices): boolean {
  if (type === 'cross') return choices.includeCrossLists;
  if (type === 'replace') return choices.includeReplacements;
  if (type === 'replace-cross') return choices.includeReplacements && choices.includeCrossLists;
  return true;
}
