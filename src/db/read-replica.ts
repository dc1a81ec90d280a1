/**
 * The read replica (DATABASE_READ_URL, ADR 0031): a second pool on a streaming standby and a check
 * every REPLICA_CHECK_INTERVAL_MS of whether it may be read (src/db/replica-lag.rules.ts decides).
 * `reader()` is the standby's database while it is healthy and null otherwise; callers then read the
 * primary (src/web/public-read.ts). A standby that is down never stops start-up: it is unreachable
 * until it answers.
 */
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { Logger } from '../platform/logger.ts';
import { type Database, queryRows } from './client.ts';
import { createPool } from './multi-host.ts';
import {
  decideReplica,
  type ReplicaDecision,
  type ReplicaProbe,
  type ReplicaState,
} from './replica-lag.rules.ts';
import * as schema from './schema/index.ts';

export interface ReplicaStatus extends ReplicaDecision {
  /** When the last check answered or failed (ISO), null before the first. */
  checkedAt: string | null;
}

export interface ReadReplica {
  /** The standby's database while it is healthy; null when the primary must be read. */
  reader(): Database | null;
  status(): ReplicaStatus;
  /** Checks the standby now (also runs every check interval). */
  check(): Promise<ReplicaStatus>;
  /** A read on the standby failed: take it out until the next check says otherwise. */
  reportFailure(error: unknown): void;
  pool: pg.Pool;
  close(): Promise<void>;
}

export interface ReadReplicaOptions {
  url: string;
  maxLagMs: number;
  checkIntervalMs: number;
  poolMax: number;
  logger: Logger;
  /** This process's clock in ms for the age of the last check (default Date.now). */
  now?: () => number;
  /** Run the periodic check (default true; tests call check()). */
  schedule?: boolean;
}

/** One query: recovery, LSNs and the last replayed commit, all on the standby's clock. */
export async function probeStandby(db: Database): Promise<ReplicaProbe> {
  const [row] = await queryRows<{
    in_recovery: boolean;
    receive_lsn: string | null;
    replay_lsn: string | null;
    last_replay_at: Date | string | null;
    standby_now: Date | string;
    streaming: boolean | null;
  }>(
    db,
    sql`select pg_is_in_recovery() as in_recovery,
               pg_last_wal_receive_lsn()::text as receive_lsn,
               pg_last_wal_replay_lsn()::text as replay_lsn,
               pg_last_xact_replay_timestamp() as last_replay_at,
               now() as standby_now,
               (select case when count(*) = 0 then false else bool_or(status = 'streaming') end
                  from pg_stat_wal_receiver) as streaming`,
  );
  if (!row) return { ok: false, error: 'no answer' };
  return {
    ok: true,
    inRecovery: row.in_recovery,
    receiveLsn: row.receive_lsn,
    replayLsn: row.replay_lsn,
    lastReplayAt: row.last_replay_at === null ? null : new Date(row.last_replay_at),
    standbyNow: new Date(row.standby_now),
    // No row: no WAL receiver (false); a role without pg_read_all_stats sees a null status (unknown).
    streaming: row.streaming,
  };
}

export function createReadReplica(o: ReadReplicaOptions): ReadReplica {
  const now = o.now ?? Date.now;
  // Short connect timeout: a standby that does not answer is skipped, not waited for. createPool's
  // client neither crashes the process nor leaks when its server goes away mid-query (ADR 0030).
  const pool = createPool(o.url, { max: o.poolMax, connectionTimeoutMillis: 1000 });
  pool.on('error', () => {});
  const db = drizzlePg({ client: pool, schema, casing: 'snake_case' }) as unknown as Database;
  let last: { probe: ReplicaProbe; checkedAt: number } | null = null;
  let lastState: ReplicaState | null = null;
  let running: Promise<ReplicaStatus> | null = null;
  let closed = false;

  const decide = (): ReplicaStatus => ({
    ...decideReplica({ last, now: now(), maxLagMs: o.maxLagMs, checkIntervalMs: o.checkIntervalMs }),
    checkedAt: last ? new Date(last.checkedAt).toISOString() : null,
  });

  const record = (probe: ReplicaProbe) => {
    last = { probe, checkedAt: now() };
    const status = decide();
    // One log line per change of state, not per check.
    if (status.state !== lastState) {
      const fields = { state: status.state, reason: status.reason, lagMs: status.lagMs };
      if (status.useReplica) o.logger.info('read replica in use', fields);
      else o.logger.warn('read replica skipped: reading the primary', fields);
      lastState = status.state;
    }
    return status;
  };

  const check = () => {
    running ??= probeStandby(db)
      .catch((error: unknown): ReplicaProbe => ({ ok: false, error: describe(error) }))
      .then((probe) => record(probe))
      .finally(() => {
        running = null;
      });
    return running;
  };

  let timer: NodeJS.Timeout | undefined;
  if (o.schedule ?? true) {
    void check();
    timer = setInterval(() => {
      if (!closed) void check();
    }, o.checkIntervalMs);
    timer.unref();
  }

  return {
    reader: () => (decide().useReplica ? db : null),
    status: decide,
    check,
    reportFailure(error) {
      record({ ok: false, error: `read failed: ${describe(error)}` });
    },
    pool,
    async close() {
      closed = true;
      if (timer) clearInterval(timer);
      await running?.catch(() => {});
      await pool.end();
    },
  };
}

function describe(error: unknown): string {
  const e = error as { code?: string; message?: string; cause?: { message?: string } };
  const message = e?.cause?.message ?? e?.message ?? String(error);
  return e?.code ? `${e.code} ${message}` : message;
}
