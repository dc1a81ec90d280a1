/**
 * The database handle: PostgreSQL through a pg pool when DATABASE_URL is set, otherwise the
 * embedded PGlite in DATA_DIR. Both are driven through the same Drizzle API; code above the
 * repositories never knows which one it has.
 */
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { type ExtractTablesWithRelations, type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { createPool } from './multi-host.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything repositories can run queries on: the database or an open transaction. */
export type Executor = Database | Transaction;

export type DbHandle =
  | { kind: 'pglite'; db: Database; pglite: PGlite; close(): Promise<void> }
  | { kind: 'postgres'; db: Database; pool: pg.Pool; url: string; close(): Promise<void> };

// int8 (count(*), sums) as JS numbers on node-postgres; PGlite already returns numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
// Keep `date` as 'YYYY-MM-DD' text on both engines (no timezone shifts through JS Date).
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob } = {}): Promise<DbHandle> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const pglite = new PGlite({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    parsers: { 1082: (v: string) => v },
  });
  await pglite.waitReady;
  const db = drizzlePglite({ client: pglite, schema, casing: 'snake_case' }) as unknown as Database;
  return { kind: 'pglite', db, pglite, close: () => pglite.close() };
}

export async function openPostgres(url: string, poolMax = 10): Promise<DbHandle> {
  // A multi-host URL (ADR 0030) connects to whichever host takes writes.
  const pool = createPool(url, { max: poolMax, connectionTimeoutMillis: 5000 });
  // An idle client that loses its server must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const client = await pool.connect();
  client.release();
  const db = drizzlePg({ client: pool, schema, casing: 'snake_case' }) as unknown as Database;
  return { kind: 'postgres', db, pool, url, close: () => pool.end() };
}

/**
 * Runs raw SQL and returns its rows. Both drivers answer `{ rows }`; the generic Database type
 * cannot know that, so this is the one place that says so.
 */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Readiness: resolves when the database answers a trivial query. */
export async function pingDatabase(db: Executor): Promise<void> {
  await db.execute(sql`select 1`);
}

/** Refreshes the planner statistics of tables after a bulk load. */
export async function analyzeTables(db: Executor, tables: readonly string[]): Promise<void> {
  for (const table of tables) await db.execute(sql`analyze ${sql.identifier(table)}`);
}
