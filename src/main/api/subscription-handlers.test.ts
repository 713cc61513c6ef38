import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRecordedServices } from '../../../tests/support/recorded-services.ts';
import type { RecordedServices } from '../../../tests/support/recorded-services.ts';
import { openTempLibrary } from '../../../tests/support/temp-library.ts';
import type { ApiHandlers } from '../../shared/api-contract.ts';
import { SubscriptionService } from '../library/subscriptions/subscription-service.ts';
import { createApiHandlers } from './api-handlers.ts';
import { dispatchOperation } from './dispatch-operation.ts';

describe('the subscription operations at the API boundary', () => {
  let library: ReturnType<typeof openTempLibrary>;
  let services: RecordedServices;
  let handlers: ApiHandlers;
  beforeEach(async () => {
    library = openTempLibrary();
    services = await startRecordedServices();
    const subscriptions = new SubscriptionService(library, { fetcher: fetch, env: { SIFT_ARXIV_RSS_BASE_URL: services.baseUrl } });
    handlers = createApiHandlers(library, { openExternal: () => undefined, subscriptions });
  });
  afterEach(async () => {
    library.cleanup();
    await services.close();
  });

  it('refuses bad subscriptions before they reach the library', async () => {
    for (const args of [
      { kind: 'arxiv-category', target: 'cs.CL; DROP TABLE papers' },
      { kind: 'feed', target: 'javascript:alert(1)' },
      { kind: 'gopher', target: '' },
      { kind: 'hf-daily', into: 'read' },
    ]) {
      expect(await dispatchOperation(handlers, 'addSubscription', args)).toMatchObject({ error: { type: 'invalid-arguments' } });
    }
    expect(await dispatchOperation(handlers, 'listSubscriptions', {})).toEqual({ data: { fetchingEnabled: true, subscriptions: [] } });
  });

  it('adds, fetches, switches off and removes, as the Settings section does', async () => {
    const added = await dispatchOperation(handlers, 'addSubscription', { kind: 'arxiv-category', target: 'cs.LG+cs.AI+cs.CL+stat.ML', tag: ' ml ' });
    expect(added).toMatchObject({ data: { id: 1, label: 'arXiv cs.LG+cs.AI+cs.CL+stat.ML', into: 'inbox', tag: 'ml', includeCrossLists: false } });
    const fetched = await dispatchOperation(handlers, 'fetchSubscriptions', { id: 1 });
    expect(fetched).toMatchObject({ data: { fetchingEnabled: true, results: [{ subscriptionId: 1, problem: null, reports: [{ added: 2 }] }] } });
    expect(await dispatchOperation(handlers, 'setFetchingEnabled', { enabled: false })).toMatchObject({ data: { fetchingEnabled: false } });
    expect(await dispatchOperation(handlers, 'fetchSubscriptions', {})).toEqual({ data: { fetchingEnabled: false, results: [] } });
    expect(services.requests).toHaveLength(1);
    expect(await dispatchOperation(handlers, 'fetchSubscriptions', { id: 7 })).toMatchObject({ error: { type: 'not-found' } });
    expect(await dispatchOperation(handlers, 'removeSubscription', { id: 1 })).toEqual({ data: { removed: true } });
    expect(await dispatchOperation(handlers, 'countQueues', {})).toMatchObject({ data: { inbox: 2 } });
  });
});
