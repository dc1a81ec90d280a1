/**
 * The index build's progress as PostgreSQL reports it (issue 13). PostgreSQL only: PGlite runs one
 * query at a time, so nothing can watch a build there (and the embedded seed is small).
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type IndexProgress, watchIndexBuild } from '../../src/db/index-progress.ts';
import { createTestContext } from '../support/test-app.ts';

describe.skipIf(!process.env.DATABASE_URL)('watchIndexBuild on PostgreSQL', () => {
  it('reports the phases of a running CREATE INDEX', async () => {
    const ctx = await createTestContext();
    try {
      const handle = ctx.deps.dbHandle;
      if (handle.kind !== 'postgres') throw new Error('expected PostgreSQL');
      await ctx.deps.db.execute(
        sql`create table progress_probe as select g as n, md5(g::text) as t from generate_series(1, 4000) g`,
      );
      const seen: IndexProgress[] = [];
      const stop = watchIndexBuild(handle.pool, (p) => seen.push(p), 20);
      // Slow enough to be sampled on any machine: every row sleeps a little in the index expression.
      await ctx.deps.db.execute(
        sql`create function slow_md5(text) returns text immutable language sql as $$ select md5($1) from (select pg_sleep(0.0001)) s $$`,
      );
      await ctx.deps.db.execute(sql`create index progress_probe_idx on progress_probe (slow_md5(t))`);
      await stop();
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.some((p) => p.phase.startsWith('building index'))).toBe(true);
      for (const p of seen) expect(p.done).toBeLessThanOrEqual(Math.max(p.total, p.done));
    } finally {
      await ctx.close();
    }
  }, 120_000);
});
