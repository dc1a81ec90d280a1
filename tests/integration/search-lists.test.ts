/**
 * A seeker's lists (SR-2 検索条件保存, SR-3 お気に入り) through their use cases and repository, on the
 * database: order, limits, and that one seeker never sees or changes another's rows.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { jobPostings, savedSearches } from '../../src/db/schema/index.ts';
import { search as jaSearch } from '../../src/i18n/ja/search.ts';
import { addFavorite } from '../../src/modules/search/add-favorite.ts';
import { runSearch } from '../../src/modules/search/run-search.ts';
import { saveSearch } from '../../src/modules/search/save-search.ts';
import { searchSchema, searchValues } from '../../src/modules/search/search.schemas.ts';
import {
  countFavorites,
  countSavedSearches,
  deleteFavorite,
  deleteSavedSearch,
  favoriteJobIdsAmong,
  hasFavorite,
  insertFavorite,
  listFavoriteJobIds,
  listSavedSearches,
  lockSeekerLists,
} from '../../src/modules/search/seeker-lists.repository.ts';
import { createJob, createJobsInBulk, createSeeker } from '../support/factories.ts';
import { createTestContext, DEFAULT_NOW, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());
afterEach(() => ctx.clock.set(DEFAULT_NOW));

const at = (iso: string) => new Date(iso);
const seekerId = async () => (await createSeeker(ctx.deps)).seeker.id;
const jobIds = async (n: number) => {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await createJob(ctx.deps)).id);
  return out;
};
const save = (id: string, query: string, name?: string) =>
  saveSearch(ctx.deps, {
    seekerId: id,
    query,
    defaultName: jaSearch.saved.defaultName,
    ...(name ? { name } : {}),
  });

describe('SR-2 検索条件保存', () => {
  it('SR-2 three patterns fit, the fourth is refused and not stored; unnamed ones are numbered 検索条件N', async () => {
    const id = await seekerId();
    expect(await save(id, 'kw=介護')).toBe('added');
    ctx.clock.advanceMinutes(1);
    expect(await save(id, 'pref=13', '東京の求人')).toBe('added');
    ctx.clock.advanceMinutes(1);
    expect(await save(id, 'wage=200000')).toBe('added');
    expect(await countSavedSearches(ctx.db, id)).toBe(3);
    expect(await save(id, 'kw=看護', '四つ目')).toBe('full');
    const list = await listSavedSearches(ctx.db, id);
    expect(list.map((s) => [s.name, s.query])).toEqual([
      ['検索条件1', 'kw=介護'],
      ['東京の求人', 'pref=13'],
      ['検索条件3', 'wage=200000'],
    ]);
    expect(list.every((s) => s.seekerId === id)).toBe(true);
  });

  it('SR-2 a query that is not a valid search is not saved', async () => {
    const id = await seekerId();
    expect(await save(id, `kw=${encodeURIComponent('あ'.repeat(51))}`, '長すぎる')).toBe('invalid_query');
    expect(await save(id, 'wage=abc')).toBe('invalid_query');
    expect(await countSavedSearches(ctx.db, id)).toBe(0);
  });

  it('SR-2 patterns are listed oldest first, stamped with the clock of the save', async () => {
    const id = await seekerId();
    ctx.clock.set('2026-11-21T15:10:00Z');
    await save(id, 'kw=a', '二番目');
    ctx.clock.set('2026-11-21T14:50:00Z');
    await save(id, 'kw=b', '一番目');
    ctx.clock.set('2026-11-21T23:59:00Z');
    await save(id, 'kw=c', '三番目');
    const list = await listSavedSearches(ctx.db, id);
    expect(list.map((s) => s.name)).toEqual(['一番目', '二番目', '三番目']);
    expect(list.map((s) => s.createdAt.toISOString())).toEqual([
      '2026-11-21T14:50:00.000Z',
      '2026-11-21T15:10:00.000Z',
      '2026-11-21T23:59:00.000Z',
    ]);
  });

  it('SR-2 another seeker’s patterns are neither listed, counted, nor deletable', async () => {
    const mine = await seekerId();
    const theirs = await seekerId();
    for (const q of ['kw=1', 'kw=2', 'kw=3']) {
      await save(theirs, q);
      ctx.clock.advanceMinutes(1);
    }
    expect(await countSavedSearches(ctx.db, mine)).toBe(0);
    expect(await listSavedSearches(ctx.db, mine)).toEqual([]);
    expect(await save(mine, 'kw=4')).toBe('added');
    const [theirFirst] = await listSavedSearches(ctx.db, theirs);
    await deleteSavedSearch(ctx.db, mine, theirFirst!.id);
    expect(await countSavedSearches(ctx.db, theirs)).toBe(3);
    await deleteSavedSearch(ctx.db, theirs, theirFirst!.id);
    expect((await listSavedSearches(ctx.db, theirs)).map((s) => s.query)).toEqual(['kw=2', 'kw=3']);
    const rows = await ctx.db.select().from(savedSearches).where(eq(savedSearches.seekerId, mine));
    expect(rows.map((r) => r.query)).toEqual(['kw=4']);
  });
});

describe('SR-3 お気に入り', () => {
  it('SR-3 listed newest first (the higher job id first when saved at the same instant), the seeker’s own only', async () => {
    const id = await seekerId();
    const other = await seekerId();
    const [a, b, c, d] = await jobIds(4);
    await insertFavorite(ctx.db, id, b!, at('2026-11-21T16:00:00Z'));
    await insertFavorite(ctx.db, id, a!, at('2026-11-21T18:00:00Z'));
    await insertFavorite(ctx.db, id, d!, at('2026-11-21T15:00:00Z'));
    await insertFavorite(ctx.db, id, c!, at('2026-11-21T16:00:00Z'));
    await insertFavorite(ctx.db, other, a!, at('2026-11-21T19:00:00Z'));
    expect(await listFavoriteJobIds(ctx.db, id)).toEqual([a, c, b, d]);
    expect(await listFavoriteJobIds(ctx.db, other)).toEqual([a]);
    expect(await countFavorites(ctx.db, id)).toBe(4);
    expect(await countFavorites(ctx.db, other)).toBe(1);
  });

  it('SR-3 a job is kept once; removing it removes only this seeker’s', async () => {
    const id = await seekerId();
    const other = await seekerId();
    const [a, b] = await jobIds(2);
    await insertFavorite(ctx.db, id, a!, at('2026-11-21T10:00:00Z'));
    await insertFavorite(ctx.db, id, a!, at('2026-11-21T11:00:00Z'));
    await insertFavorite(ctx.db, id, b!, at('2026-11-21T12:00:00Z'));
    await insertFavorite(ctx.db, other, a!, at('2026-11-21T10:00:00Z'));
    expect(await countFavorites(ctx.db, id)).toBe(2);
    expect(await hasFavorite(ctx.db, id, a!)).toBe(true);
    await deleteFavorite(ctx.db, id, a!);
    expect(await hasFavorite(ctx.db, id, a!)).toBe(false);
    expect(await hasFavorite(ctx.db, id, b!)).toBe(true);
    expect(await hasFavorite(ctx.db, other, a!)).toBe(true);
    expect(await listFavoriteJobIds(ctx.db, id)).toEqual([b]);
  });

  it('SR-3 which of the shown jobs the seeker keeps: only among those asked, only their own', async () => {
    const id = await seekerId();
    const other = await seekerId();
    const [a, b, c, d] = await jobIds(4);
    await insertFavorite(ctx.db, id, a!, ctx.clock.now());
    await insertFavorite(ctx.db, id, c!, ctx.clock.now());
    await insertFavorite(ctx.db, id, d!, ctx.clock.now());
    await insertFavorite(ctx.db, other, b!, ctx.clock.now());
    expect(await favoriteJobIdsAmong(ctx.db, id, [a!, b!, c!])).toEqual(new Set([a, c]));
    expect(await favoriteJobIdsAmong(ctx.db, id, [])).toEqual(new Set());
    expect(await favoriteJobIdsAmong(ctx.db, other, [a!, b!, c!, d!])).toEqual(new Set([b]));
  });

  it('SR-3 search results mark the seeker’s お気に入り, and nobody else’s', async () => {
    const id = await seekerId();
    const other = await seekerId();
    const mark = `印${Date.now().toString(36)}`;
    const kept = await createJob(ctx.deps, { title: `保存済み ${mark}` });
    const notKept = await createJob(ctx.deps, { title: `未保存 ${mark}` });
    await insertFavorite(ctx.db, id, kept.id, ctx.clock.now());
    await insertFavorite(ctx.db, other, notKept.id, ctx.clock.now());
    const parsed = searchSchema.safeParse(searchValues(new URLSearchParams({ kw: mark })));
    if (!parsed.success) throw new Error('invalid search');
    const results = await runSearch(ctx.deps, { conditions: parsed.data, audience: 'public', seekerId: id });
    expect(results.cards.map((c) => c.id).sort()).toEqual([kept.id, notKept.id].sort());
    expect(results.favorites).toEqual(new Set([kept.id]));
    const anonymous = await runSearch(ctx.deps, { conditions: parsed.data, audience: 'public' });
    expect(anonymous.favorites).toEqual(new Set());
  });

  it('SR-3 addFavorite: by 求人番号 (full-width digits and spaces accepted), once, stamped with the clock', async () => {
    const id = await seekerId();
    const job = await createJob(ctx.deps);
    const wide = ` ${job.jobNumber.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))} `;
    ctx.clock.set('2026-11-21T15:30:00Z');
    expect(await addFavorite(ctx.deps, { seekerId: id, jobNumber: wide })).toBe('added');
    expect(await addFavorite(ctx.deps, { seekerId: id, jobNumber: job.jobNumber })).toBe('already');
    const [row] = await queryRows<{ created_at: string }>(
      ctx.db,
      sql`select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI') as created_at from favorites where seeker_id = ${id}`,
    );
    expect(row?.created_at).toBe('2026-11-21T15:30');
    expect(await countFavorites(ctx.db, id)).toBe(1);
  });

  it('SR-3 SR-4 only a job in search can be added: not an unknown, malformed, 公開範囲 3, 取下げ or past-deadline one', async () => {
    const id = await seekerId();
    const hidden = await createJob(ctx.deps, { publicationScope: 'private' });
    const withdrawn = await createJob(ctx.deps);
    await ctx.db
      .update(jobPostings)
      .set({ status: 'withdrawn', closedOn: '2026-11-21' })
      .where(eq(jobPostings.id, withdrawn.id));
    const expired = await createJob(ctx.deps, { acceptedOn: '2026-09-01', referralDeadline: '2026-11-20' });
    const lastDay = await createJob(ctx.deps, { acceptedOn: '2026-09-01', referralDeadline: '2026-11-21' });
    for (const jobNumber of [
      '99999-99999999',
      'not a number',
      '',
      hidden.jobNumber,
      withdrawn.jobNumber,
      expired.jobNumber,
    ])
      expect(await addFavorite(ctx.deps, { seekerId: id, jobNumber })).toBe('unknown_job');
    expect(await countFavorites(ctx.db, id)).toBe(0);
    expect(await addFavorite(ctx.deps, { seekerId: id, jobNumber: lastDay.jobNumber })).toBe('added');
  });

  it('SR-3 the 300th fits, the 301st is refused and not stored; another seeker’s 300 do not count', async () => {
    const id = await seekerId();
    const other = await seekerId();
    const numbers = await createJobsInBulk(ctx.deps, 301);
    const rows = await ctx.db
      .select({ id: jobPostings.id, jobNumber: jobPostings.jobNumber })
      .from(jobPostings)
      .where(inArray(jobPostings.jobNumber, numbers));
    const byNumber = new Map(rows.map((r) => [r.jobNumber, r.id]));
    for (const n of numbers.slice(0, 299))
      await insertFavorite(ctx.db, id, byNumber.get(n)!, ctx.clock.now());
    for (const n of numbers.slice(0, 300))
      await insertFavorite(ctx.db, other, byNumber.get(n)!, ctx.clock.now());
    expect(await addFavorite(ctx.deps, { seekerId: id, jobNumber: numbers[299]! })).toBe('added');
    expect(await addFavorite(ctx.deps, { seekerId: id, jobNumber: numbers[300]! })).toBe('full');
    expect(await hasFavorite(ctx.db, id, byNumber.get(numbers[300]!)!)).toBe(false);
    expect(await countFavorites(ctx.db, id)).toBe(300);
    // Already kept is reported as such even when the list is full.
    expect(await addFavorite(ctx.deps, { seekerId: id, jobNumber: numbers[0]! })).toBe('already');
  }, 60_000);
});

describe('SR-2 SR-3 list changes of one seeker are serialised', () => {
  it('SR-2 SR-3 lockSeekerLists holds the seeker’s row (FOR UPDATE) until the transaction ends, and no other seeker’s', async () => {
    const id = await seekerId();
    const other = await seekerId();
    const lockedBy = async (seeker: string) => {
      const [row] = await queryRows<{ xmax: string }>(
        ctx.db,
        sql`select xmax::text as xmax from seekers where id = ${seeker}`,
      );
      return row!.xmax;
    };
    await ctx.db.transaction(async (tx) => {
      await lockSeekerLists(tx, id);
      const [me] = await queryRows<{ xid: string; xmax: string; other: string }>(
        tx,
        sql`select pg_current_xact_id()::xid::text as xid,
              (select xmax::text from seekers where id = ${id}) as xmax,
              (select xmax::text from seekers where id = ${other}) as other`,
      );
      // A row lock marks the row with the locking transaction's id.
      expect(me!.xmax).toBe(me!.xid);
      expect(me!.other).toBe('0');
    });
    expect(await lockedBy(other)).toBe('0');
  });
});
