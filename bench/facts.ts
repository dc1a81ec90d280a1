/** Facts about the machine, the PostgreSQL server and the dataset, for the report. */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../src/db/client.ts';
import { migrationsFolder } from '../src/db/migrate.ts';

export interface MachineFacts {
  cpus: number;
  cpuModel: string;
  memoryBytes: number;
  platform: string;
  node: string;
}

export function machineFacts(): MachineFacts {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryBytes: os.totalmem(),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

/** Settings that shape the plans and timings. */
export const KEY_SETTINGS = [
  'shared_buffers',
  'effective_cache_size',
  'work_mem',
  'maintenance_work_mem',
  'random_page_cost',
  'effective_io_concurrency',
  'max_parallel_workers_per_gather',
  'jit',
  'lc_ctype',
] as const;

export interface ServerFacts {
  version: string;
  settings: { name: string; value: string }[];
}

export async function serverFacts(db: Database): Promise<ServerFacts> {
  const [v] = await queryRows<{ version: string }>(db, sql`select version()`);
  const settings = await queryRows<{ name: string; value: string }>(
    db,
    sql`select name, current_setting(name) as value from pg_settings where name in (${sql.join(
      KEY_SETTINGS.map((n) => sql`${n}`),
      sql`, `,
    )}) order by name`,
  );
  return { version: v?.version ?? 'unknown', settings };
}

export interface DatasetFacts {
  searchRows: number;
  postings: number;
  acceptedFrom: string;
  acceptedTo: string;
  avgBodyChars: number;
}

export async function datasetFacts(db: Database): Promise<DatasetFacts> {
  const [s] = await queryRows<{ n: number; a: string; b: string; body: number }>(
    db,
    sql`select count(*)::int as n, min(accepted_on)::text as a, max(accepted_on)::text as b,
      round(avg(length(body)))::int as body from job_search`,
  );
  const [p] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from job_postings`);
  return {
    searchRows: s?.n ?? 0,
    postings: p?.n ?? 0,
    acceptedFrom: s?.a ?? '',
    acceptedTo: s?.b ?? '',
    avgBodyChars: s?.body ?? 0,
  };
}

export interface RelationSize {
  name: string;
  what: string;
  bytes: number;
}

/** Sizes of job_search, its TOAST table and its indexes (the trigram index if it exists). */
export async function relationSizes(db: Database): Promise<RelationSize[]> {
  const rows = await queryRows<{ name: string; what: string; bytes: number }>(
    db,
    sql`
    select c.relname as name, 'table (heap)' as what, pg_relation_size(c.oid)::bigint as bytes
      from pg_class c where c.oid = 'job_search'::regclass
    union all
    select 'TOAST of job_search', 'TOAST table + its index',
      (pg_relation_size(c.reltoastrelid) + coalesce((select sum(pg_relation_size(i.indexrelid))
        from pg_index i where i.indrelid = c.reltoastrelid), 0))::bigint
      from pg_class c where c.oid = 'job_search'::regclass and c.reltoastrelid <> 0
    union all
    select ic.relname, 'index: ' || am.amname || ' ' || regexp_replace(pg_get_indexdef(ic.oid), '^.* USING \\w+ ', ''),
      pg_relation_size(ic.oid)::bigint
      from pg_index i join pg_class ic on ic.oid = i.indexrelid join pg_am am on am.oid = ic.relam
      where i.indrelid = 'job_search'::regclass
    union all
    select 'total', 'pg_total_relation_size(job_search)', pg_total_relation_size('job_search')::bigint`,
  );
  return rows.map((r) => ({ ...r, bytes: Number(r.bytes) }));
}

/** Whether job_search and its GIN index are there (the seed builds the index last). */
export async function readiness(
  db: Database,
): Promise<{ table: boolean; gin: boolean; trgmExtension: boolean }> {
  const [r] = await queryRows<{ t: boolean; g: boolean; x: boolean }>(
    db,
    sql`select to_regclass('public.job_search') is not null as t,
      exists (select 1 from pg_index i join pg_class c on c.oid = i.indexrelid
        where c.relname = 'job_search_tokens_idx' and i.indisvalid) as g,
      exists (select 1 from pg_available_extensions where name = 'pg_trgm') as x`,
  );
  return { table: !!r?.t, gin: !!r?.g, trgmExtension: !!r?.x };
}

/** What changes when job_search is rewritten or swapped (filenode) or re-analysed. */
export async function tableIdentity(db: Database): Promise<{ filenode: string; analyzed: string }> {
  const [r] = await queryRows<{ filenode: string; analyzed: string | null }>(
    db,
    sql`select pg_relation_filenode('job_search')::text as filenode,
      greatest(last_analyze, last_autoanalyze)::text as analyzed
      from pg_stat_user_tables where relid = 'job_search'::regclass`,
  );
  return { filenode: r?.filenode ?? '', analyzed: r?.analyzed ?? '' };
}

/**
 * Migrations in ./drizzle that the benchmark database has not had yet. The harness never migrates
 * that database itself (a migration may rewrite job_search for minutes, and the database is
 * shared), and neither may the web server it starts for the HTTP test, whose boot would.
 */
export async function pendingMigrations(db: Database): Promise<string[]> {
  const journal = JSON.parse(
    await readFile(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
  ) as {
    entries: { tag: string; when: number }[];
  };
  let applied = 0;
  try {
    const [row] = await queryRows<{ at: string | null }>(
      db,
      sql`select max(created_at)::text as at from drizzle.__drizzle_migrations`,
    );
    applied = Number(row?.at ?? 0);
  } catch {
    applied = 0;
  }
  return journal.entries.filter((e) => e.when > applied).map((e) => e.tag);
}
