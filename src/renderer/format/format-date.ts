/**
 * A date as precise as it is known. Exports often carry only a year ("2019") or a month ("2019-09"):
 * shown as a day ("Jan 1, 2019") it claims a precision nobody gave, and in a zone west of UTC it even
 * showed the year before.
 */
export function formatDate(iso: string | null): string | null {
  if (!iso) return null;
  if (/^\d{4}$/.test(iso)) return iso;
  const month = /^(\d{4})-(\d{2})$/.exec(iso);
  if (month) {
    const date = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
    return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', timeZone: 'UTC' });
  }
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const date = new Date(dayOnly ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: dayOnly ? 'UTC' : undefined });
}
