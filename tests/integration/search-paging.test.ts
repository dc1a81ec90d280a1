import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { createJobsInBulk } from '../support/factories.ts';
import type { Page } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
const MARK = '頁送り確認';
/** In five of the jobs only: excluding it leaves exactly 1,000 matches. */
const FIVE = '五件限定語';
beforeAll(async () => {
  ctx = await createTestContext();
  // More than 1,000 matches, so the count is capped and paging reaches the 1,000th result. The
  // generated jobs differ in 受付年月日, 紹介期限日 (many share one) and wage (some share one).
  await createJobsInBulk(ctx.deps, 1_005, (i) => ({
    title: `${MARK} ${String(i).padStart(4, '0')}`,
    ...(i < 5 ? { description: `${FIVE}の求人です。` } : {}),
  }));
}, 120_000);
afterAll(() => ctx?.close());

const search = (query: string) => ctx.client().get(`/jobs?kw=${encodeURIComponent(MARK)}&${query}`);
const titles = (page: Page) =>
  page.dom.querySelectorAll('.job-list article h3').map((h) => h.textContent.trim());
const links = (page: Page) =>
  page.dom.querySelectorAll('nav.pagination a').map((a) => a.getAttribute('href') ?? '');

describe('SR-1 paging past 990 results', () => {
  it('SR-1 at 30 per page, page 34 holds results 991–1,000: whole page numbers, no repeats, valid links', async () => {
    const p33 = await search('per=30&page=33');
    const p34 = await search('per=30&page=34');
    expect(p34.status).toBe(200);
    expect(p34.text('[data-testid="hit-count"]')).toBe('1,000件以上');
    expect(titles(p33)).toHaveLength(30);
    expect(titles(p34)).toHaveLength(10);
    expect(titles(p34).filter((t) => titles(p33).includes(t))).toEqual([]);
    expect(p34.text('nav.pagination [aria-current="page"]')).toBe('34');
    expect(p34.dom.querySelector('nav.pagination a[rel="next"]')).toBeNull();
    for (const href of links(p34)) {
      expect(href).toMatch(/[?&]page=\d+(&|$)|^\/jobs\?(?!.*page=)/);
      expect((await ctx.client().get(href)).status).toBe(200);
    }
  });

  it('SR-1 at 10, 30 and 50 per page the last two pages are whole numbers and share no result', async () => {
    for (const per of [30, 10, 50]) {
      const seen = new Set<string>();
      const pages = Math.ceil(1000 / per);
      for (const n of [pages - 1, pages]) {
        const page = await search(`per=${per}&page=${n}`);
        for (const t of titles(page)) seen.add(t);
        expect(page.text('nav.pagination [aria-current="page"]')).toBe(String(n));
      }
      expect(seen.size).toBe(per + (1000 - (pages - 1) * per));
    }
  });

  it('SR-1 a page past the last reachable one shows the last page, not a repeat or an error', async () => {
    const last = await search('per=30&page=35');
    expect(last.status).toBe(200);
    expect(last.text('nav.pagination [aria-current="page"]')).toBe('34');
    expect(titles(last)).toEqual(titles(await search('per=30&page=34')));
  });
});

/** The titles of the 1,005 jobs in the order SR-1 sorts them (ties: the lower id first by 紹介期限日, else the higher). */
async function expectedOrder(sort: 'new' | 'deadline' | 'wage'): Promise<string[]> {
  const rows = await queryRows<{
    title: string;
    id: number;
    accepted: string;
    deadline: string;
    wage: number;
  }>(
    ctx.db,
    sql`select p.title, s.job_id as id, s.accepted_on::text as accepted, s.referral_deadline::text as deadline,
          s.wage_monthly as wage
        from job_search s join job_postings p on p.id = s.job_id where p.title like ${`${MARK}%`}`,
  );
  const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  const by = {
    new: (a: (typeof rows)[0], b: (typeof rows)[0]) => cmp(b.accepted, a.accepted) || b.id - a.id,
    deadline: (a: (typeof rows)[0], b: (typeof rows)[0]) => cmp(a.deadline, b.deadline) || a.id - b.id,
    wage: (a: (typeof rows)[0], b: (typeof rows)[0]) => b.wage - a.wage || b.id - a.id,
  }[sort];
  return rows.sort(by).map((r) => r.title);
}

describe('SR-1 more than 1,000 matches in each order', () => {
  for (const sort of ['new', 'deadline', 'wage'] as const) {
    it(`SR-1 sort=${sort}: the first page and results 991–1,000 are those of the whole order, ties broken by id`, async () => {
      const order = await expectedOrder(sort);
      expect(order).toHaveLength(1_005);
      const first = await search(`sort=${sort}&per=30`);
      expect(first.text('[data-testid="hit-count"]')).toBe('1,000件以上');
      expect(titles(first)).toEqual(order.slice(0, 30));
      expect(titles(await search(`sort=${sort}&per=50&page=12`))).toEqual(order.slice(550, 600));
      expect(titles(await search(`sort=${sort}&per=30&page=34`))).toEqual(order.slice(990, 1_000));
    });
  }

  it('SR-1 the orders differ on this data (so each test above checks its own order)', async () => {
    const [n, d, w] = await Promise.all([
      expectedOrder('new'),
      expectedOrder('deadline'),
      expectedOrder('wage'),
    ]);
    expect(d.slice(0, 30)).not.toEqual(n.slice(0, 30));
    expect(w.slice(0, 30)).not.toEqual(n.slice(0, 30));
    expect(w.slice(0, 30)).not.toEqual(d.slice(0, 30));
  });
});

describe('SR-1 exactly 1,000 matches', () => {
  it('SR-1 1,000 matches are counted exactly (「1,000件」, not 「1,000件以上」) and all reachable', async () => {
    const exclude = `kwx=${encodeURIComponent(FIVE)}`;
    const first = await search(`${exclude}&per=30`);
    expect(first.text('[data-testid="hit-count"]')).toBe('1,000件');
    const last = await search(`${exclude}&per=30&page=34`);
    expect(titles(last)).toHaveLength(10);
    expect(last.dom.querySelector('nav.pagination a[rel="next"]')).toBeNull();
    const order = (await expectedOrder('new')).filter((t) => Number(t.split(' ')[1]) >= 5);
    expect(titles(last)).toEqual(order.slice(990, 1_000));
  });
});
