import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

describe('foundation', () => {
  it('serves the top page in Japanese with a DOCTYPE and the seeker navigation', async () => {
    const page = await ctx.client().get('/');
    expect(page.status).toBe(200);
    expect(page.html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page.dom.querySelector('html')?.getAttribute('lang')).toBe('ja');
    const nav = page.dom.querySelectorAll('.site-nav__list a').map((a) => a.textContent);
    expect(nav).toEqual(['ホーム', '求人検索', '求職活動状況', 'メッセージ', '求職者情報・設定']);
    expect(page.text('.site-header__tools')).toContain('ログイン');
  });

  it('sends the security headers on every page', async () => {
    const page = await ctx.client().get('/');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('same-origin');
    expect(page.headers.get('x-request-id')).toMatch(/^[\w-]{12}$/);
    // HSTS only behind https.
    expect(page.headers.get('strict-transport-security')).toBeNull();
  });

  it('answers /healthz (alive; the database is /readyz’s business, see metrics.test.ts)', async () => {
    const res = await ctx.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('shows a Japanese 404 page', async () => {
    const page = await ctx.client().get('/no-such-page');
    expect(page.status).toBe(404);
    expect(page.h1()).toBe('ページが見つかりません');
  });

  it('switches to English and back with a plain link', async () => {
    const client = ctx.client();
    const res = await client.get('/locale?lang=en&next=/');
    expect(res.status).toBe(303);
    expect(res.location).toBe('/');
    const page = await client.get('/');
    expect(page.dom.querySelector('html')?.getAttribute('lang')).toBe('en');
    expect(page.h1()).toBe('Hello Work Internet Service');
    await client.get('/locale?lang=ja&next=/');
    expect((await client.get('/')).h1()).toBe('ハローワークインターネットサービス');
  });

  it('never redirects the locale switch to another host', async () => {
    const res = await ctx.client().get('/locale?lang=en&next=//evil.example/');
    expect(res.location).toBe('/');
  });

  it('refuses a POST without a CSRF token', async () => {
    const client = ctx.client();
    await client.get('/');
    const res = await client.post('/login', { email: 'a@example.jp', password: 'x' }, { csrf: false });
    expect(res.status).toBe(403);
    expect(res.h1()).toBe('画面の有効期限が切れました');
  });

  it('delivers a notified mail over SMTP when the job runs', async () => {
    const { notify } = await import('../../src/modules/notifications/notify.ts');
    await ctx.db.transaction((tx) =>
      notify(ctx.deps, tx, {
        recipient: { email: 'taro@example.jp', locale: 'ja' },
        kind: 'account.office_registered',
        data: {},
      }),
    );
    expect(await ctx.drain()).toBe(1);
    expect(ctx.mailbox.last('taro@example.jp')?.subject).toBe('求職者マイページの開設について');
  });
});
