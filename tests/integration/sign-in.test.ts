import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../src/db/schema/index.ts';
import { createEmployer, createSeeker, createStaff, PASSWORD, uniqueEmail } from '../support/factories.ts';
import { codeIn } from '../support/mailbox.ts';
import { signInAs } from '../support/sign-in.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

let ipCounter = 0;
/** Each test uses its own client address so per-address throttling does not leak between tests. */
const client = () => ctx.client(`198.18.0.${++ipCounter}`);

describe('MP-5 signing in and out', () => {
  it('MP-5 signs a seeker in with e-mail and password and shows ログアウト on every page', async () => {
    const { email, password, seeker } = await createSeeker(ctx.deps, { name: '青木 花子' });
    const c = client();
    await c.get('/login');
    const res = await c.post('/login', { email: email.toUpperCase(), password });
    expect(res.status).toBe(303);
    expect(res.location).toBe('/mypage');
    const home = await c.get('/mypage');
    expect(home.h1()).toBe('青木 花子 さんのマイページ');
    expect(home.dom.querySelector('.site-header form[action="/logout"] button')?.textContent).toBe(
      'ログアウト',
    );
    expect(home.text('main')).toContain(seeker.seekerNumber!);
    expect((await c.get('/jobs')).dom.querySelector('form[action="/logout"]')).not.toBeNull();
  });

  it('MP-5 issues a new session id at sign-in (no session fixation) with safe cookie attributes', async () => {
    const { email, password } = await createSeeker(ctx.deps);
    const c = client();
    await c.get('/login');
    c.cookies.set('hw_session', 'attacker-chosen-value');
    const res = await c.post('/login', { email, password });
    const setCookie = res.headers
      .getSetCookie()
      .findLast((s) => s.startsWith('hw_session=') && !s.includes('Max-Age=0'))!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Max-Age|Expires/i);
    expect(c.cookies.get('hw_session')).not.toBe('attacker-chosen-value');
  });

  it('MP-5 answers the same for an unknown address, a wrong password and a MyPage not opened yet', async () => {
    const { email } = await createSeeker(ctx.deps);
    const { email: unopened } = await createSeeker(ctx.deps, { opened: false });
    const pages = [];
    for (const [e, p] of [
      [uniqueEmail('nobody'), PASSWORD],
      [email, 'Wrong-pass-123'],
      [unopened, PASSWORD],
    ] as const) {
      const c = client();
      await c.get('/login');
      pages.push(await c.post('/login', { email: e, password: p }));
    }
    expect(pages.map((p) => p.status)).toEqual([401, 401, 401]);
    const messages = pages.map((p) => p.text('.error-summary'));
    expect(new Set(messages).size).toBe(1);
    expect(messages[0]).toContain('メールアドレスまたはパスワードが正しくありません');
    expect(pages[1]!.value('email')).toBe(email);
  });

  it('MP-5 logout destroys the session on the server and sends Clear-Site-Data', async () => {
    const { email, password } = await createSeeker(ctx.deps);
    const c = client();
    await signInAs(c, 'seeker', email, password);
    const stolen = c.cookies.get('hw_session')!;
    // Another site cannot sign the user out: without the page's token the session lives on.
    expect((await c.post('/logout', {}, { csrf: false })).status).toBe(403);
    const home = await c.get('/mypage');
    expect(home.status).toBe(200);
    const out = await c.post('/logout', {}, { csrf: home.csrf() });
    expect(out.status).toBe(303);
    expect(out.location).toBe('/login?out=1');
    expect(out.headers.get('clear-site-data')).toContain('"cache"');
    // Replaying the old cookie does not work: the session is gone on the server.
    const replay = client();
    replay.cookies.set('hw_session', stolen);
    const res = await replay.get('/mypage');
    expect(res.status).toBe(303);
    expect(res.location).toMatch(/^\/login/);
  });

  it('MP-5 a session dies after 30 idle minutes and the login page says why', async () => {
    const { email, password } = await createSeeker(ctx.deps);
    const c = client();
    await signInAs(c, 'seeker', email, password);
    ctx.clock.advanceMinutes(29);
    expect((await c.get('/mypage')).status).toBe(200);
    ctx.clock.advanceMinutes(30);
    const res = await c.get('/mypage/settings');
    expect(res.status).toBe(303);
    expect(res.location).toBe('/login?next=%2Fmypage%2Fsettings&timeout=1');
    const login = await c.get(res.location!);
    expect(login.text('main')).toContain('一定時間操作がなかったため、ログアウトしました');
  });

  it('MP-5 signing out from a page left open past the timeout signs out cleanly, not a refusal', async () => {
    const { email, password, account } = await createSeeker(ctx.deps);
    const c = client();
    await signInAs(c, 'seeker', email, password);
    await c.get('/mypage');
    ctx.clock.advanceMinutes(31);
    const out = await c.post('/logout', {});
    expect(out.status).toBe(303);
    expect(out.location).toBe('/login?out=1');
    expect(out.headers.get('clear-site-data')).toContain('"cache"');
    expect(c.cookies.has('hw_session')).toBe(false);
    expect(await ctx.db.select().from(sessions).where(eq(sessions.accountId, account.id))).toHaveLength(0);
  });

  it('MP-5 a session dies 12 hours after sign-in even when used all the time', async () => {
    const { email, password } = await createSeeker(ctx.deps);
    const c = client();
    await signInAs(c, 'seeker', email, password);
    for (let i = 0; i < 24; i++) {
      ctx.clock.advanceMinutes(29);
      await c.get('/mypage');
    }
    ctx.clock.advanceMinutes(25);
    expect((await c.get('/mypage')).status).toBe(303);
  });

  it('MP-5 returns to the page asked for after sign-in, but never to another site', async () => {
    const { email, password } = await createSeeker(ctx.deps);
    const c = client();
    await c.get('/login?next=/mypage/settings');
    expect((await c.post('/login?next=/mypage/settings', { email, password })).location).toBe(
      '/mypage/settings',
    );
    const d = client();
    await d.get('/login');
    expect((await d.post('/login?next=//evil.example/', { email, password })).location).toBe('/mypage');
  });

  it('employers and staff sign in on their own pages; a seeker account cannot sign in there', async () => {
    const employer = await createEmployer(ctx.deps);
    const staff = await createStaff(ctx.deps);
    const seeker = await createSeeker(ctx.deps);
    const e = client();
    await e.get('/employer/login');
    expect((await e.post('/employer/login', { email: employer.email, password: PASSWORD })).location).toBe(
      '/employer',
    );
    const s = client();
    await s.get('/staff/login');
    expect((await s.post('/staff/login', { email: staff.email, password: PASSWORD })).location).toBe(
      '/staff',
    );
    const x = client();
    await x.get('/staff/login');
    expect((await x.post('/staff/login', { email: seeker.email, password: seeker.password })).status).toBe(
      401,
    );
  });
});

describe('MP-5 guessing', () => {
  it('MP-5 locks the account after 10 consecutive failures, mails a notice, and refuses even the right password', async () => {
    const { email, password } = await createSeeker(ctx.deps);
    for (let i = 0; i < 10; i++) {
      const c = client();
      await c.get('/login');
      expect((await c.post('/login', { email, password: `Wrong-${i}-pass!` })).status).toBe(401);
    }
    await ctx.drain();
    expect(ctx.mailbox.last(email)?.subject).toBe('ログインを一時的に制限しました');
    const c = client();
    await c.get('/login');
    const locked = await c.post('/login', { email, password });
    expect(locked.status).toBe(401);
    expect(locked.text('.error-summary')).toContain('メールアドレスまたはパスワードが正しくありません');
    // The lock is soft: after the delay the right password works again.
    ctx.clock.advanceMinutes(2);
    await c.get('/login');
    expect((await c.post('/login', { email, password })).status).toBe(303);
  });

  it('MP-5 the delay grows with further failures after a lock', async () => {
    const { email, password } = await createSeeker(ctx.deps);
    const fail = async () => {
      const c = client();
      await c.get('/login');
      await c.post('/login', { email, password: 'Wrong-pass-1!' });
    };
    for (let i = 0; i < 10; i++) await fail();
    ctx.clock.advanceMinutes(1);
    await fail(); // the 11th failure: locked for 2 minutes
    ctx.clock.advanceMinutes(1);
    const c = client();
    await c.get('/login');
    expect((await c.post('/login', { email, password })).status).toBe(401);
    ctx.clock.advanceMinutes(1);
    await c.get('/login');
    expect((await c.post('/login', { email, password })).status).toBe(303);
  });

  it('MP-5 throttles one client address that keeps failing, with a 429 page', async () => {
    const c = client();
    let last = 0;
    for (let i = 0; i < 30; i++) {
      await c.get('/login');
      last = (await c.post('/login', { email: uniqueEmail('guess'), password: 'Wrong-pass-1!' })).status;
    }
    expect(last).toBe(401);
    await c.get('/login');
    const refused = await c.post('/login', { email: uniqueEmail('guess'), password: 'Wrong-pass-1!' });
    expect(refused.status).toBe(429);
    expect(refused.h1()).toBe('しばらく時間をおいてください');
    expect(refused.headers.get('retry-after')).toBe('900');
  });
});

describe('MP-11 one-time code at sign-in', () => {
  it('MP-11 asks for a mailed code, then trusts this browser for 30 days when asked', async () => {
    const { email, password } = await createSeeker(ctx.deps, { mfa: true });
    const c = client();
    await c.get('/login');
    const first = await c.post('/login', { email, password });
    expect(first.location).toBe('/login/code');
    const codePage = await c.get('/login/code');
    expect(codePage.h1()).toBe('ログイン認証コードの入力');
    expect(await c.get('/mypage').then((p) => p.status)).toBe(303);
    await ctx.drain();
    const mail = ctx.mailbox.last(email);
    expect(mail?.subject).toBe('ログイン認証コードのお知らせ');
    const wrong = await c.post('/login/code', { code: '000000' === codeIn(mail) ? '111111' : '000000' });
    expect(wrong.fieldError('code')).toBe('認証コードが正しくありません');
    await c.get('/login/code');
    const ok = await c.post('/login/code', { code: codeIn(mail), trust: 'yes' });
    expect(ok.location).toBe('/mypage');
    const device = ok.headers.getSetCookie().find((s) => s.startsWith('hw_device='))!;
    expect(device).toMatch(/Max-Age=2592000/);

    // Next time on this browser: no code. After 30 days: the code again.
    await c.post('/logout', {}, { csrf: (await c.get('/mypage')).csrf() });
    await c.get('/login');
    expect((await c.post('/login', { email, password })).location).toBe('/mypage');
    await c.post('/logout', {}, { csrf: (await c.get('/mypage')).csrf() });
    ctx.clock.advanceDays(31);
    await c.get('/login');
    expect((await c.post('/login', { email, password })).location).toBe('/login/code');
  });

  it('MP-11 the code step cannot be reached without the password step', async () => {
    const c = client();
    expect((await c.get('/login/code')).location).toBe('/login');
  });

  it('MP-11 the seeker turns the sign-in code on in 求職者情報・設定', async () => {
    const { email, password } = await createSeeker(ctx.deps);
    const c = client();
    await signInAs(c, 'seeker', email, password);
    await c.get('/mypage/settings');
    const res = await c.post('/mypage/settings/mfa', { mfa: 'on' });
    expect(res.location).toBe('/mypage/settings?saved=mfa-on');
    await c.post('/logout', {}, { csrf: (await c.get('/mypage')).csrf() });
    await c.get('/login');
    expect((await c.post('/login', { email, password })).location).toBe('/login/code');
  });
});

describe('password reset by mail', () => {
  it('resets the password with the mailed key and ends every other session', async () => {
    const { email, password } = await createSeeker(ctx.deps);
    const other = client();
    await signInAs(other, 'seeker', email, password);
    const c = client();
    await c.get('/password-reset');
    expect((await c.post('/password-reset', { email })).location).toBe('/password-reset/password');
    await ctx.drain();
    const code = codeIn(ctx.mailbox.last(email));
    await c.get('/password-reset/password');
    const done = await c.post('/password-reset/password', {
      password: 'New-pass-2026!',
      passwordConfirm: 'New-pass-2026!',
      code,
    });
    expect(done.h1()).toBe('パスワードを再設定しました');
    expect((await other.get('/mypage')).status).toBe(303);
    await ctx.drain();
    expect(ctx.mailbox.last(email)?.subject).toBe('パスワード変更のお知らせ');
    await c.get('/login');
    expect((await c.post('/login', { email, password })).status).toBe(401);
    expect((await c.post('/login', { email, password: 'New-pass-2026!' })).status).toBe(303);
  });

  it('answers the same for an unknown address and sends no mail', async () => {
    const c = client();
    const unknown = uniqueEmail('nobody');
    await c.get('/password-reset');
    expect((await c.post('/password-reset', { email: unknown })).location).toBe('/password-reset/password');
    await ctx.drain();
    expect(ctx.mailbox.to(unknown)).toHaveLength(0);
  });
});

describe('MP-8 求職者情報・設定', () => {
  it('MP-8 changes 求職情報 and keeps input with a message when invalid', async () => {
    const { email, password } = await createSeeker(ctx.deps);
    const c = client();
    await signInAs(c, 'seeker', email, password);
    await c.get('/mypage/settings');
    const bad = await c.post('/mypage/settings/desired', {
      occupation: '介護職',
      workStyle: 'full_time',
      wageType: 'monthly',
      wageMin: '二十万',
      prefectureCodes: ['13', '14', '11', '12'],
    });
    expect(bad.status).toBe(400);
    expect(bad.fieldError('wageMin')).toBe('希望賃金（下限・円）は半角または全角の数字で入力してください');
    expect(bad.fieldError('prefectureCodes')).toContain('3つまで');
    expect(bad.value('occupation')).toBe('介護職');
    const ok = await c.post('/mypage/settings/desired', {
      occupation: '介護職',
      occupationCodes: ['05'],
      prefectureCodes: ['13', '', ''],
      workStyle: 'full_time',
      wageType: 'monthly',
      wageMin: '２２０，０００',
    });
    expect(ok.location).toBe('/mypage/settings?saved=desired');
    const page = await c.get(ok.location!);
    expect(page.value('wageMin')).toBe('220000');
    expect(page.text('.notice--success')).toBe('求職情報を保存しました。');
  });

  it('MP-8 switches the registration 無効 and back to 有効', async () => {
    const { email, password } = await createSeeker(ctx.deps);
    const c = client();
    await signInAs(c, 'seeker', email, password);
    await c.get('/mypage/settings');
    expect((await c.post('/mypage/settings/status', { active: 'no' })).location).toBe(
      '/mypage/settings?saved=inactive',
    );
    expect((await c.get('/mypage')).text('main')).toContain('求職登録を無効にしています');
    await c.get('/mypage/settings');
    expect((await c.post('/mypage/settings/status', { active: 'yes' })).location).toBe(
      '/mypage/settings?saved=active',
    );
  });

  it('MP-9 a lapsed registration cannot be switched back on from MyPage, but the data stays readable', async () => {
    const { email, password } = await createSeeker(ctx.deps, {
      appliedOn: '2026-07-01',
      validUntil: '2026-09-30',
      active: false,
    });
    const c = client();
    await signInAs(c, 'seeker', email, password);
    const home = await c.get('/mypage');
    expect(home.text('main')).toContain('有効期限切れ');
    await c.get('/mypage/settings');
    expect((await c.post('/mypage/settings/status', { active: 'yes' })).location).toBe(
      '/mypage/settings?lapsed=1',
    );
  });

  it('changes the password with the current one; a wrong current password is refused next to its field', async () => {
    const { email, password } = await createSeeker(ctx.deps);
    const c = client();
    await signInAs(c, 'seeker', email, password);
    await c.get('/mypage/settings');
    const wrong = await c.post('/mypage/settings/password', {
      currentPassword: 'not-it',
      password: 'Another-2026!',
      passwordConfirm: 'Another-2026!',
    });
    expect(wrong.fieldError('currentPassword')).toBe('現在のパスワードが正しくありません');
    const ok = await c.post('/mypage/settings/password', {
      currentPassword: password,
      password: 'Another-2026!',
      passwordConfirm: 'Another-2026!',
    });
    expect(ok.location).toBe('/mypage/settings?saved=password');
    expect((await c.get('/mypage')).status).toBe(200);
  });
});

describe('MP-7 internet-only seekers', () => {
  it('MP-7 office-only functions are shown as unavailable with the reason', async () => {
    const { email, password } = await createSeeker(ctx.deps, { kind: 'internet' });
    const c = client();
    await signInAs(c, 'seeker', email, password);
    const home = await c.get('/mypage');
    expect(home.text('#home-referrals ~ *')).toBeDefined();
    expect(home.text('main')).toContain('インターネットでの登録のみ');
    expect(home.text('main')).toContain(
      'ハローワークで求職登録をした上で求職者マイページを開設した方のみご利用いただけます',
    );
  });
});
