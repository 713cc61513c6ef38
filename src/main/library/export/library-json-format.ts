import { z } from 'zod';
import { invalid } from '../import/decode-digest-bytes.ts';
import { DIGEST_FORMATS, LINK_KINDS, PAPER_STATUSES } from '../../../shared/domain.ts';
import { SUBSCRIPTION_KINDS, targetProblem } from '../../../shared/contract/subscriptions-contract.ts';
import { limitLibraryJson } from './limit-library-json.ts';

// The Sift library export: everything needed to rebuild the library, in one self-describing file.
// `version` changes only when an older Sift could no longer read the file correctly. Fields added
// since version 1 (a paper's volume / edition / entryType, `subscriptions`, `titleMerges`) are optional and
// version stays 1: an older Sift's reader ignores keys it does not know (zod strips them), so it still
// restores everything it knows of, and this Sift reads files without them as "not stated".
export const LIBRARY_JSON_FORMAT = 'sift-library' as const;
export const LIBRARY_JSON_VERSION = 1;

const text = z.string();
const optionalText = z.string().nullable();

const jsonPaper = z.object({
  id: z.number().int().positive(),
  arxivId: optionalText,
  doi: optionalText,
  title: text,
  titleIsPlaceholder: z.boolean(),
  abstract: text,
  authors: z.array(text),
  publishedAt: optionalText,
  primaryCategory: optionalText,
  status: z.enum(PAPER_STATUSES),
  starred: z.boolean(),
  note: text,
  position: z.number().nullable(),
  digestDate: optionalText,
  digestPosition: z.number().int().nullable(),
  addedAt: text,
  statusChangedAt: text,
  readAt: optionalText,
  starredAt: optionalText,
  noteUpdatedAt: optionalText,
  tags: z.array(text),
  links: z.array(z.object({ kind: z.enum(LINK_KINDS), url: text })),
  // Bibliographic details as the source stated them (migration 006); absent in files of older Sift.
  volume: optionalText.optional(),
  edition: optionalText.optional(),
  entryType: optionalText.optional(),
});

const jsonLink = z.object({ kind: z.enum(LINK_KINDS), url: text });

/**
 * A merge an import made on the title alone (migration 006), kept so `sift split-merge` can still undo
 * it after a restore: the record as it came in, and the values and links it gave the paper.
 */
const jsonTitleMerge = z.object({
  id: z.number().int().positive(),
  digestId: z.number().int().positive(),
  position: z.number().int(),
  paperId: z.number().int().positive(),
  incoming: z.object({
    arxivId: optionalText,
    doi: optionalText,
    title: text,
    titleKey: text,
    titleIsPlaceholder: z.boolean(),
    abstract: text,
    authors: z.array(text),
    publishedAt: optionalText,
    primaryCategory: optionalText,
    links: z.array(jsonLink),
    volume: optionalText.optional(),
    edition: optionalText.optional(),
    entryType: optionalText.optional(),
  }),
  /** Column → the value the merge replaced; only columns an enrichment may fill are ever applied. */
  replaced: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  addedLinks: z.array(jsonLink),
});

/**
 * What the reader asked Sift to fetch, and the little it must remember to carry on where it stopped.
 * The state of the conversation with the server (validators, failures, the next attempt, the last
 * problem) is left out: it
 * is about that server at that moment, and a restored library simply starts a new one.
 */
const jsonSubscription = z.object({
  kind: z.enum(SUBSCRIPTION_KINDS),
  target: text,
  includeCrossLists: z.boolean(),
  includeReplacements: z.boolean(),
  into: z.enum(['inbox', 'to-read']),
  tag: optionalText,
  enabled: z.boolean(),
  createdAt: text,
  lastAttemptAt: optionalText,
  lastSuccessAt: optionalText,
  papersBrought: z.number().int().nonnegative(),
  // A day the fetcher does date arithmetic on: anything but YYYY-MM-DD would stop Hugging Face fetches.
  lastHfDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a day as YYYY-MM-DD').nullable(),
});

const jsonDigest = z.object({
  id: z.number().int().positive(),
  sourceName: text,
  format: z.enum(DIGEST_FORMATS),
  digestDate: optionalText,
  importedAt: text,
  contentHash: text,
  paperCount: z.number().int().nonnegative(),
  papers: z.array(z.object({ paperId: z.number().int().positive(), position: z.number().int() })),
});

export const libraryJson = z.object({
  format: z.literal(LIBRARY_JSON_FORMAT),
  version: z.number().int().positive(),
  exportedAt: text,
  scope: z.object({ queue: text, tag: optionalText }),
  papers: z.array(jsonPaper),
  /** Every tag, by id: a restore into an empty library keeps the ids; a merge matches by name. */
  tags: z.array(z.object({ id: z.number().int().positive(), name: text })),
  digests: z.array(jsonDigest),
  /** Only in an export of the whole library; absent in files of older Sift. */
  subscriptions: z.array(jsonSubscription).optional(),
  /** Only in an export of the whole library; absent in files of older Sift. */
  titleMerges: z.array(jsonTitleMerge).optional(),
});

export type LibraryJson = z.infer<typeof libraryJson>;
export type LibraryJsonPaper = z.infer<typeof jsonPaper>;
export type LibraryJsonDigest = z.infer<typeof jsonDigest>;
export type LibraryJsonSubscription = z.infer<typeof jsonSubscription>;
export type LibraryJsonTitleMerge = z.infer<typeof jsonTitleMerge>;

/** Cheap sniff on the start of a text: used by import-format detection, never to accept a file. */
export function looksLikeLibraryJson(textStart: string): boolean {
  return /^\s*\{\s*"format"\s*:\s*"sift-library"/.test(textStart.slice(0, 200));
}

/**
 * Bytes of a file to a validated library export, or one SiftError('invalid-digest') naming the file
 * and what is wrong with it. Nothing is written before this has succeeded.
 */
export function parseLibraryJson(fileName: string, bytes: Uint8Array): LibraryJson {
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw invalid(fileName, 'is not a Sift library export: it is not UTF-8 text.');
  }
  if (decoded.trim() === '') throw invalid(fileName, 'is empty: there is nothing to restore.');
  try {
    return readLibraryJsonText(decoded);
  } catch (error) {
    throw invalid(fileName, error instanceof Error ? error.message : String(error));
  }
}

/** Text to a validated library export; throws an Error whose message completes "FILE …". */
export function readLibraryJsonText(text: string): LibraryJson {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`is not a Sift library export: it is not valid JSON (${reason}).`);
  }
  const format = (raw as { format?: unknown } | null)?.format;
  if (format !== LIBRARY_JSON_FORMAT) {
    throw new Error(`is not a Sift library export (no "format": "${LIBRARY_JSON_FORMAT}" field).`);
  }
  const version = (raw as { version?: unknown }).version;
  if (typeof version === 'number' && version > LIBRARY_JSON_VERSION) {
    throw new Error(`was exported by a newer Sift (format version ${version}; this one reads ${LIBRARY_JSON_VERSION}). Update Sift to restore it.`);
  }
  const result = libraryJson.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'the top level';
    throw new Error(`is a damaged Sift library export: at ${where}, ${issue?.message ?? 'unexpected content'}.`);
  }
  assertConsistent(result.data);
  return limitLibraryJson(result.data);
}

/** References inside the file must hold together, or a restore would link papers to nothing. */
function assertConsistent(document: LibraryJson): void {
  const ids = new Set<number>();
  for (const paper of document.papers) {
    if (ids.has(paper.id)) throw new Error(`is a damaged Sift library export: paper id ${paper.id} appears twice.`);
    ids.add(paper.id);
  }
  const digestIds = new Set<number>();
  for (const digest of document.digests) {
    if (digestIds.has(digest.id)) throw new Error(`is a damaged Sift library export: digest id ${digest.id} appears twice.`);
    digestIds.add(digest.id);
    const missing = digest.papers.find((entry) => !ids.has(entry.paperId));
    if (missing) {
      throw new Error(`is a damaged Sift library export: digest ${digest.id} lists paper ${missing.paperId}, which is not in the file.`);
    }
  }
  const mergeIds = new Set<number>();
  for (const merge of document.titleMerges ?? []) {
    if (mergeIds.has(merge.id)) throw new Error(`is a damaged Sift library export: title merge ${merge.id} appears twice.`);
    mergeIds.add(merge.id);
    if (!ids.has(merge.paperId) || !digestIds.has(merge.digestId)) {
      throw new Error(`is a damaged Sift library export: title merge ${merge.id} refers to a paper or digest that is not in the file.`);
    }
  }
  assertSubscriptionsUsable(document.subscriptions ?? []);
}

/** More than any reader follows: a file asking for more would have Sift poll a crowd of servers. */
export const MAX_RESTORED_SUBSCRIPTIONS = 500;

/**
 * A subscription makes Sift go online, so one the app would refuse to add (a `file:` or `javascript:`
 * feed, a malformed category list) refuses the whole file rather than being quietly dropped or kept.
 */
function assertSubscriptionsUsable(subscriptions: readonly LibraryJsonSubscription[]): void {
  if (subscriptions.length > MAX_RESTORED_SUBSCRIPTIONS) {
    throw new Error(`is not a usable Sift library export: it lists ${subscriptions.length.toLocaleString('en')} subscriptions (at most ${MAX_RESTORED_SUBSCRIPTIONS} are restored).`);
  }
  const seen = new Set<string>();
  subscriptions.forEach((subscription, index) => {
    const where = `subscription ${index + 1} (${subscription.kind} ${JSON.stringify(subscription.target.slice(0, 200))})`;
    const problem = subscription.target.length > 2000 ? 'its target is longer than 2,000 characters' : targetProblem(subscription.kind, subscription.target);
    if (problem) throw new Error(`is not a usable Sift library export: ${where}: ${problem}.`);
    const key = subscriptionKey(subscription.kind, subscription.target);
    if (seen.has(key)) throw new Error(`is a damaged Sift library export: ${where} appears twice.`);
    seen.add(key);
  });
}

/**
 * What makes two subscriptions the same: kind and target, a feed compared by its parsed address
 * (`HTTPS://Example.org/feed` is `https://example.org/feed`), so a merge-restore never subscribes twice.
 */
export function subscriptionKey(kind: string, target: string): string {
  if (kind === 'hf-daily') return kind;
  if (kind !== 'feed') return `${kind} ${target.trim()}`;
  try {
    return `feed ${new URL(target.trim()).href}`;
  } catch {
    return `feed ${target.trim()}`;
  }
}
