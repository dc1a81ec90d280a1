/**
 * The SQL behind /readyz and the cluster-wide metrics (ADR 0028): worker heartbeats, the applied
 * drizzle migrations, pg-boss queue counts and replication lag. Every time is the database's
 * (now()), so processes on hosts whose clocks differ agree.
 */
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client.ts';
import { workerHeartbeats } from '../../db/schema/index.ts';

export interface WorkerHeartbeat {
  workerId: string;
  host: string;
  pid: number;
  startedAt: Date;
  /** Milliseconds since the worker last wrote its row, by the database's clock. */
  ageMs: number;
}

/** Writes (or refreshes) this worker's row, and drops rows of workers gone for over a day. */
export async function recordHeartbeat(
  db: Executor,
  w: { workerId: string; host: string; pid: number },
): Promise<void> {
  await db
    .insert(workerHeartbeats)
    .values({ ...w, startedAt: sql`now()`, lastSeenAt: sql`now()` })
    .onConflictDoUpdate({ target: workerHeartbeats.workerId, set: { lastSeenAt: sql`now()` } });
  await db.execute(sql`delete from worker_heartbeats where last_seen_at < now() - interval '1 day'`);
}

export async function removeHeartbeat(db: Executor, workerId: string): Promise<void> {
  await db.execute(sql`delete from worker_heartbeats where worker_id = ${workerId}`);
}

export async function listHeartbeats(db: Executor): Promise<WorkerHeartbeat[]> {
  const rows = await queryRows<{
    worker_id: string;
    host: string;
    pid: number;
    started_at: string | Date;
    age_ms: number | string;
  }>(
    db,
    sql`select worker_id, host, pid, started_at,
               (extract(epoch from (now() - last_seen_at)) * 1000)::float8 as age_ms
        from worker_heartbeats order by started_at, worker_id`,
  );
  return rows.map((r) => ({
    workerId: r.worker_id,
    host: r.host,
    pid: Number(r.pid),
    startedAt: new Date(r.started_at),
    ageMs: Math.max(0, Number(r.age_ms)),
  }));
}

/** The `when` of the newest applied drizzle migration, or null when none is (or no table yet). */
export async function latestAppliedMigration(db: Executor): Promise<{ when: number | null; count: number }> {
  const [exists] = await queryRows<{ present: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!exists?.present) return { when: null, count: 0 };
  const [row] = await queryRows<{ latest: string | number | null; applied: number | string }>(
    db,
    sql`select max(created_at) as latest, count(*) as applied from drizzle.__drizzle_migrations`,
  );
  return {
    when: row?.latest === null || row?.latest === undefined ? null : Number(row.latest),
    count: Number(row?.applied ?? 0),
  };
}

export const QUEUE_STATES = ['created', 'retry', 'active', 'failed'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

/**
 * Jobs per queue and state, cluster-wide, for every queue pg-boss knows (zero included, so series
 * exist before the first job). `failed` counts failed jobs pg-boss still keeps (its retention).
 */
export async function queueCounts(
  db: Executor,
): Promise<{ queue: string; state: QueueState; jobs: number }[]> {
  const rows = await queryRows<{ queue: string; state: QueueState; jobs: number | string }>(
    db,
    sql`select q.name as queue, s.state, count(j.id) as jobs
        from pgboss.queue q
        cross join (values ('created'), ('retry'), ('active'), ('failed')) as s(state)
        left join pgboss.job j on j.name = q.name and j.state::text = s.state
        group by q.name, s.state
        order by q.name, s.state`,
  );
  return rows.map((r) => ({ queue: r.queue, state: r.state, jobs: Number(r.jobs) }));
}

export interface ReplicationLag {
  /** On a primary: each streaming standby's replay lag (pg_stat_replication.replay_lag; 0 when caught up). */
  standbys: { name: string; lagSeconds: number }[];
  /** When this connection is to a standby: how far its replay is behind, 0 when it has replayed all it received. */
  standbyLagSeconds: number | null;
}

export async function replicationLag(db: Executor): Promise<ReplicationLag> {
  const [role] = await queryRows<{ recovering: boolean }>(db, sql`select pg_is_in_recovery() as recovering`);
  if (role?.recovering) {
    const [row] = await queryRows<{ lag: number | string | null }>(
      db,
      sql`select case
                   when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
                   else extract(epoch from (now() - pg_last_xact_replay_timestamp()))
                 end::float8 as lag`,
    );
    return {
      standbys: [],
      standbyLagSeconds: row?.lag === null || row?.lag === undefined ? null : Number(row.lag),
    };
  }
  const rows = await queryRows<{ name: string; lag: number | string | null }>(
    db,
    sql`select coalesce(nullif(application_name, ''), client_addr::text, pid::text) as name,
               coalesce(extract(epoch from replay_lag), 0)::float8 as lag
        from pg_stat_replication order by 1`,
  );
  return {
    standbys: rows.map((r) => ({ name: r.name, lagSeconds: Number(r.lag ?? 0) })),
    standbyLagSeconds: null,
  };
}
