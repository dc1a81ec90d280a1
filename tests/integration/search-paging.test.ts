import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobsInBulk } from '../support/factories.ts';
import type { Page } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
const MARK = '頁送り確認';
beforeAll(async () => {
  ctx = await createTestContext();
  // More than 1,000 matches, so the count is capped and paging reaches the 1,000th result.
  await createJobsInBulk(ctx.deps, 1_005, (i) => ({ title: `${MARK} ${String(i).padStart(4, '0')}` }));
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
