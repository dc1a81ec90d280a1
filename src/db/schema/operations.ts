import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { instant } from './columns.ts';

/**
 * One row per running worker process (ADR 0028): written when it starts and every
 * WORKER_HEARTBEAT_MS, removed when it stops cleanly. /readyz lists them; a row not refreshed for
 * four intervals is a worker that died. Times are the database's (now()), so hosts whose clocks
 * differ still agree. Nothing personal: a host name and a process id.
 */
export const workerHeartbeats = pgTable('worker_heartbeats', {
  /** `host:pid:random`, unique per process start. */
  workerId: text().primaryKey(),
  host: text().notNull(),
  pid: integer().notNull(),
  startedAt: instant().notNull(),
  lastSeenAt: instant().notNull(),
});
