import type { ApiHandlers } from '../../shared/api-contract.ts';
import type { SubscriptionsOverview } from '../../shared/contract/subscriptions-contract.ts';
import type { SiftLibrary } from '../library/sift-library.ts';
import type { SubscriptionService } from '../library/subscriptions/subscription-service.ts';
import { isFetchingEnabled, setFetchingEnabled } from '../library/subscriptions/subscription-state.ts';
import { addSubscription, listSubscriptions, removeSubscription, setSubscriptionEnabled, toView } from '../library/subscriptions/subscription-store.ts';

type SubscriptionHandlers = Pick<
  ApiHandlers,
  'listSubscriptions' | 'addSubscription' | 'removeSubscription' | 'setSubscriptionEnabled' | 'setFetchingEnabled' | 'fetchSubscriptions'
>;

/** Settings → Subscriptions. Fetches go through the process's one service, shared with the schedule. */
export function createSubscriptionHandlers(library: SiftLibrary, service: SubscriptionService): SubscriptionHandlers {
  const { db } = library;
  const overview = (): SubscriptionsOverview => ({ fetchingEnabled: isFetchingEnabled(db), subscriptions: listSubscriptions(db).map(toView) });
  return {
    listSubscriptions: overview,
    addSubscription: (input) => toView(addSubscription(db, input, library.clock)),
    removeSubscription: ({ id }) => removeSubscription(db, id),
    setSubscriptionEnabled: ({ id, enabled }) => toView(setSubscriptionEnabled(db, id, enabled)),
    setFetchingEnabled: ({ enabled }) => {
      setFetchingEnabled(db, enabled);
      return overview();
    },
    fetchSubscriptions: ({ id }) => service.fetchNow(id),
  };
}
