/**
 * A phone-first 求人検索 (issue 14): once a search finds jobs, its conditions fold into one summary
 * above the results that says how many are set, with a skip link to the results; before a search,
 * with errors and when nothing is found, the form stays open. 「詳細条件」 says how many it holds.
 */
import { randomBytes } from 'node:crypto';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJob, createSeeker } from '../support/factories.ts';
import { signInAs } from '../support/sign-in.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
let word: string;
beforeAll(async () => {
  ctx = await createTestContext();
  word = `目印${randomBytes(3).toString('hex')}`;
  await createJob(ctx.deps, { title: `${word}の介護スタッフ` });
});
afterAll(() => ctx?.close());

const dom = async (query: string) => {
  const res = await ctx.app.request(`/jobs${query}`);
  return { status: res.status, dom: parse(await res.text()) };
};

describe('issue 14 the conditions fold above the results', () => {
  it('a search that finds jobs: one folded summary with the count, a skip link, the results after it', async () => {
    const { status, dom: page } = await dom(
      `?kw=${encodeURIComponent(word)}&kwMode=and&pref=13&pref=&sort=new`,
    );
    expect(status).toBe(200);
    const folded = page.querySelectorAll('details.search-conditions');
    expect(folded).toHaveLength(1);
    expect(folded[0]!.hasAttribute('open')).toBe(false);
    // kw and pref: kwMode and sort are not conditions of their own; an empty 第2希望 is nothing.
    expect(folded[0]!.querySelector('summary')?.text.trim()).toBe('検索条件（2件指定中）・変更する');
    expect(folded[0]!.querySelector('form[action="/jobs"]')).not.toBeNull();
    const skip = page.querySelector('.skip-to-results a');
    expect(skip?.getAttribute('href')).toBe('#results-title');
    expect(skip?.text).toBe('検索結果へ移動');
    const heading = page.getElementById('results-title');
    expect(heading?.getAttribute('tabindex')).toBe('-1');
    const html = page.toString();
    expect(html.indexOf('details class="search-conditions"')).toBeLessThan(
      html.indexOf('id="results-title"'),
    );
    expect(page.querySelectorAll('.job-list article').length).toBeGreaterThan(0);
  });

  it('open before any search, when nothing is found, and with an error', async () => {
    for (const query of ['', `?kw=${encodeURIComponent(`${word}存在しない語`)}`, '?age=abc']) {
      const { dom: page } = await dom(query);
      expect(page.querySelectorAll('details.search-conditions'), query).toHaveLength(0);
      expect(page.querySelector('.skip-to-results'), query).toBeNull();
      expect(page.querySelector('form[action="/jobs"]'), query).not.toBeNull();
    }
  });

  it('「詳細条件」 is a disclosure that says how many of its conditions are set, open when any is', async () => {
    const none = (await dom(`?kw=${encodeURIComponent(word)}`)).dom.querySelector('.search-form details');
    expect(none?.querySelector('summary')?.text.trim()).toBe('詳細条件');
    expect(none?.hasAttribute('open')).toBe(false);
    const two = (await dom(`?kw=${encodeURIComponent(word)}&age=30&online=1`)).dom;
    const details = two.querySelector('.search-form details');
    expect(details?.querySelector('summary')?.text.trim()).toBe('詳細条件（2件指定中）');
    expect(details?.hasAttribute('open')).toBe(true);
  });
});

describe('SR-3 a job in お気に入り shows as saved', () => {
  it('the job page says 「お気に入り保存済み」 with its removal once saved, and the save button again after removal', async () => {
    const job = await createJob(ctx.deps, { title: `${word}の事務` });
    const seeker = await createSeeker(ctx.deps);
    const client = ctx.client();
    await signInAs(client, 'seeker', seeker.email, seeker.password);
    const buttons = (page: { dom: ReturnType<typeof parse> }) =>
      page.dom.querySelectorAll('main form button').map((b) => b.text.trim());

    const before = await client.get(`/jobs/${job.jobNumber}`);
    expect(buttons(before)).toContain('お気に入り保存');
    expect(before.dom.querySelector('.favorite-saved')).toBeNull();

    expect((await client.post('/mypage/favorites', { jobNumber: job.jobNumber })).status).toBe(303);
    const saved = await client.get(`/jobs/${job.jobNumber}`);
    expect(saved.dom.querySelector('.favorite-saved')?.text.trim()).toBe('お気に入り保存済み');
    expect(buttons(saved)).toContain('お気に入りから削除');
    expect(buttons(saved)).not.toContain('お気に入り保存');

    // Another seeker's page of the same job is not affected.
    const other = await createSeeker(ctx.deps);
    const otherClient = ctx.client();
    await signInAs(otherClient, 'seeker', other.email, other.password);
    expect((await otherClient.get(`/jobs/${job.jobNumber}`)).dom.querySelector('.favorite-saved')).toBeNull();

    expect((await client.post('/mypage/favorites/delete', { jobNumber: job.jobNumber })).status).toBe(303);
    const removed = await client.get(`/jobs/${job.jobNumber}`);
    expect(removed.dom.querySelector('.favorite-saved')).toBeNull();
    expect(buttons(removed)).toContain('お気に入り保存');
  });
});

describe('issue 14 the breadcrumb back to 求人検索', () => {
  it('leads to the results the visitor came from, and such a page is not stored', async () => {
    const job = await createJob(ctx.deps, { title: `${word}の警備` });
    const crumb = async (headers: Record<string, string>) => {
      const res = await ctx.app.request(`/jobs/${job.jobNumber}`, { headers });
      const link = parse(await res.text()).querySelector('nav.breadcrumbs a');
      return { href: link?.getAttribute('href'), cache: res.headers.get('Cache-Control') };
    };
    const query = `?kw=${encodeURIComponent(word)}&page=1`;
    expect(await crumb({ Referer: `http://localhost/jobs${query}` })).toEqual({
      href: `/jobs${query}`,
      cache: 'no-store',
    });
    expect(await crumb({ Referer: `https://evil.example/jobs${query}` })).toEqual({
      href: '/jobs',
      cache: 'public, no-cache',
    });
    expect(await crumb({})).toEqual({ href: '/jobs', cache: 'public, no-cache' });
  });
});
