/**
 * Index builds the benchmark times: the pg_trgm baseline's index (an object of the benchmark's
 * own, dropped again after the run unless BENCH_KEEP_TRGM=1) and, on request, a REINDEX of the
 * bigram GIN index the application uses.
 */
import { sql } from 'drizzle-orm';
import { type DbHandle, queryRows } from '../src/db/client.ts';

export const TRGM_INDEX = 'bench_body_trgm_idx';
export const GIN_INDEX = 'job_search_tokens_idx';
/** The same memory the seed gives its GIN build (src/cli.ts createSearchIndexes). */
export const BUILD_MEMORY = '1GB';

export async function trigramIndexExists(handle: DbHandle): Promise<boolean> {
  const [row] = await queryRows<{ e: boolean }>(
    handle.db,
    sql`select to_regclass(${`public.${TRGM_INDEX}`}) is not null as e`,
  );
  return !!row?.e;
}

/**
 * Drops the trigram index: ours and the ILIKE baseline are measured without it, because the
 * planner would otherwise use it for `body LIKE/ILIKE` and neither production nor a plain scan
 * has it.
 */
export async function dropTrigramIndex(handle: DbHandle): Promise<void> {
  await handle.db.execute(sql.raw(`drop index if exists ${TRGM_INDEX}`));
}

/** Builds the trigram index on one dedicated connection and returns the seconds it took. */
export async function buildTrigramIndex(handle: DbHandle): Promise<number> {
  if (handle.kind !== 'postgres') throw new Error('the benchmark needs PostgreSQL');
  const client = await handle.pool.connect();
  try {
    await client.query('create extension if not exists pg_trgm');
    await client.query(`set maintenance_work_mem = '${BUILD_MEMORY}'`);
    await client.query('set statement_timeout = 0');
    const started = performance.now();
    await client.query(`create index ${TRGM_INDEX} on job_search using gin (body gin_trgm_ops)`);
    const seconds = (performance.now() - started) / 1000;
    await client.query('reset maintenance_work_mem');
    await client.query('reset statement_timeout');
    return seconds;
  } finally {
    client.release();
  }
}

/**
 * REINDEX of the application's GIN index (BENCH_REINDEX=1 only: it blocks searches and writes on
 * job_search while it runs).
 */
export async function reindexGin(handle: DbHandle): Promise<number> {
  if (handle.kind !== 'postgres') throw new Error('the benchmark needs PostgreSQL');
  const client = await handle.pool.connect();
  try {
    await client.query(`set maintenance_work_mem = '${BUILD_MEMORY}'`);
    await client.query('set statement_timeout = 0');
    const started = performance.now();
    await client.query(`reindex index ${GIN_INDEX}`);
    const seconds = (performance.now() - started) / 1000;
    await client.query('reset maintenance_work_mem');
    await client.query('reset statement_timeout');
    return seconds;
  } finally {
    client.release();
  }
}
