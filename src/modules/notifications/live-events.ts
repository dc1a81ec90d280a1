/**
 * Live events (ADR 0013, 0018): `notify` runs `pg_notify` in the use case's transaction, so PostgreSQL
 * delivers the event to every listener on commit and never after a rollback; PGlite does the same
 * in-process. A subscriber gets ids only (which account, which message or delivery) and reads
 * anything else through the normal, authorised queries.
 *
 * On PostgreSQL the LISTEN runs on one dedicated connection per process. When that connection is
 * lost (server restart, failover, pg_terminate_backend, a network cut) it is opened again with
 * backoff, and every subscriber is told to resync: NOTIFY is not stored, so whatever was published
 * while nobody listened is re-read from the database by the subscriber's own cursor.
 */
import type pg from 'pg';
import type { DbHandle } from '../../db/client.ts';
import { createClient } from '../../db/multi-host.ts';
import type { Logger } from '../../platform/logger.ts';
import { LIVE_CHANNEL } from './notifications.repository.ts';

export interface LiveEvent {
  accountId: string;
  messageId: string | null;
  deliveryId: string | null;
}

export type LiveListener = (event: LiveEvent) => void;

export interface LiveEvents {
  /**
   * Starts listening; resolves once the first LISTEN attempt finished (in place, or failed and being
   * retried). `onResync` is called after the listener was re-established, when events may have been
   * missed. Returns the unsubscribe function.
   */
  subscribe(listener: LiveListener, onResync?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface LiveEventsOptions {
  logger?: Logger;
  /** First delay before reconnecting (doubled per failed try, with jitter, up to maxDelayMs). */
  minDelayMs?: number;
  maxDelayMs?: number;
}

function parse(payload: string | undefined): LiveEvent | null {
  try {
    const v = JSON.parse(payload ?? '') as Partial<LiveEvent>;
    return typeof v.accountId === 'string'
      ? { accountId: v.accountId, messageId: v.messageId ?? null, deliveryId: v.deliveryId ?? null }
      : null;
  } catch {
    return null;
  }
}

/** The delay before reconnect attempt `attempt` (0-based): exponential, capped, with ±20 % jitter. */
export function backoffDelay(attempt: number, minMs: number, maxMs: number, random = Math.random): number {
  const base = Math.min(maxMs, minMs * 2 ** Math.min(attempt, 20));
  return Math.round(base * (0.8 + 0.4 * random()));
}

interface Channel {
  /** Resolves after the first attempt (true: listening). */
  start(): Promise<boolean>;
  stop(): Promise<void>;
}

function pgliteChannel(
  handle: Extract<DbHandle, { kind: 'pglite' }>,
  dispatch: (p?: string) => void,
): Channel {
  let unlisten: (() => Promise<void>) | null = null;
  return {
    async start() {
      unlisten = await handle.pglite.listen(LIVE_CHANNEL, dispatch);
      return true;
    },
    async stop() {
      const u = unlisten;
      unlisten = null;
      if (u) await u();
    },
  };
}

function postgresChannel(
  url: string,
  dispatch: (p?: string) => void,
  resync: () => void,
  o: Required<Pick<LiveEventsOptions, 'minDelayMs' | 'maxDelayMs'>> & { logger?: Logger },
): Channel {
  let client: pg.Client | null = null;
  let stopped = false;
  let attempt = 0;
  let timer: NodeJS.Timeout | null = null;
  /** A try failed or a connection was lost: events may have been missed until the next LISTEN. */
  let missed = false;

  const connect = async (): Promise<boolean> => {
    // A multi-host URL (ADR 0030): each reconnect finds the host that takes writes now.
    const c = createClient(url, { keepAlive: true });
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      if (client === c) client = null;
      c.removeAllListeners('notification');
      if (stopped) return;
      missed = true;
      o.logger?.warn('live events: listener connection lost', { reason: error?.message ?? 'ended' });
      void c.end().catch(() => {});
      schedule();
    };
    c.on('error', onLost);
    c.on('end', () => onLost());
    c.on('notification', (m) => {
      if (m.channel === LIVE_CHANNEL) dispatch(m.payload);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${LIVE_CHANNEL}`);
    } catch (error) {
      onLost(error as Error);
      return false;
    }
    if (stopped || lost) {
      await c.end().catch(() => {});
      return false;
    }
    client = c;
    attempt = 0;
    if (missed) {
      missed = false;
      o.logger?.info('live events: listening again');
      resync();
    }
    return true;
  };

  const schedule = () => {
    if (stopped || timer) return;
    const delay = backoffDelay(attempt++, o.minDelayMs, o.maxDelayMs);
    timer = setTimeout(() => {
      timer = null;
      // A failed try schedules the next one itself (onLost).
      void connect();
    }, delay);
    timer.unref();
  };

  return {
    start: connect,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      const c = client;
      client = null;
      if (c) await c.end().catch(() => {});
    },
  };
}

/** One LISTEN per process (a dedicated connection on PostgreSQL), shared by every subscriber. */
export function createLiveEvents(handle: DbHandle, options: LiveEventsOptions = {}): LiveEvents {
  const listeners = new Map<LiveListener, (() => void) | undefined>();
  const dispatch = (payload: string | undefined) => {
    const event = parse(payload);
    if (event) for (const l of listeners.keys()) l(event);
  };
  const resync = () => {
    for (const r of listeners.values()) r?.();
  };
  let channel: Channel | null = null;
  let started: Promise<boolean> | null = null;
  const stopAll = async () => {
    const c = channel;
    const s = started;
    channel = null;
    started = null;
    if (s) await s.catch(() => {});
    if (c) await c.stop();
  };
  return {
    async subscribe(listener, onResync) {
      listeners.set(listener, onResync);
      if (!channel) {
        channel =
          handle.kind === 'pglite'
            ? pgliteChannel(handle, dispatch)
            : postgresChannel(handle.url, dispatch, resync, {
                minDelayMs: options.minDelayMs ?? 100,
                maxDelayMs: options.maxDelayMs ?? 5000,
                ...(options.logger ? { logger: options.logger } : {}),
              });
        started = channel.start();
      }
      await started;
      return async () => {
        listeners.delete(listener);
        if (listeners.size === 0) await stopAll();
      };
    },
    async close() {
      listeners.clear();
      await stopAll();
    },
  };
}
