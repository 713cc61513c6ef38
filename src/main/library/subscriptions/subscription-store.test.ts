import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, openTempLibrary } from '../../../../tests/support/temp-library.ts';
import { SiftError } from '../../../shared/api-errors.ts';
import { addSubscription, listSubscriptions, removeSubscription, setSubscriptionEnabled } from './subscription-store.ts';

let library: ReturnType<typeof openTempLibrary>;
const clock = fixedClock('2026-06-12T09:00:00Z');
beforeEach(() => {
  library = openTempLibrary({ clock });
});
afterEach(() => library.cleanup());

const base = { target: '', includeCrossLists: false, includeReplacements: false, into: 'inbox' as const };

describe('subscriptions in the library (migration 004)', () => {
  it('a subscription is stored with its choices and an empty state', () => {
    const added = addSubscription(library.db, { ...base, kind: 'arxiv-category', target: 'cs.CL+cs.LG', includeCrossLists: true, into: 'to-read', tag: 'nlp' }, clock);
    expect(listSubscriptions(library.db)).toEqual([added]);
    expect(added).toMatchObject({ label: 'arXiv cs.CL+cs.LG', includeCrossLists: true, into: 'to-read', tag: 'nlp', enabled: true, papersBrought: 0, lastAttemptAt: null });
  });

  it('the same subscription twice and a bad target are refused with a reason', () => {
    addSubscription(library.db, { ...base, kind: 'hf-daily' }, clock);
    expect(() => addSubscription(library.db, { ...base, kind: 'hf-daily' }, clock)).toThrow(/already subscribed to Hugging Face daily papers/);
    expect(() => addSubscription(library.db, { ...base, kind: 'arxiv-category', target: 'machine learning' }, clock)).toThrow(SiftError);
    expect(() => addSubscription(library.db, { ...base, kind: 'feed', target: 'file:///etc/passwd' }, clock)).toThrow(/http/);
  });

  it('removing a subscription removes its state and keeps its papers', () => {
    const { id } = addSubscription(library.db, { ...base, kind: 'hf-daily' }, clock);
    library.db.prepare(`INSERT INTO papers (identity_key, title, title_key, added_at, status_changed_at) VALUES ('title:x', 'X', 'x', '', '')`).run();
    expect(setSubscriptionEnabled(library.db, id, false).enabled).toBe(false);
    expect(removeSubscription(library.db, id)).toEqual({ removed: true });
    expect(library.db.prepare('SELECT count(*) FROM subscription_state').pluck().get()).toBe(0);
    expect(library.db.prepare('SELECT count(*) FROM papers').pluck().get()).toBe(1);
    expect(removeSubscription(library.db, id)).toEqual({ removed: false });
  });
});
