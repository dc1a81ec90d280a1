/**
 * Live updates of the seeker's pages (SPEC IP-1, MS-4; ADR 0018).
 *
 * GET /mypage/events (and /employer/events, mounted by the employer portal) is a server-sent event stream of the signed-in account's new inbox messages.
 * Each `inbox` event carries the message's sequence number as its id, its id and kind, and the
 * unread count; the client then fetches the parts of the page that show it from
 * GET /mypage/fragments/:name, rendered by the same components as the full page. A reconnect sends
 * Last-Event-ID (or ?lastEventId= from the page, for the first connection) and gets exactly what it
 * missed. The stream ends on sign-out, when the session ends, and at shutdown.
 *
 * Both answer 401 without a session, never a redirect to the sign-in page: EventSource and fetch
 * would follow it and the sign-in page would remember /mypage/events as where to go next.
 */
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { FeedEndReason, FeedMessage } from '../../modules/notifications/live-feed.ts';
import { inboxCursor, readInbox } from '../../modules/notifications/read-inbox.ts';
import { findSeeker } from '../../modules/seekers/seekers.repository.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { employerOf, requireRole, seekerOf } from '../auth/guards.ts';
import type { AppEnv } from '../env.ts';
import { fragment } from '../render.tsx';
import { HomeInformation } from './information.tsx';
import { isLiveFragmentName } from './live-fragments.ts';
import { MessagesList, NavUnread } from './messages.tsx';
import { HomeReferrals } from './referrals.tsx';

/** How long EventSource waits before reconnecting after the stream ended without an `end` event. */
export const LIVE_RETRY_MS = 3000;
/**
 * At shutdown each stream is told when to come back (`retry:`), spread over 1–5 s so that the
 * streams of a stopping server do not all reconnect to the others in the same instant (ADR 0028).
 */
export function shutdownRetryMs(random: () => number = Math.random): number {
  return 1000 + Math.floor(random() * 4000);
}
/** Writes a stream may have waiting for a client that does not read; past it the stream is closed (it resumes). */
const MAX_PENDING_WRITES = 500;

/** A portal's guard, answering 401 instead of the sign-in redirect when there is no session. */
export function liveGuard(role: 'seeker' | 'employer'): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!c.var.auth) {
      c.header('Cache-Control', 'no-store');
      return c.body(null, 401);
    }
    return requireRole(role)(c, async () => {
      if (role === 'seeker') seekerOf(c);
      else employerOf(c);
      await next();
    });
  };
}

/** GET …/events: the signed-in account's stream, resumed from the browser's cursor (behind liveGuard). */
export async function liveEvents(c: Context<AppEnv>): Promise<Response> {
  const auth = c.var.auth!;
  const current = await inboxCursor(c.var.deps, auth.accountId);
  const requested = parseCursor(c.req.header('last-event-id') ?? c.req.query('lastEventId'));
  // A cursor past the account's latest message (another account's, or made up) would hide what
  // comes next: it is brought back to where the inbox stands.
  const after = requested === null ? current : Math.min(requested, current);
  return events(c, auth.accountId, auth.id, after);
}

/** A cursor as sent by the browser: a whole number, or nothing. */
export function parseCursor(raw: string | undefined): number | null {
  return raw !== undefined && /^\d{1,9}$/.test(raw.trim()) ? Number(raw.trim()) : null;
}

function events(c: Context<AppEnv>, accountId: string, sessionId: string, after: number): Response {
  const { liveFeed, logger } = c.var.deps;
  const res = streamSSE(c, async (stream) => {
    let ended = false;
    let pending = 0;
    // Writes wait until the stream is registered, so `ready` means "listening" (tests wait on it)
    // and comes before the backlog.
    let open: () => void = () => {};
    let chain: Promise<unknown> = new Promise<void>((resolve) => {
      open = resolve;
    });
    let finish: () => void = () => {};
    const done = new Promise<void>((resolve) => {
      finish = () => {
        ended = true;
        resolve();
      };
    });
    const enqueue = (write: () => Promise<unknown>) => {
      if (ended) return;
      if (++pending > MAX_PENDING_WRITES) {
        finish();
        return;
      }
      chain = chain.then(write).finally(() => pending--);
    };
    stream.onAbort(() => finish());

    enqueue(() =>
      stream.writeSSE({
        event: 'ready',
        id: String(after),
        data: JSON.stringify({ after }),
        retry: LIVE_RETRY_MS,
      }),
    );
    const unsubscribe = await liveFeed.subscribe({
      accountId,
      sessionId,
      after,
      deliver(messages: FeedMessage[], unread: number) {
        for (const m of messages) {
          const data = JSON.stringify({ id: m.id, kind: m.kind, unread });
          enqueue(() => stream.writeSSE({ event: 'inbox', id: String(m.seq), data }));
        }
      },
      heartbeat() {
        enqueue(() => stream.write(': heartbeat\n\n'));
      },
      end(reason: FeedEndReason) {
        // A session that ended is told so (the script stops); at shutdown or overflow the browser
        // reconnects by itself, to this or another server, and resumes from its Last-Event-ID.
        if (reason === 'session-ended') {
          enqueue(() => stream.writeSSE({ event: 'end', data: JSON.stringify({ reason }) }));
        } else if (reason === 'shutdown') {
          enqueue(() => stream.write(`retry: ${shutdownRetryMs()}\n\n`));
        }
        const wait = chain;
        void wait.finally(() => finish());
      },
    });
    open();
    if (stream.aborted) finish();
    await done;
    unsubscribe();
    await Promise.race([chain, new Promise((r) => setTimeout(r, 1000).unref())]);
    logger.debug('live stream closed', { aborted: stream.aborted });
  });
  res.headers.set('Cache-Control', 'no-store');
  res.headers.set('X-Accel-Buffering', 'no');
  return res;
}

/** Mounted under /mypage before the seeker portal (see app.ts). */
export function seekerLiveRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/events', liveGuard('seeker'), liveEvents)
    .get('/fragments/:name', liveGuard('seeker'), async (c) => {
      const name = c.req.param('name');
      if (!isLiveFragmentName(name)) throw notFound('live fragment');
      const accountId = c.var.auth!.accountId;
      if (name === 'nav-unread') return fragment(c, <NavUnread />);
      if (name === 'messages-list') {
        return fragment(c, <MessagesList inbox={await readInbox(c.var.deps, accountId, 1)} />);
      }
      const seeker = await findSeeker(c.var.deps.db, seekerOf(c).id);
      if (!seeker) throw new AppError('not_found', 'seeker');
      return fragment(
        c,
        name === 'home-referrals' ? <HomeReferrals seeker={seeker} /> : <HomeInformation seeker={seeker} />,
      );
    });
}
