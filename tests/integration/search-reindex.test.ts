/**
 * The search index kept in step with the jobs (SR-1, SR-4, ST-3): one job at a time, a full
 * rebuild (`npm run cli -- search:reindex`), the daily removal of expired rows, and the keyword
 * index itself. Every job here has explicit dates, so the counts are exact.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { jobPostings } from '../../src/db/schema/index.ts';
import { reindexAllJobs, reindexJob } from '../../src/modules/search/reindex-job.ts';
import {
  createSearchIndex,
  deleteExpiredSearchRows,
  dropSearchIndex,
  findJobToIndex,
  listJobsToIndex,
} from '../../src/modules/search/search.repository.ts';
import { createJob, createJobsInBulk } from '../support/factories.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

const DATES = { acceptedOn: '2026-11-02', referralDeadline: '2027-01-31' };

const indexed = async (ctx: TestContext, jobId: number) => {
  const rows = await queryRows<{ body: string; wage_monthly: number; referral_deadline: string }>(
    ctx.db,
    sql`select body, wage_monthly, referral_deadline::text as referral_deadline from job_search where job_id = ${jobId}`,
  );
  return rows[0];
};
const searchIndex = async (ctx: TestContext) => {
  const rows = await queryRows<{ options: string[] | null }>(
    ctx.db,
    sql`select c.reloptions as options from pg_class c join pg_indexes i on i.indexname = c.relname
        where i.tablename = 'job_search' and i.indexname = 'job_search_tokens_idx'`,
  );
  return rows[0];
};

describe('SR-1 ST-3 one job: reindexJob', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx?.close());

  it('SR-1 an open public job is indexed; its changes replace its row', async () => {
    const job = await createJob(ctx.deps, {
      ...DATES,
      title: '索引前題名',
      wageType: 'monthly',
      wageMin: 200000,
    });
    expect(await reindexJob(ctx.db, job.id, ctx.clock.now())).toBe('indexed');
    expect((await indexed(ctx, job.id))?.body).toContain('索引前題名');
    await ctx.db
      .update(jobPostings)
      .set({ title: '索引後題名', wageMin: 230000, wageMax: 260000, referralDeadline: '2027-01-15' })
      .where(eq(jobPostings.id, job.id));
    expect(await reindexJob(ctx.db, job.id, ctx.clock.now())).toBe('indexed');
    const row = await indexed(ctx, job.id);
    expect(row?.body).toContain('索引後題名');
    expect(row?.body).not.toContain('索引前題名');
    expect(row?.wage_monthly).toBe(230000);
    expect(row?.referral_deadline).toBe('2027-01-15');
  });

  it('ST-3 SR-4 a 取下げ, 無効 or 公開範囲 3 job leaves the index', async () => {
    for (const change of [
      { status: 'withdrawn' as const, closedOn: '2026-11-21' },
      { status: 'invalid' as const, closedOn: '2026-11-21' },
      { publicationScope: 'private' as const },
    ]) {
      const job = await createJob(ctx.deps, DATES);
      expect(await indexed(ctx, job.id)).toBeDefined();
      await ctx.db.update(jobPostings).set(change).where(eq(jobPostings.id, job.id));
      expect(await reindexJob(ctx.db, job.id, ctx.clock.now())).toBe('removed');
      expect(await indexed(ctx, job.id)).toBeUndefined();
    }
  });

  it('SR-1 a job stays in search through its 紹介期限日 (Tokyo), and leaves at midnight', async () => {
    const job = await createJob(ctx.deps, { acceptedOn: '2026-11-02', referralDeadline: '2026-11-30' });
    expect(await reindexJob(ctx.db, job.id, new Date('2026-11-30T14:59:00Z'))).toBe('indexed');
    expect(await reindexJob(ctx.db, job.id, new Date('2026-11-30T15:00:00Z'))).toBe('removed');
    expect(await indexed(ctx, job.id)).toBeUndefined();
  });

  it('SR-1 an unknown job id removes nothing else and reports removed', async () => {
    const job = await createJob(ctx.deps, DATES);
    expect(await reindexJob(ctx.db, 987_654_321, ctx.clock.now())).toBe('removed');
    expect(await findJobToIndex(ctx.db, 987_654_321)).toBeUndefined();
    expect(await indexed(ctx, job.id)).toBeDefined();
  });

  it('SR-1 the jobs to index come in id order after the given id, at most the limit, with their employer', async () => {
    const a = await createJob(ctx.deps, DATES);
    const b = await createJob(ctx.deps, DATES, a.employer);
    const c = await createJob(ctx.deps, DATES);
    const after = await listJobsToIndex(ctx.db, a.id, 2);
    expect(after.map((r) => r.job.id)).toEqual([b.id, c.id]);
    expect(after[0]?.employerName).toBe(a.employer.name);
    expect(after[0]?.employeesTotal).toBe(a.employer.employeesTotal);
    expect((await listJobsToIndex(ctx.db, c.id, 10)).map((r) => r.job.id)).toEqual([]);
    expect((await findJobToIndex(ctx.db, b.id))?.employerName).toBe(a.employer.name);
  });

  it('SR-1 the daily housekeeping removes the rows whose 紹介期限日 has passed, keeps today’s, and counts them', async () => {
    const past = await createJob(ctx.deps, { acceptedOn: '2026-10-01', referralDeadline: '2026-11-24' });
    const alsoPast = await createJob(ctx.deps, { acceptedOn: '2026-10-01', referralDeadline: '2026-11-23' });
    const today = await createJob(ctx.deps, { acceptedOn: '2026-10-01', referralDeadline: '2026-11-25' });
    const later = await createJob(ctx.deps, DATES);
    expect(await deleteExpiredSearchRows(ctx.db, '2026-11-25')).toBe(2);
    expect(await indexed(ctx, past.id)).toBeUndefined();
    expect(await indexed(ctx, alsoPast.id)).toBeUndefined();
    expect(await indexed(ctx, today.id)).toBeDefined();
    expect(await indexed(ctx, later.id)).toBeDefined();
    expect(await deleteExpiredSearchRows(ctx.db, '2026-11-25')).toBe(0);
  });

  it('SR-1 the keyword index: dropped and built again (fastupdate off), either of them twice without error', async () => {
    expect(await searchIndex(ctx)).toEqual({ options: ['fastupdate=off'] });
    await dropSearchIndex(ctx.db);
    await dropSearchIndex(ctx.db);
    expect(await searchIndex(ctx)).toBeUndefined();
    await createSearchIndex(ctx.db);
    await createSearchIndex(ctx.db);
    expect(await searchIndex(ctx)).toEqual({ options: ['fastupdate=off'] });
  });

  it('SR-1 a large build may ask for 1 GB of maintenance memory; by default it keeps the server’s', async () => {
    const memory = async () =>
      (await queryRows<{ m: string }>(ctx.db, sql`select current_setting('maintenance_work_mem') as m`))[0]!
        .m;
    const before = await memory();
    expect(before).not.toBe('1GB');
    await ctx.db.transaction(async (tx) => {
      await dropSearchIndex(tx);
      await createSearchIndex(tx);
      const [kept] = await queryRows<{ m: string }>(
        tx,
        sql`select current_setting('maintenance_work_mem') as m`,
      );
      expect(kept!.m).toBe(before);
      await dropSearchIndex(tx);
      await createSearchIndex(tx, '1GB');
      const [raised] = await queryRows<{ m: string }>(
        tx,
        sql`select current_setting('maintenance_work_mem') as m`,
      );
      expect(raised!.m).toBe('1GB');
      await tx.execute(sql`reset maintenance_work_mem`);
    });
    expect(await searchIndex(ctx)).toEqual({ options: ['fastupdate=off'] });
  });
});

describe('SR-1 SR-4 ST-3 every job: reindexAllJobs (search:reindex)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx?.close());

  it('SR-1 SR-4 ST-3 rebuilds every row from its job: closed, 公開範囲 3 and expired jobs leave, edits are picked up', async () => {
    const numbers = await createJobsInBulk(ctx.deps, 1_004, (i) => ({
      ...DATES,
      title: `全件再索引 ${String(i).padStart(4, '0')}`,
    }));
    const jobs = await ctx.db
      .select({ id: jobPostings.id, jobNumber: jobPostings.jobNumber })
      .from(jobPostings)
      .where(inArray(jobPostings.jobNumber, numbers))
      .orderBy(jobPostings.id);
    expect(jobs).toHaveLength(1_004);
    const [closed, hidden, expired, edited] = [jobs[3]!, jobs[500]!, jobs[1_001]!, jobs[1_003]!];
    // Changed behind the index's back (as before a rule change), so only the rebuild can notice.
    await ctx.db
      .update(jobPostings)
      .set({ status: 'withdrawn', closedOn: '2026-11-21' })
      .where(eq(jobPostings.id, closed.id));
    await ctx.db
      .update(jobPostings)
      .set({ publicationScope: 'private' })
      .where(eq(jobPostings.id, hidden.id));
    await ctx.db
      .update(jobPostings)
      .set({ acceptedOn: '2026-09-01', referralDeadline: '2026-11-20' })
      .where(eq(jobPostings.id, expired.id));
    await ctx.db.update(jobPostings).set({ title: '編集後題名' }).where(eq(jobPostings.id, edited.id));
    for (const j of [closed, hidden, expired]) expect(await indexed(ctx, j.id)).toBeDefined();

    const progress: number[] = [];
    const result = await reindexAllJobs(ctx.db, ctx.clock.now(), (done) => progress.push(done));
    expect(result).toEqual({ indexed: 1_001, removed: 3 });
    expect(progress).toEqual([1_000, 1_004]);
    for (const j of [closed, hidden, expired]) expect(await indexed(ctx, j.id)).toBeUndefined();
    expect((await indexed(ctx, edited.id))?.body).toContain('編集後題名');
    expect((await indexed(ctx, jobs[1_002]!.id))?.body).toContain('全件再索引 1002');
    const [count] = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from job_search`);
    expect(count!.n).toBe(1_001);
    expect(await searchIndex(ctx)).toEqual({ options: ['fastupdate=off'] });
  }, 120_000);

  it('SR-1 a rebuild builds the keyword index even when it was missing, and a second rebuild changes nothing', async () => {
    await dropSearchIndex(ctx.db);
    expect(await reindexAllJobs(ctx.db, ctx.clock.now())).toEqual({ indexed: 1_001, removed: 3 });
    expect(await searchIndex(ctx)).toEqual({ options: ['fastupdate=off'] });
    const [count] = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from job_search`);
    expect(count!.n).toBe(1_001);
  }, 120_000);
});
