/** "14:10" today, "Sat 5 Dec 14:10" another day: in the reader's local time, 24-hour like the examples. */
export function formatAttemptTime(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  const time = at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hour12: false });
  return at.toDateString() === now.toDateString() ? time : `${at.toLocaleDateString([], { weekday: 'short', day: 'numeric', month: 'short' })} ${time}`;
}

/** "today 14:10" or "Sat 5 Dec 14:10": when a subscription was last fetched. */
export function formatFetchedAt(iso: string, now: Date = new Date()): string {
  const text = formatAttemptTime(iso, now);
  return /^\d/.test(text) ? `today ${text}` : text;
}

/** The last problem in plain words, with when Sift tries again: "the server answered 503, retrying at 14:10". */
export function describeFetchProblem(problem: string, nextAttemptAt: string | null, now: Date = new Date()): string {
  return nextAttemptAt ? `${problem}, retrying at ${formatAttemptTime(nextAttemptAt, now)}` : problem;
}
