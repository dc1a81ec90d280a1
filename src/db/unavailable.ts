/**
 * Whether an error means "the database cannot be reached now" (ADR 0030): the server is down,
 * restarting, being failed over, or only a standby answers. Such a request gets a calm 503 page
 * with Retry-After (src/web/errors.tsx), not a 500; the next request after the database is back
 * succeeds, because the pool opens new connections (src/db/multi-host.ts) by itself.
 */
import { DatabaseUnavailableError } from './multi-host.ts';

/** Retry-After of the 503 page: a failover takes seconds, not minutes. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/**
 * SQLSTATEs of a lost or refused server: class 08 (connection exception), 57P01 admin_shutdown,
 * 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up, or a standby not yet open),
 * 25006 read_only_sql_transaction (a write reached a server demoted to standby).
 */
const CODES = new Set(['57P01', '57P02', '57P03', '25006']);
const NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);
const MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /Client has encountered a connection error and is not queryable/,
  /Connection ended unexpectedly/,
];

/** True for the error itself or any error in its `cause` chain (Drizzle wraps driver errors). */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof DatabaseUnavailableError) return true;
    if (typeof e !== 'object') return false;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (CODES.has(code) || code.startsWith('08') || NODE_CODES.has(code))) {
      return true;
    }
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && MESSAGES.some((m) => m.test(message))) return true;
    if (e instanceof AggregateError && e.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
  }
  return false;
}
