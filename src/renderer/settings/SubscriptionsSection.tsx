import { useCallback, useEffect, useState } from 'react';
import type { FetchRunReport, SubscriptionView } from '../../shared/contract/subscriptions-contract.ts';
import { describeFetchProblem, formatFetchedAt } from '../../shared/subscription-status.ts';
import { api } from '../api/sift-client.ts';
import { AddSubscriptionForm } from './AddSubscriptionForm.tsx';
import './subscriptions.css';

function describeRun(run: FetchRunReport): string {
  if (!run.fetchingEnabled) return 'Fetching is turned off; nothing was requested.';
  if (run.results.length === 0) return 'Nothing to fetch.';
  return run.results
    .map((result) => {
      if (result.problem) return `${result.label}: ${describeFetchProblem(result.problem, result.nextAttemptAt)}.`;
      if (result.reports.length === 0) return `${result.label}: nothing new.`;
      const added = result.reports.reduce((sum, report) => sum + report.added, 0);
      const papers = result.reports.reduce((sum, report) => sum + report.papers, 0);
      const digests = result.reports.length === 1 ? '' : ` in ${result.reports.length} digests`;
      return `${result.label}: ${papers} papers${digests}, ${added} new.`;
    })
    .join(' ');
}

function lastFetched(subscription: SubscriptionView): string {
  if (!subscription.lastSuccessAt) return subscription.lastAttemptAt ? 'not fetched yet' : 'never fetched';
  return `fetched ${formatFetchedAt(subscription.lastSuccessAt)}`;
}

/** Settings → Subscriptions: what Sift fetches by itself, how each one went, and the switch for all of it. */
export function SubscriptionsSection({ onFetched }: { onFetched?: () => void }) {
  const [subscriptions, setSubscriptions] = useState<SubscriptionView[]>([]);
  const [enabled, setEnabled] = useState(true);
  const [fetching, setFetching] = useState<number | 'all' | null>(null);
  const [report, setReport] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await api.listSubscriptions({});
    if (result.data) {
      setSubscriptions(result.data.subscriptions);
      setEnabled(result.data.fetchingEnabled);
    }
  }, []);
  useEffect(() => void load(), [load]);

  const fetchNow = async (id?: number) => {
    setFetching(id ?? 'all');
    setReport(null);
    const result = await api.fetchSubscriptions(id === undefined ? {} : { id });
    setFetching(null);
    setReport(result.error ? result.error.message : describeRun(result.data));
    onFetched?.();
    void load();
  };
  const remove = async (subscription: SubscriptionView) => {
    const result = await api.removeSubscription({ id: subscription.id });
    setReport(result.error ? result.error.message : `Unsubscribed from ${subscription.label}; the papers it brought stay.`);
    void load();
  };
  const toggleAll = async (on: boolean) => {
    setEnabled(on);
    const result = await api.setFetchingEnabled({ enabled: on });
    if (result.data) setEnabled(result.data.fetchingEnabled);
  };

  return (
    <section className="subscriptions" aria-label="Subscriptions">
      <div className="settings__backups-header">
        <h3>Subscriptions</h3>
        <label className="subscriptions__switch">
          <input type="checkbox" checked={enabled} onChange={(event) => void toggleAll(event.target.checked)} /> Fetch subscriptions
        </label>
      </div>
      <p className="detail__muted subscriptions__promise">
        {enabled
          ? 'Sift asks for these when it starts and every few hours while it runs; nothing else goes online.'
          : 'Fetching is off: Sift requests nothing from the network.'}
      </p>
      {subscriptions.length > 0 && (
        <table className="backup-table subscriptions__table">
          <tbody>
            {subscriptions.map((subscription) => (
              <tr key={subscription.id} aria-label={subscription.label}>
                <td>
                  <div className="subscriptions__label">{subscription.label}</div>
                  <div className="detail__muted">
                    → {subscription.into === 'to-read' ? 'To read' : 'Inbox'}
                    {subscription.tag ? ` · #${subscription.tag}` : ''} · {lastFetched(subscription)} · {subscription.papersBrought.toLocaleString()} papers brought
                  </div>
                  {subscription.lastProblem && (
                    <div className="subscriptions__problem">{describeFetchProblem(subscription.lastProblem, subscription.nextAttemptAt)}</div>
                  )}
                </td>
                <td className="subscriptions__actions">
                  <button type="button" className="text-button" disabled={!enabled || fetching !== null} onClick={() => void fetchNow(subscription.id)}>
                    {fetching === subscription.id ? 'Fetching…' : 'Fetch now'}
                  </button>
                  <button type="button" className="text-button" aria-label={`Remove ${subscription.label}`} onClick={() => void remove(subscription)}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report && <p className="detail__muted" role="status" aria-label="Fetch report">{report}</p>}
      <AddSubscriptionForm onAdded={(added) => { setReport(`Subscribed to ${added.label}. Fetch now, or Sift fetches it within a few minutes.`); void load(); }} />
    </section>
  );
}
