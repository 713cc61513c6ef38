// Names and dates as the tagged reference exports write them (EndNote's .enw, RefWorks'): one author
// per tag line or several joined by ';', family name first; a year field and a free-form date field.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "Doe, Jane; Roe, R." on one line, or Google Scholar's "Yoosofan, Ahmad: Ashrafi, Alireza". */
export function namesOnLine(line: string): string[] {
  const separator = line.includes(';') ? ';' : /,[^:]*:\s*\S[^,]*,/.test(line) ? ':' : null;
  return (separator ? line.split(separator) : [line]).map((name) => name.trim()).filter(Boolean);
}

/** "Rahman, Syed Ajijur" → "Syed Ajijur Rahman"; names without a comma stay. */
export function givenNameFirst(name: string): string {
  const [family, given, suffix] = name.split(',').map((part) => part.trim());
  return given ? [given, family, suffix].filter(Boolean).join(' ') : name;
}

/**
 * The year field (EndNote %D, RefWorks YR: "2019", sometimes "2019/05/04") and the date field (EndNote
 * %8, RefWorks FD: "May 4", "Jan 2020", "2019-05-04", "2019///") as one ISO date, as precise as known.
 */
export function taggedDate(year: string, date: string): string {
  if (/^\d{4}[-/]\d{1,2}/.test(date)) return date;
  const yearOnly = /^\d{4}/.exec(year)?.[0];
  if (!yearOnly) return /^\d{4}/.test(date) ? date : '';
  if (/^\d{4}[-/]\d{1,2}/.test(year)) return year;
  const month = MONTHS.indexOf(/^([A-Za-z]{3})/.exec(date)?.[1]?.toLowerCase() ?? '') + 1;
  return month > 0 ? `${yearOnly}-${String(month).padStart(2, '0')}` : yearOnly;
}
