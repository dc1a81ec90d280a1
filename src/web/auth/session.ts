/**
 * Server-side sessions for the three roles. The middleware turns the cookie into c.var.auth; a new
 * id is issued at sign-in; sign-out deletes the row and sends Clear-Site-Data. A session past its
 * idle or absolute limit signs nobody in (and its live event streams are closed); its row is deleted by the next sign-in, sign-out or the
 * nightly housekeeping.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { Role } from '../../db/schema/index.ts';
import { needsTouch, sessionState } from '../../modules/accounts/session.rules.ts';
import {
  deleteSession,
  findSession,
  insertSession,
  type SessionRecord,
  touchSession,
} from '../../modules/accounts/sessions.repository.ts';
import { randomToken, sha256 } from '../../platform/ids.ts';
import type { AppEnv } from '../env.ts';
import { clientIp } from './client-ip.ts';
import { clearCookie, readCookie, writeCookie } from './cookies.ts';

export type Auth = Omit<SessionRecord, 'createdAt' | 'lastSeenAt'> & {
  /** Name shown in the header. */
  displayName: string;
};

export function sessionMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('auth', null);
    const token = readCookie(c, 'session');
    if (token) {
      const { db, clock } = c.var.deps;
      const id = sha256(token);
      const record = await findSession(db, id);
      const now = clock.now();
      if (!record) {
        clearCookie(c, 'session');
      } else if (sessionState(record, now) !== 'live') {
        // Dead, but the row and cookie stay until sign-in, sign-out or housekeeping: a form from any
        // tab of this session can still be recognised and kept (see csrf.ts).
        c.set('endedSession', { id, accountId: record.accountId });
      } else {
        // The live stream and the fragments its script fetches are not the person using the page:
        // they must not keep an unattended session alive past its idle limit (ADR 0018).
        if (needsTouch(record.lastSeenAt, now) && !isLiveUpdatePath(c.req.path)) {
          await touchSession(db, id, now);
        }
        c.set('auth', toAuth(record));
      }
    }
    await next();
  };
}

/** Requests made by the live-update script rather than by the person (see src/web/seeker/live.routes.tsx). */
export function isLiveUpdatePath(path: string): boolean {
  return (
    /^\/(mypage|employer)\/(events$|fragments\/)/.test(path) ||
    /^\/(mypage|employer)\/applications\/[^/]+\/messages\/fragments\//.test(path)
  );
}

function toAuth(record: SessionRecord): Auth {
  const { createdAt: _c, lastSeenAt: _l, ...rest } = record;
  const displayName = record.seeker?.name ?? record.employer?.name ?? record.staff?.name ?? record.email;
  return { ...rest, displayName };
}

/** Signs the account in: any previous session of this browser is ended and a fresh id issued. */
export async function startSession(c: Context<AppEnv>, accountId: string, role: Role): Promise<void> {
  const { db, clock } = c.var.deps;
  const previous = readCookie(c, 'session');
  if (previous) {
    await deleteSession(db, sha256(previous));
    c.var.deps.liveFeed.endSession(sha256(previous));
  }
  const token = randomToken();
  await insertSession(db, {
    id: sha256(token),
    accountId,
    role,
    now: clock.now(),
    ip: clientIp(c),
    userAgent: c.req.header('user-agent') ?? '',
  });
  writeCookie(c, 'session', token);
  // The CSRF token is bound to the session; a new session needs a new one.
  clearCookie(c, 'csrf');
}

/** Signs out: the session row is deleted and the browser told to drop cookies and cached pages. */
export async function endSession(c: Context<AppEnv>): Promise<void> {
  const token = readCookie(c, 'session');
  if (token) {
    await deleteSession(c.var.deps.db, sha256(token));
    // This process's event streams of the session end now; other processes' at their next heartbeat.
    c.var.deps.liveFeed.endSession(sha256(token));
  }
  clearCookie(c, 'session');
  clearCookie(c, 'csrf');
  // Not "cookies": that would also drop the language choice and a browser the user chose to trust.
  c.header('Clear-Site-Data', '"cache", "storage"');
  c.set('auth', null);
}
