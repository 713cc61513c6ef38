// Dates as digest pages print them: "Mar 11", "March 11, 2024", "11 Mar 2024".

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const MONTH_FIRST = new RegExp(`^${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?$`, 'i');
const DAY_FIRST = new RegExp(`^(\\d{1,2})\\s+${MONTH}\\.?(?:,?\\s+(\\d{4}))?$`, 'i');

/**
 * Reads a standalone date line. With no year, takes the latest such date that is not after `today`
 * (a digest copied on Jan 2 headed "Dec 31" is last year's). Returns YYYY-MM-DD or null.
 */
export function parseMonthDayDate(line: string, today: Date): string | null {
  const text = line.trim();
  let month: string | undefined;
  let day: string | undefined;
  let year: string | undefined;
  const monthFirst = MONTH_FIRST.exec(text);
  if (monthFirst) [, month, day, year] = monthFirst;
  else {
    const dayFirst = DAY_FIRST.exec(text);
    if (!dayFirst) return null;
    [, day, month, year] = dayFirst;
  }
  const monthIndex = MONTHS.indexOf((month ?? '').slice(0, 3).toLowerCase());
  const dayNumber = Number(day);
  if (monthIndex < 0 || dayNumber < 1 || dayNumber > 31) return null;
  if (year) return validDate(Number(year), monthIndex, dayNumber);
  const todayUtc = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  for (let candidate = today.getUTCFullYear(); candidate >= today.getUTCFullYear() - 8; candidate -= 1) {
    const iso = validDate(candidate, monthIndex, dayNumber);
    if (iso && Date.parse(iso) <= todayUtc) return iso;
  }
  return null;
}

function validDate(year: number, monthIndex: number, day: number): string | null {
  const date = new Date(Date.UTC(year, monthIndex, day));
  if (date.getUTCMonth() !== monthIndex) return null; // Feb 30, or Feb 29 in a common year
  return date.toISOString().slice(0, 10);
}
