/**
 * The live feed (ADR 0018; SPEC IP-1, MS-4, MP-5) without a database: a fake LISTEN, a fake inbox
 * read, and streams that record what they were handed. What it must guarantee: batched reads, a
 * cursor that only moves forward (no loss, no repeats), resync after a lost LISTEN, retries after a
 * failed read, and streams closed with their session or at shutdown.
 */
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import type { LiveEvent, LiveEvents, LiveListener } from '../../src/modules/notifications/live-events.ts';
import {
  createLiveFeed,
  type FeedEndReason,
  type FeedMessage,
  type FeedStream,
} from '../../src/modules/notifications/live-feed.ts';
import type { InboxAfterRow } from '../../src/modules/notifications/notifications.repository.ts';
import { createMemoryLogger } from '../../src/platform/logger.ts';

function fakeEvents() {
  let listener: LiveListener | null = null;
  let resync: (() => void) | undefined;
  const events: LiveEvents & { emit(e: LiveEvent): void; resync(): void; listening(): boolean } = {
    async subscribe(l, r) {
      listener = l;
      resync = r;
      return async () => {
        listener = null;
      };
    },
    async close() {
      listener = null;
    },
    emit: (e) => listener?.(e),
    resync: () => resync?.(),
    listening: () => listener !== null,
  };
  return events;
}

/** An inbox in memory: rows per account, read the way listInboxAfter reads. */
function fakeInbox() {
  const rows = new Map<string, { id: string; kind: string; seq: number; read: boolean }[]>();
  const reads: { accountId: string; after: number }[][] = [];
  let failNext = 0;
  return {
    reads,
    failNext(n: number) {
      failNext = n;
    },
    add(accountId: string, kind = 'information.jobs') {
      const list = rows.get(accountId) ?? [];
      const seq = list.length + 1;
      list.push({ id: `${accountId}-${seq}`, kind, seq, read: false });
      rows.set(accountId, list);
      return seq;
    },
    async read(
      _db: unknown,
      cursors: readonly { accountId: string; after: number }[],
      limit: number,
    ): Promise<InboxAfterRow[]> {
      reads.push([...cursors]);
      if (failNext > 0) {
        failNext--;
        throw new Error('connection lost');
      }
      return cursors.flatMap(({ accountId, after }) => {
        const list = rows.get(accountId) ?? [];
        const unread = list.filter((r) => !r.read).length;
        return list
          .filter((r) => r.seq > after)
          .slice(0, limit)
          .map((r) => ({ accountId, id: r.id, kind: r.kind, seq: r.seq, unread }));
      });
    },
  };
}

function recorder(accountId: string, after = 0, sessionId = `session-${accountId}`) {
  const got: FeedMessage[] = [];
  const unread: number[] = [];
  const ended: FeedEndReason[] = [];
  let beats = 0;
  const stream: FeedStream = {
    accountId,
    sessionId,
    after,
    deliver(messages, n) {
      got.push(...messages);
      unread.push(n);
    },
    heartbeat() {
      beats++;
    },
    end(reason) {
      ended.push(reason);
    },
  };
  return { stream, got, unread, ended, beats: () => beats };
}

async function until(check: () => boolean, what: string, ms = 2000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setImmediate(r));
  }
}

function setup(o: { live?: Set<string>; perAccount?: number; batchSize?: number } = {}) {
  const events = fakeEvents();
  const inbox = fakeInbox();
  const live = o.live;
  const feed = createLiveFeed({
    db: {} as Database,
    liveEvents: events,
    logger: createMemoryLogger(),
    heartbeatMs: 60_000,
    liveSessions: async (ids) => (live ? new Set(ids.filter((id) => live.has(id))) : new Set(ids)),
    readAfter: inbox.read,
    retryMs: 10,
    ...(o.perAccount ? { perAccount: o.perAccount } : {}),
    ...(o.batchSize ? { batchSize: o.batchSize } : {}),
  });
  const news = (accountId: string) => events.emit({ accountId, messageId: 'm', deliveryId: null });
  return { events, inbox, feed, news };
}

describe('IP-1 the live feed', () => {
  it('IP-1 a new stream gets its backlog above its cursor at once, then live messages; nothing twice', async () => {
    const { inbox, feed, news } = setup();
    inbox.add('a');
    inbox.add('a');
    const r = recorder('a', 1);
    await feed.subscribe(r.stream);
    await until(() => r.got.length === 1, 'the backlog');
    expect(r.got.map((m) => m.seq)).toEqual([2]);
    inbox.add('a');
    news('a');
    news('a'); // the same news twice while one read is due: one read
    await until(() => r.got.length === 2, 'the live message');
    const reads = inbox.reads.length;
    news('a'); // news again, nothing new above the cursor: read, handed nothing
    await until(() => inbox.reads.length === reads + 1, 'the repeated read');
    await new Promise((resolve) => setImmediate(resolve));
    expect(r.got.map((m) => m.seq)).toEqual([2, 3]);
    expect(r.unread.at(-1)).toBe(3);
    expect(r.stream.after).toBe(3);
  });

  it('IP-1 news for a thousand accounts at once is read in batches, not once per stream', async () => {
    const { inbox, feed, news } = setup({ batchSize: 500 });
    const streams = Array.from({ length: 1000 }, (_, i) => recorder(`acc${i}`));
    for (const s of streams) await feed.subscribe(s.stream);
    await until(() => inbox.reads.length > 0 && feed.size() === 1000, 'the initial reads');
    await new Promise((r) => setImmediate(r));
    const before = inbox.reads.length;
    for (const s of streams) inbox.add(s.stream.accountId);
    for (const s of streams) news(s.stream.accountId);
    await until(() => streams.every((s) => s.got.length === 1), 'every stream');
    expect(inbox.reads.length - before).toBe(2);
    expect(inbox.reads.slice(before).map((r) => r.length)).toEqual([500, 500]);
  });

  it('MS-4 news of an account with no stream here is not read; mail-only events (no message) are ignored', async () => {
    const { events, inbox, feed, news } = setup();
    const r = recorder('a');
    await feed.subscribe(r.stream);
    await until(() => inbox.reads.length === 1, 'the initial read');
    news('nobody-here');
    events.emit({ accountId: 'a', messageId: null, deliveryId: 'd' });
    inbox.add('a');
    news('a');
    await until(() => r.got.length === 1, 'the message');
    expect(inbox.reads.flat().map((c) => c.accountId)).toEqual(['a', 'a']);
  });

  it('MS-4 a stream far behind gets everything in order, perAccount at a time', async () => {
    const { inbox, feed } = setup({ perAccount: 2 });
    for (let i = 0; i < 5; i++) inbox.add('a');
    const r = recorder('a');
    await feed.subscribe(r.stream);
    await until(() => r.got.length === 5, 'all five');
    expect(r.got.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('MS-4 two streams of one account with different cursors each get what they lack', async () => {
    const { inbox, feed, news } = setup();
    inbox.add('a');
    inbox.add('a');
    const behind = recorder('a', 0, 's1');
    const current = recorder('a', 2, 's2');
    await feed.subscribe(behind.stream);
    await feed.subscribe(current.stream);
    inbox.add('a');
    news('a');
    await until(() => behind.got.length === 3 && current.got.length === 1, 'both');
    expect(behind.got.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(current.got.map((m) => m.seq)).toEqual([3]);
  });

  it('MS-4 after the LISTEN was re-established every stream re-reads from its cursor (what was published meanwhile arrives)', async () => {
    const { events, inbox, feed } = setup();
    const r = recorder('a');
    await feed.subscribe(r.stream);
    await until(() => inbox.reads.length === 1, 'the initial read');
    inbox.add('a'); // committed while nobody listened: no event
    events.resync();
    await until(() => r.got.length === 1, 'the resync');
    expect(r.got[0]!.seq).toBe(1);
  });

  it('MS-4 a failed read is retried and loses nothing', async () => {
    const { inbox, feed, news } = setup();
    const r = recorder('a');
    await feed.subscribe(r.stream);
    await until(() => inbox.reads.length === 1, 'the initial read');
    inbox.failNext(2);
    inbox.add('a');
    news('a');
    await until(() => r.got.length === 1, 'the message after two failures');
    expect(inbox.reads.length).toBe(4);
  });
});

describe('MP-5 the live feed closes streams', () => {
  it('MP-5 endSession closes only that session’s streams', async () => {
    const { feed } = setup();
    const mine = recorder('a', 0, 's1');
    const mineToo = recorder('a', 0, 's1');
    const other = recorder('a', 0, 's2');
    for (const r of [mine, mineToo, other]) await feed.subscribe(r.stream);
    feed.endSession('s1');
    expect(mine.ended).toEqual(['session-ended']);
    expect(mineToo.ended).toEqual(['session-ended']);
    expect(other.ended).toEqual([]);
    expect(feed.size()).toBe(1);
    feed.endSession('s1');
    expect(mine.ended).toHaveLength(1);
  });

  it('MP-5 the heartbeat closes streams whose session is no longer live and beats the others', async () => {
    const live = new Set(['s-live']);
    const { feed } = setup({ live });
    const ok = recorder('a', 0, 's-live');
    const gone = recorder('b', 0, 's-gone');
    await feed.subscribe(ok.stream);
    await feed.subscribe(gone.stream);
    await feed.heartbeat();
    expect(gone.ended).toEqual(['session-ended']);
    expect(gone.beats()).toBe(0);
    expect(ok.ended).toEqual([]);
    expect(ok.beats()).toBe(1);
  });

  it('IP-1 close ends every stream with shutdown, stops listening, and ends later subscribers at once', async () => {
    const { events, feed } = setup();
    const r = recorder('a');
    await feed.subscribe(r.stream);
    expect(events.listening()).toBe(true);
    await feed.close();
    expect(r.ended).toEqual(['shutdown']);
    expect(events.listening()).toBe(false);
    const late = recorder('b');
    await feed.subscribe(late.stream);
    expect(late.ended).toEqual(['shutdown']);
    expect(feed.size()).toBe(0);
  });

  it('IP-1 an unsubscribed stream is handed nothing more', async () => {
    const { inbox, feed, news } = setup();
    const r = recorder('a');
    const stop = await feed.subscribe(r.stream);
    await until(() => inbox.reads.length === 1, 'the initial read');
    stop();
    inbox.add('a');
    news('a');
    await new Promise((resolve) => setImmediate(resolve));
    expect(r.got).toEqual([]);
    expect(inbox.reads.length).toBe(1);
  });
});
