/**
 * The live feed (ADR 0018): every open event stream of this process, keyed by account and session.
 * A live event only says "account A has news"; the feed then reads A's inbox rows above each
 * stream's cursor (inbox_messages.seq) and hands them to the stream. Reads are batched: the events
 * that arrive while one read runs are answered by the next, one statement for up to `batchSize`
 * accounts, so an office-wide お知らせ to a thousand open streams costs a few reads, not a thousand.
 *
 * Nothing is lost and nothing repeats: a stream's cursor only moves forward, past rows it was
 * handed; reads for one stream never overlap; a new stream (or every stream, after the LISTEN
 * connection was re-established) is simply marked as having news, and the read finds whatever is
 * above its cursor. Streams of a session that ended are closed: at once for a sign-out in this
 * process (endSession), and at the next heartbeat for anything else (another process's sign-out,
 * idle or absolute expiry, a password reset that ended every session).
 */
import type { Database } from '../../db/client.ts';
import type { Logger } from '../../platform/logger.ts';
import type { LiveEvents } from './live-events.ts';
import { listInboxAfter } from './notifications.repository.ts';

export interface FeedMessage {
  id: string;
  kind: string;
  seq: number;
}

export type FeedEndReason = 'session-ended' | 'shutdown' | 'overflow';

export interface FeedStream {
  accountId: string;
  /** The session the stream was opened with (sessions.id). */
  sessionId: string;
  /** The cursor: the last sequence number this stream has (rows above it are sent). */
  after: number;
  /** New rows, oldest first, with the account's unread count; called synchronously, in order. */
  deliver(messages: FeedMessage[], unread: number): void;
  /** Called every heartbeat while the session is live (write a comment to keep proxies from closing it). */
  heartbeat(): void;
  /** The feed closes this stream. Called at most once; no deliver afterwards. */
  end(reason: FeedEndReason): void;
}

export interface LiveFeedOptions {
  db: Database;
  liveEvents: LiveEvents;
  logger: Logger;
  heartbeatMs: number;
  /** Which of these sessions are still live (the rest have their streams closed). */
  liveSessions(ids: string[]): Promise<Set<string>>;
  /** Accounts per read (default 500). */
  batchSize?: number;
  /** Rows per account per read (default 100); a stream further behind gets the rest in the next read. */
  perAccount?: number;
  /** Wait before reading again after a failed read (default 1000 ms). */
  retryMs?: number;
  /** The read (tests count and fail it); listInboxAfter by default. */
  readAfter?: typeof listInboxAfter;
}

export interface LiveFeed {
  /** Registers an open stream; its backlog above `after` is read at once. Returns the unsubscribe function. */
  subscribe(stream: FeedStream): Promise<() => void>;
  /** Closes this process's streams of a session (sign-out). */
  endSession(sessionId: string): void;
  /** Runs one heartbeat now (the timer does this every heartbeatMs). */
  heartbeat(): Promise<void>;
  /** Open streams in this process. */
  size(): number;
  /** Closes every stream (reason 'shutdown') and stops listening; later subscribes end at once. */
  close(): Promise<void>;
}

export function createLiveFeed(o: LiveFeedOptions): LiveFeed {
  const batchSize = o.batchSize ?? 500;
  const perAccount = o.perAccount ?? 100;
  const retryMs = o.retryMs ?? 1000;
  const readAfter = o.readAfter ?? listInboxAfter;
  const byAccount = new Map<string, Set<FeedStream>>();
  const dirty = new Set<string>();
  let reading = false;
  let scheduled = false;
  let closed = false;
  let unlisten: (() => Promise<void>) | null = null;
  let listening: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let retry: NodeJS.Timeout | null = null;

  const remove = (s: FeedStream) => {
    const set = byAccount.get(s.accountId);
    if (!set?.delete(s)) return false;
    if (set.size === 0) byAccount.delete(s.accountId);
    return true;
  };
  const end = (s: FeedStream, reason: FeedEndReason) => {
    if (remove(s)) s.end(reason);
  };
  const all = () => [...byAccount.values()].flatMap((set) => [...set]);

  const schedule = () => {
    if (scheduled || reading || closed || retry) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      void read();
    });
  };
  const mark = (accountId: string) => {
    if (!byAccount.has(accountId)) return;
    dirty.add(accountId);
    schedule();
  };

  const read = async () => {
    if (reading || closed) return;
    reading = true;
    let failed = false;
    try {
      while (dirty.size > 0 && !closed) {
        const accounts = [...dirty].slice(0, batchSize);
        for (const a of accounts) dirty.delete(a);
        const cursors = accounts.flatMap((accountId) => {
          const set = byAccount.get(accountId);
          if (!set || set.size === 0) return [];
          return [{ accountId, after: Math.min(...[...set].map((s) => s.after)) }];
        });
        let rows: Awaited<ReturnType<typeof listInboxAfter>>;
        try {
          rows = await readAfter(o.db, cursors, perAccount);
        } catch (error) {
          for (const a of accounts) dirty.add(a);
          o.logger.warn('live feed: read failed, retrying', { error: (error as Error).message });
          failed = true;
          break;
        }
        const grouped = new Map<string, typeof rows>();
        for (const r of rows) {
          const list = grouped.get(r.accountId);
          if (list) list.push(r);
          else grouped.set(r.accountId, [r]);
        }
        for (const [accountId, list] of grouped) {
          if (list.length >= perAccount) dirty.add(accountId);
          const unread = list[list.length - 1]!.unread;
          for (const s of byAccount.get(accountId) ?? []) {
            const fresh = list.filter((r) => r.seq > s.after).map(({ id, kind, seq }) => ({ id, kind, seq }));
            if (fresh.length === 0) continue;
            s.after = fresh[fresh.length - 1]!.seq;
            s.deliver(fresh, unread);
          }
        }
      }
    } finally {
      reading = false;
    }
    if (failed && !closed) {
      retry = setTimeout(() => {
        retry = null;
        void read();
      }, retryMs);
      retry.unref();
    } else if (dirty.size > 0) {
      schedule();
    }
  };

  const listen = () => {
    listening ??= o.liveEvents
      .subscribe(
        (e) => {
          if (e.messageId) mark(e.accountId);
        },
        () => {
          for (const accountId of byAccount.keys()) dirty.add(accountId);
          schedule();
        },
      )
      .then((stop) => {
        unlisten = stop;
      });
    return listening;
  };

  const heartbeat = async () => {
    const streams = all();
    if (streams.length === 0) return;
    let live: Set<string>;
    try {
      live = await o.liveSessions([...new Set(streams.map((s) => s.sessionId))]);
    } catch (error) {
      o.logger.warn('live feed: session check failed', { error: (error as Error).message });
      return;
    }
    for (const s of streams) {
      if (!live.has(s.sessionId)) end(s, 'session-ended');
      else if (byAccount.get(s.accountId)?.has(s)) s.heartbeat();
    }
  };

  return {
    async subscribe(stream) {
      if (closed) {
        stream.end('shutdown');
        return () => {};
      }
      await listen();
      if (closed) {
        stream.end('shutdown');
        return () => {};
      }
      const set = byAccount.get(stream.accountId) ?? new Set<FeedStream>();
      set.add(stream);
      byAccount.set(stream.accountId, set);
      if (!timer) {
        timer = setInterval(() => void heartbeat(), o.heartbeatMs);
        timer.unref();
      }
      mark(stream.accountId);
      return () => {
        remove(stream);
      };
    },
    endSession(sessionId) {
      for (const s of all()) if (s.sessionId === sessionId) end(s, 'session-ended');
    },
    heartbeat,
    size: () => all().length,
    async close() {
      closed = true;
      if (timer) clearInterval(timer);
      if (retry) clearTimeout(retry);
      timer = null;
      retry = null;
      for (const s of all()) end(s, 'shutdown');
      dirty.clear();
      if (listening) await listening.catch(() => {});
      const stop = unlisten;
      unlisten = null;
      if (stop) await stop();
    },
  };
}
