/**
 * A fetch that did not bring a usable answer, in words a reader understands. Nothing of the answer
 * was imported. `retryAt` is set when the server said when to come back (Retry-After).
 */
export class FetchProblem extends Error {
  readonly retryAt: Date | null;
  constructor(message: string, retryAt: Date | null = null) {
    super(message);
    this.name = 'FetchProblem';
    this.retryAt = retryAt;
  }
}

const OFFLINE_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH', 'ECONNRESET', 'ENETDOWN', 'EPIPE']);

/** Node's fetch hides the cause ("fetch failed"); Electron's says net::ERR_…. Both become "offline". */
export function describeNetworkError(error: unknown, host: string): FetchProblem {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : '';
  const message = error instanceof Error ? error.message : String(error);
  if (OFFLINE_CODES.has(code) || /ERR_(INTERNET_DISCONNECTED|NAME_NOT_RESOLVED|CONNECTION_REFUSED|NETWORK_CHANGED|ADDRESS_UNREACHABLE|PROXY_CONNECTION_FAILED)/.test(message)) {
    return new FetchProblem(`offline: ${host} could not be reached`);
  }
  if (/ERR_CERT|CERT_|certificate/i.test(`${code} ${message}`)) {
    return new FetchProblem(`${host} did not prove who it is (its certificate was refused)`);
  }
  const detail = code || (typeof cause?.message === 'string' ? cause.message : message);
  return new FetchProblem(`the connection to ${host} failed (${detail.slice(0, 120)})`);
}

/** Retry-After is seconds or an HTTP date; anything else is ignored. */
export function parseRetryAfter(value: string | null, now: Date): Date | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return new Date(now.getTime() + Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : new Date(Math.max(date, now.getTime()));
}
