/**
 * `npm run seed` on PostgreSQL writes with COPY (src/demo/bulk-writers.ts), the demo seed with JSON
 * inserts. Both must produce the same rows, or the benchmark would measure different data than
 * the app shows — and a column added later must not break the COPY path (it did once: closed_reason).
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { DbHandle } from '../../src/db/client.ts';
import { queryRows } from '../../src/db/client.ts';
import { copyWriter } from '../../src/demo/bulk-writers.ts';
import { seedDemoIfEmpty, seedJobs, seedOffices } from '../../src/demo/seed.ts';
import { openTestDatabase } from '../support/database.ts';
import { createTestContext, DEFAULT_NOW } from '../support/test-app.ts';

async function snapshot(handle: DbHandle) {
  const employers = await queryRows<{ row: unknown }>(
    handle.db,
    sql`select to_jsonb(e) as row from employers e order by establishment_number`,
  );
  const postings = await queryRows<{ row: unknown }>(
    handle.db,
    sql`select to_jsonb(p) - 'id' as row from job_postings p order by job_number`,
  );
  const search = await queryRows<{ row: unknown }>(
    handle.db,
    sql`select to_jsonb(s) - 'job_id' as row from job_search s join job_postings p on p.id = s.job_id order by p.job_number`,
  );
  return { employers, postings, search };
}

describe('G demo data: the seed of `npm start`', () => {
  it('writes offices, the demo accounts and SEED_JOBS jobs once, leaving the keyword index in place', async () => {
    const ctx = await createTestContext({ env: { SEED_JOBS: '150' } });
    try {
      expect(await seedDemoIfEmpty(ctx.deps)).toBe(true);
      const [counts] = await queryRows<{ jobs: number; searchable: number; offices: number; staff: number }>(
        ctx.db,
        sql`select (select count(*) from job_postings) as jobs, (select count(*) from job_search) as searchable,
                   (select count(*) from offices) as offices, (select count(*) from staff_members) as staff`,
      );
      // 150 generated, plus the demo employer's own few.
      expect(counts!.jobs).toBeGreaterThanOrEqual(150);
      expect(counts!.jobs).toBeLessThan(160);
      expect(counts!.staff).toBe(1);
      expect(counts!.offices).toBeGreaterThanOrEqual(47);
      expect(counts!.searchable).toBeGreaterThan(100);
      const indexes = await queryRows<{ indexname: string }>(
        ctx.db,
        sql`select indexname from pg_indexes where tablename = 'job_search' and indexname = 'job_search_tokens_idx'`,
      );
      expect(indexes).toHaveLength(1);
      // A second start finds data and writes nothing.
      expect(await seedDemoIfEmpty(ctx.deps)).toBe(false);
      const [again] = await queryRows<{ jobs: number }>(
        ctx.db,
        sql`select count(*) as jobs from job_postings`,
      );
      expect(again!.jobs).toBe(counts!.jobs);
    } finally {
      await ctx.close();
    }
  });
});

describe.runIf(process.env.DATABASE_URL)('G demo data: the bulk COPY writer', () => {
  it('writes the same employers, 求人票 and search rows as the JSON writer, column defaults included', async () => {
    const json = await openTestDatabase();
    const copy = await openTestDatabase();
    try {
      if (copy.kind !== 'postgres') throw new Error('PostgreSQL expected');
      const now = new Date(DEFAULT_NOW);
      for (const h of [json, copy]) await seedOffices(h.db);
      await seedJobs(json.db, { total: 240, now, batchSize: 100 });
      await seedJobs(copy.db, {
        total: 240,
        now,
        batchSize: 100,
        writer: copyWriter(copy.pool),
        parallel: 2,
      });
      const a = await snapshot(json);
      const b = await snapshot(copy);
      expect(a.postings).toHaveLength(240);
      expect(a.search.length).toBeGreaterThan(200);
      expect(b.employers).toEqual(a.employers);
      expect(b.postings).toEqual(a.postings);
      expect(b.search).toEqual(a.search);
      expect(b.postings.every((p) => (p.row as { closed_reason: unknown }).closed_reason === '')).toBe(true);
    } finally {
      await json.close();
      await copy.close();
    }
  });
});
