/**
 * publicRead (ADR 0031): the database an anonymous public read runs on. 求人検索 results, job detail
 * and /api/v1 reads go to the standby of DATABASE_READ_URL while it is healthy; a request with a
 * session (a signed-in seeker, employer or staff member, or one whose session just ended) always reads
 * the primary, so nobody sees their own change vanish behind replication. A standby too far behind
 * or down is not used; a read that fails on it is run again on the primary and the standby is taken
 * out until its next check — the visitor sees the page, never the error.
 *
 * Only reads go through here: anything the request writes (sessions, the API rate limit) uses
 * deps.db, the primary.
 */
import type { Context } from 'hono';
import type { Database } from '../db/client.ts';
import type { Deps } from '../deps.ts';
import type { AppEnv } from './env.ts';

export type ReadSource = 'standby' | 'primary';

/** Whether this request may read from the standby: nobody is signed in (or was, a moment ago). */
export function mayReadStandby(c: Context<AppEnv>): boolean {
  // /api/v1 runs before the session middleware: it never reads a cookie, so it is always anonymous.
  return !c.var.auth && !c.var.endedSession;
}

/**
 * Runs `read` with deps whose `db` is the standby (when allowed and healthy) or the primary. The
 * response says which in `X-Read-Source` (for operators and tests; it carries no personal data).
 */
export async function publicRead<T>(
  c: Context<AppEnv>,
  read: (deps: Deps & { db: Database }) => Promise<T>,
): Promise<T> {
  const { deps } = c.var;
  const standby = deps.readReplica && mayReadStandby(c) ? deps.readReplica.reader() : null;
  if (standby) {
    try {
      const result = await read({ ...deps, db: standby });
      c.header('X-Read-Source', 'standby');
      return result;
    } catch (error) {
      deps.readReplica?.reportFailure(error);
      c.var.log.warn('read on the standby failed; reading the primary', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  const result = await read(deps);
  if (deps.readReplica) c.header('X-Read-Source', 'primary');
  return result;
}
