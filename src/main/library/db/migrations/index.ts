import type { Database } from 'better-sqlite3';
import { migration001InitialSchema } from './001-initial-schema.ts';
import { migration002SearchIndex } from './002-search-index.ts';
import { migration005InboxArrivalOrder } from './005-inbox-arrival-order.ts';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}

/** Ordered, append-only. A migration once released is never edited; a fix is a new migration. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial schema', up: migration001InitialSchema },
  { version: 2, name: 'search index', up: migration002SearchIndex },
  { version: 5, name: 'inbox arrival order', up: migration005InboxArrivalOrder },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
