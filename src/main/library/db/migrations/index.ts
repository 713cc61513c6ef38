import type { Database } from 'better-sqlite3';
import { migration001InitialSchema } from './001-initial-schema.ts';
import { migration002SearchIndex } from './002-search-index.ts';
import { migration003LibraryIdentity } from './003-library-identity.ts';
import { migration004Subscriptions } from './004-subscriptions.ts';
import { migration005SearchNameParts } from './005-search-name-parts.ts';
import { migration006BibliographicDetails } from './006-bibliographic-details.ts';
import { migration007InboxArrivalOrder } from './007-inbox-arrival-order.ts';
import { migration008CanonicalArxivIds } from './008-canonical-arxiv-ids.ts';
import { migration009PaperVectors } from './009-paper-vectors.ts';
import { migration010SearchNameGroups } from './010-search-name-groups.ts';
import { migration011LearnSpaceChanges } from './011-learn-space-changes.ts';
import { migration012LibraryChanges } from './012-library-changes.ts';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}

/** Ordered, append-only. A migration once released is never edited; a fix is a new migration. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial schema', up: migration001InitialSchema },
  { version: 2, name: 'search index', up: migration002SearchIndex },
  { version: 3, name: 'library identity', up: migration003LibraryIdentity },
  { version: 4, name: 'subscriptions', up: migration004Subscriptions },
  { version: 5, name: 'search name parts', up: migration005SearchNameParts },
  { version: 6, name: 'bibliographic details', up: migration006BibliographicDetails },
  { version: 7, name: 'inbox arrival order', up: migration007InboxArrivalOrder },
  { version: 8, name: 'canonical arxiv ids', up: migration008CanonicalArxivIds },
  { version: 9, name: 'paper vectors', up: migration009PaperVectors },
  { version: 10, name: 'search name groups', up: migration010SearchNameGroups },
  { version: 11, name: 'learn space changes', up: migration011LearnSpaceChanges },
  { version: 12, name: 'library changes', up: migration012LibraryChanges },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
