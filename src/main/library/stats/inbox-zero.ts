/**
 * Streaks of days that ended with an empty inbox: the current one (ending today) and the longest in the
 * series. A day with nothing in the inbox counts only if something had arrived by then (an empty library
 * is not a streak).
 */
export function inboxZeroStreaks(daily: { inbox: number; arrived: number }[]): { current: number; longest: number } {
  let longest = 0;
  let run = 0;
  let anyArrived = false;
  for (const day of daily) {
    anyArrived ||= day.arrived > 0;
    run = day.inbox === 0 && anyArrived ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return { current: run, longest };
}
