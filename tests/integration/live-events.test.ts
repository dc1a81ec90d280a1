/**
 * The LISTEN connection of live events survives losing its backend (ADR 0018): on PostgreSQL the
 * listener's backend is terminated with pg_terminate_backend, the connection is opened again with
 * backoff, subscribers are told to resync, and a later notify arrives. PGlite listens in-process and
 * has no connection to lose, so these run on PostgreSQL only.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { createLiveEvents, type LiveEvent } from '../../src/modules/notifications/live-events.ts';
import { createLiveFeed, type FeedMessage } from '../../src/modules/notifications/live-feed.ts';
import { notify } from '../../src/modules/notifications/notify.ts';
import { createMemoryLogger } from '../../src/platform/logger.ts';
import { createSeeker } from '../support/factories.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

const onPostgres = Boolean(process.env.DATABASE_URL);

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

async function waitFor(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Backends of this database sitting in LISTEN (the live events connections). */
const listeners = () =>
  queryRows<{ pid: number }>(
    ctx.db,
    sql`select pid from pg_stat_activity
         where datname = current_database() and query ilike 'listen%' and pid <> pg_backend_pid()`,
  );

async function terminateListeners(): Promise<number> {
  const pids = await listeners();
  for (const { pid } of pids) await queryRows(ctx.db, sql`select pg_terminate_backend(${pid})`);
  return pids.length;
}

const tell = (accountId: string, validUntil: string) =>
  ctx.db.transaction((tx) =>
    notify(ctx.deps, tx, {
      recipient: { accountId },
      kind: 'seeker.registration_expiring',
      data: { name: '再接続 太郎', validUntil },
    }),
  );

describe.skipIf(!onPostgres)('IP-1 live events reconnect (PostgreSQL)', () => {
  it('IP-1 after the listener’s backend is terminated it listens again, says resync, and a later notify arrives', async () => {
    const seeker = await createSeeker(ctx.deps);
    const logger = createMemoryLogger();
    const live = createLiveEvents(ctx.deps.dbHandle, { logger, minDelayMs: 50, maxDelayMs: 200 });
    const heard: LiveEvent[] = [];
    let resyncs = 0;
    const stop = await live.subscribe(
      (e) => heard.push(e),
      () => resyncs++,
    );
    try {
      const before = (await listeners()).length;
      expect(before).toBeGreaterThan(0);
      // Ours and the composition's (deps.liveEvents, if started): every one must come back.
      expect(await terminateListeners()).toBe(before);
      await waitFor(() => resyncs === 1, 'the resync');
      expect(logger.lines.some((l) => l.msg === 'live events: listener connection lost')).toBe(true);
      const notified = await tell(seeker.account.id, '2027-01-31');
      await waitFor(() => heard.some((e) => e.messageId === notified?.messageId), 'the later notify');
    } finally {
      await stop();
      await live.close();
      await ctx.drain();
    }
  });

  it('MS-4 a message committed while nobody listened reaches the feed’s stream through the resync', async () => {
    const seeker = await createSeeker(ctx.deps);
    const logger = createMemoryLogger();
    // A long first delay: the message below is committed while the listener is down.
    const live = createLiveEvents(ctx.deps.dbHandle, { logger, minDelayMs: 1500, maxDelayMs: 1500 });
    const feed = createLiveFeed({
      db: ctx.db,
      liveEvents: live,
      logger,
      heartbeatMs: 60_000,
      liveSessions: async (ids) => new Set(ids),
    });
    const got: FeedMessage[] = [];
    await feed.subscribe({
      accountId: seeker.account.id,
      sessionId: 's',
      after: 0,
      deliver: (messages) => got.push(...messages),
      heartbeat: () => {},
      end: () => {},
    });
    try {
      await terminateListeners();
      await waitFor(
        () => logger.lines.some((l) => l.msg === 'live events: listener connection lost'),
        'the loss to be noticed',
      );
      const notified = await tell(seeker.account.id, '2027-02-28');
      // Committed (and its NOTIFY published) before the listener was back: nobody heard it.
      expect(logger.lines.some((l) => l.msg === 'live events: listening again')).toBe(false);
      await waitFor(() => got.some((m) => m.id === notified?.messageId), 'the message after resync', 8000);
      expect(logger.lines.some((l) => l.msg === 'live events: listening again')).toBe(true);
      expect(got.map((m) => m.seq)).toEqual([1]);
    } finally {
      await feed.close();
      await live.close();
      await ctx.drain();
    }
  });
});

describe.skipIf(onPostgres)('IP-1 live events on PGlite', () => {
  it('IP-1 PGlite listens in-process: nothing to reconnect (see the PostgreSQL variant)', async () => {
    const seeker = await createSeeker(ctx.deps);
    const live = createLiveEvents(ctx.deps.dbHandle);
    const heard: LiveEvent[] = [];
    const stop = await live.subscribe((e) => heard.push(e));
    try {
      const notified = await tell(seeker.account.id, '2027-03-31');
      await waitFor(() => heard.some((e) => e.messageId === notified?.messageId), 'the notify');
    } finally {
      await stop();
      await live.close();
      await ctx.drain();
    }
  });
});
