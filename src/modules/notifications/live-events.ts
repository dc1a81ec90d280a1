/**
 * Live events (ADR 0013): `notify` runs `pg_notify` in the use case's transaction, so PostgreSQL
 * delivers the event to every listener on commit and never after a rollback; PGlite does the same
 * in-process. A subscriber gets ids only (which account, which message or delivery) and reads
 * anything else through the normal, authorised queries. Issue 10 feeds server-sent events from here.
 */
import pg from 'pg';
import type { DbHandle } from '../../db/client.ts';
import { LIVE_CHANNEL } from './notifications.repository.ts';

export interface LiveEvent {
  accountId: string;
  messageId: string | null;
  deliveryId: string | null;
}

export type LiveListener = (event: LiveEvent) => void;

export interface LiveEvents {
  /** Starts listening; resolves once the LISTEN is in place. Returns the unsubscribe function. */
  subscribe(listener: LiveListener): Promise<() => Promise<void>>;
  close(): Promise<void>;
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

/** One LISTEN per process (a dedicated connection on PostgreSQL), shared by every subscriber. */
export function createLiveEvents(handle: DbHandle): LiveEvents {
  const listeners = new Set<LiveListener>();
  const dispatch = (payload: string | undefined) => {
    const event = parse(payload);
    if (event) for (const l of listeners) l(event);
  };
  let started: Promise<() => Promise<void>> | null = null;
  const start = (): Promise<() => Promise<void>> => {
    if (handle.kind === 'pglite') {
      return handle.pglite.listen(LIVE_CHANNEL, dispatch).then((stop) => async () => stop());
    }
    return (async () => {
      const client = new pg.Client({ connectionString: handle.url });
      client.on('error', () => {});
      await client.connect();
      client.on('notification', (m) => {
        if (m.channel === LIVE_CHANNEL) dispatch(m.payload);
      });
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
      return async () => {
        await client.end();
      };
    })();
  };
  const stopAll = async () => {
    const s = started;
    started = null;
    if (s) await (await s)();
  };
  return {
    async subscribe(listener) {
      listeners.add(listener);
      started ??= start();
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
