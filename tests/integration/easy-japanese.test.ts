/**
 * やさしい日本語 (ADR 0034): a third locale, switched like English, remembered for a signed-in seeker
 * and used for their mail; pages render with <ruby> in text and plain ふりがな in attributes; what a
 * 求人票 says is never turned into ruby, even with the marker characters in it.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, mailDeliveries } from '../../src/db/schema/index.ts';
import { expiryWarningJob } from '../../src/modules/seekers/expiry-warning.job.ts';
import { addDays, tokyoDate } from '../../src/platform/dates.ts';
import { createJob, createSeeker } from '../support/factories.ts';
import { describeProblems, htmlProblems } from '../support/html-validity.ts';
import { signInAs } from '../support/sign-in.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

const RUBY = /<ruby>[^<]+<rp>（<\/rp><rt>[^<]+<\/rt><rp>）<\/rp><\/ruby>/;

async function easyClient() {
  const client = ctx.client();
  const res = await client.get('/locale?lang=ja-easy&next=/');
  expect(res.status).toBe(303);
  return client;
}

describe('やさしい日本語 pages', () => {
  it('renders top, search, job detail and login with lang="ja", ruby in text and plain ふりがな in attributes', async () => {
    const { jobNumber } = await createJob(ctx.deps, { title: '介護スタッフ' });
    const client = await easyClient();
    for (const path of ['/', '/jobs?kw=%E4%BB%8B%E8%AD%B7', `/jobs/${jobNumber}`, '/login']) {
      const page = await client.get(path);
      expect(page.status, path).toBe(200);
      expect(page.dom.querySelector('html')?.getAttribute('lang'), path).toBe('ja');
      expect(page.html, path).toMatch(RUBY);
      // No marker and no private-use sentinel reaches the visitor.
      expect(page.html, path).not.toMatch(/[《》\uE000-\uE003]/u);
      // <ruby>, <rp>, <rt> and the language nav are valid HTML (html-validate, WCAG rules).
      expect(describeProblems(await htmlProblems(page.html)), path).toBe('');
      // In <title> only the plain form.
      expect(page.dom.querySelector('title')?.innerHTML, path).toContain(
        '求職者（きゅうしょくしゃ）マイページ',
      );
    }
    // Error pages too (the not-found handler and a refused POST's error handler).
    const missing = await client.get('/no-such-page');
    expect(missing.status).toBe(404);
    expect(missing.html).toMatch(RUBY);
    const refused = await client.post('/login', { email: 'a@example.jp', password: 'x' }, { csrf: false });
    expect(refused.status).toBe(403);
    expect(refused.html).toMatch(RUBY);
    expect(refused.html).not.toMatch(/[《》\uE000-\uE003]/u);
    const top = await client.get('/');
    expect(top.text('h1')).toBe('ハローワークインターネットサービス');
    // The language nav offers the other two, each in its own name.
    const langs = top.dom.querySelectorAll('.site-header__lang').map((a) => a.textContent);
    expect(langs).toEqual(['日本語', 'English']);
    // In attributes only the plain form (the breadcrumb's aria-label).
    const detail = await client.get(`/jobs/${jobNumber}`);
    expect(detail.dom.querySelector('nav.breadcrumbs')?.getAttribute('aria-label')).toBe(
      'いまの ページの 場所（ばしょ）',
    );
    const search = await client.get('/jobs');
    // The seed's button wording stays, with the easy words beside it.
    expect(search.text('main')).toContain('検索する（さがす）');
  });

  it('never turns a 求人票’s own 《》 or ｜ into ruby', async () => {
    const title = '介護《かいご》スタッフ｜急募《きゅうぼ》';
    const { jobNumber } = await createJob(ctx.deps, { title });
    const client = await easyClient();
    const page = await client.get(`/jobs/${jobNumber}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(title);
    expect(page.html).not.toContain('<ruby>介護');
    expect(page.html).not.toContain('<ruby>急募');
    expect(page.text('h1')).toContain(title);
  });

  it('the locale switch accepts ja-easy and falls back to Japanese for an unknown code', async () => {
    const client = ctx.client();
    await client.get('/locale?lang=xx&next=/');
    expect(
      (await client.get('/')).dom.querySelectorAll('.site-header__lang').map((a) => a.textContent),
    ).toEqual(['やさしいにほんご', 'English']);
  });
});

describe('やさしい日本語 for a signed-in seeker', () => {
  it('is remembered on the account, shows ホーム in it, and their mail arrives in it with plain ふりがな', async () => {
    const seeker = await createSeeker(ctx.deps, { validUntil: addDays(tokyoDate(ctx.clock.now()), 3) });
    const client = ctx.client();
    await signInAs(client, 'seeker', seeker.email, seeker.password);
    const stored = async () =>
      (await ctx.db.select().from(accounts).where(eq(accounts.id, seeker.account.id)))[0]?.locale;
    expect(await stored()).toBe('ja');
    await client.get('/locale?lang=ja-easy&next=/mypage');
    expect(await stored()).toBe('ja-easy');

    const home = await client.get('/mypage');
    expect(home.status).toBe(200);
    expect(describeProblems(await htmlProblems(home.html))).toBe('');
    expect(home.dom.querySelector('html')?.getAttribute('lang')).toBe('ja');
    expect(home.html).toMatch(RUBY);
    expect(home.text('main')).toContain('さんの マイページ');

    await ctx.deps.queue.enqueue(expiryWarningJob, {});
    await ctx.drain();
    const mail = ctx.mailbox.last(seeker.email);
    expect(mail?.subject).toBe('求職登録（きゅうしょくとうろく）の 期限（きげん）が 近（ちか）いです');
    expect(mail?.text).toContain('期限（きげん）');
    expect(mail?.text).not.toMatch(/[《》\uE000-\uE003]|<ruby/u);
    const [delivery] = await ctx.db
      .select()
      .from(mailDeliveries)
      .where(eq(mailDeliveries.recipientAccountId, seeker.account.id));
    expect(delivery?.locale).toBe('ja-easy');

    // Switching back is remembered too.
    await client.get('/locale?lang=ja&next=/mypage');
    expect(await stored()).toBe('ja');
  });
});
