import { parseArxivListingEmail } from './arxiv-listing-email.ts';
import type { ParsedDigest } from './parsed-digest.ts';

// arXiv's listing e-mails before 2007 named each record "Paper: astro-ph/0001001", or
// "Paper (*cross-listing*): hep-ph/0001002", where today's say "arXiv:2411.01234". The record layout
// is otherwise the one the modern reader knows, so the headers are rewritten and it reads the rest.
const LEGACY_HEADER = /^Paper(?:\s*\(\*[^)*]*\*\))?:[ \t]*(\S+)/gm;

/** A "Paper:" header with an arXiv id (old- or new-style), a Title: line and the "\\" record marks. */
export function looksLikeLegacyArxivListing(text: string): boolean {
  const start = text.slice(0, 200_000);
  return /^Paper(?:\s*\(\*[^)*]*\*\))?:[ \t]*(?:[a-z-]+(?:\.[A-Z]{2})?\/\d{7}|\d{4}\.\d{4,5})/m.test(start) && /^Title:\s/m.test(start) && /^\\\\/m.test(start);
}

export function parseLegacyArxivListing(text: string): ParsedDigest {
  return parseArxivListingEmail(text.replace(LEGACY_HEADER, 'Paper: $1'));
}
