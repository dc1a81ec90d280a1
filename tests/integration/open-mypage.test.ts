import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmployer, createSeeker, PASSWORD, uniqueEmail } from '../support/factories.ts';
import type { TestClient } from '../support/http.ts';
import { codeIn } from '../support/mailbox.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

/** Steps ① and ② of MP-2 for a client; returns the page after ②. */
async function agreeAndIdentify(client: TestClient, email: string, birthDate: string) {
  const agree = await client.get('/mypage/open');
  expect(agree.text()).toContain('プライバシーポリシー');
  expect(agree.text()).toContain('利用規約');
  const afterAgree = await client.post('/mypage/open', { agree: 'yes' });
  expect(afterAgree.location).toBe('/mypage/open/identify');
  await client.get('/mypage/open/identify');
  const sent = await client.post('/mypage/open/identify', { email, proof: birthDate });
  expect(sent.location).toBe('/mypage/open/sent');
  return client.open('/mypage/open/sent');
}

describe('MP-2 opening MyPage step by step', () => {
  it('MP-2 walks ①同意 ②メールアドレス・生年月日 ③認証キー mail ④パスワード・認証キー ⑤ログイン画面へ進む', async () => {
    const { email } = await createSeeker(ctx.deps, { opened: false, birthDate: '1995-06-15' });
    const client = ctx.client();
    const sent = await agreeAndIdentify(client, email, '1995-06-15');
    expect(sent.h1()).toBe('「パスワード登録申込受付通知」メールを送信しました');
    await ctx.drain();
    const mail = ctx.mailbox.last(email);
    expect(mail?.subject).toBe('パスワード登録申込受付通知');
    expect(mail?.text).toContain('30分');
    const code = codeIn(mail);
    expect(code).toMatch(/^\d{6}$/);

    await client.get('/mypage/open/password');
    const done = await client.post('/mypage/open/password', {
      password: PASSWORD,
      passwordConfirm: PASSWORD,
      code,
    });
    expect(done.location).toBe('/mypage/open/complete');
    const complete = await client.open('/mypage/open/complete');
    expect(complete.h1()).toBe('マイページ開設完了');
    expect(complete.dom.querySelector('main a[href="/login"]')?.textContent).toBe('ログイン画面へ進む');

    const login = await client.submit('/login', { email, password: PASSWORD });
    expect(login.h1()).toContain('さんのマイページ');
  });

  it('MP-2 requires 「同意します」 before the next step', async () => {
    const client = ctx.client();
    await client.get('/mypage/open');
    const page = await client.post('/mypage/open', {});
    expect(page.status).toBe(400);
    expect(page.fieldError('agree')).toBe('同意しますにチェックしてください');
    const skip = await client.get('/mypage/open/identify');
    expect(skip.location).toBe('/mypage/open');
  });

  it('MP-2 shows the same screen and sends no mail when the address or birth date do not match', async () => {
    const { email } = await createSeeker(ctx.deps, { opened: false, birthDate: '1990-01-01' });
    const unknown = uniqueEmail('nobody');
    const a = await agreeAndIdentify(ctx.client('198.51.100.1'), email, '1991-01-01');
    const b = await agreeAndIdentify(ctx.client('198.51.100.2'), unknown, '1990-01-01');
    expect(a.h1()).toBe(b.h1());
    expect(a.text('main').replace(email, 'X')).toBe(b.text('main').replace(unknown, 'X'));
    await ctx.drain();
    expect(ctx.mailbox.to(email)).toHaveLength(0);
    expect(ctx.mailbox.to(unknown)).toHaveLength(0);
  });

  it('MP-2 keeps what was typed and explains a malformed birth date next to the field', async () => {
    const client = ctx.client();
    await client.get('/mypage/open');
    await client.post('/mypage/open', { agree: 'yes' });
    await client.get('/mypage/open/identify');
    const page = await client.post('/mypage/open/identify', {
      email: 'taro@example.jp',
      proof: '1995-02-30',
    });
    expect(page.status).toBe(400);
    expect(page.fieldError('proof')).toContain('実在する日付');
    expect(page.value('email')).toBe('taro@example.jp');
    expect(page.value('proof')).toBe('1995-02-30');
    expect(page.summary()).toHaveLength(1);
  });

  it('MP-2 accepts a birth date typed in full-width digits with slashes', async () => {
    const { email } = await createSeeker(ctx.deps, { opened: false, birthDate: '1988-07-09' });
    await agreeAndIdentify(ctx.client(), email, '１９８８／７／９');
    await ctx.drain();
    expect(ctx.mailbox.last(email)?.subject).toBe('パスワード登録申込受付通知');
  });
});

describe('MP-3 the 認証キー', () => {
  async function started() {
    const { email } = await createSeeker(ctx.deps, { opened: false, birthDate: '1993-03-03' });
    const client = ctx.client(`192.0.2.${Math.floor(Math.random() * 200)}`);
    await agreeAndIdentify(client, email, '1993-03-03');
    await ctx.drain();
    const code = codeIn(ctx.mailbox.last(email));
    await client.get('/mypage/open/password');
    return { client, code, email };
  }
  const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  it('MP-3 is refused at exactly 30 minutes after the mail', async () => {
    const { client, code } = await started();
    ctx.clock.advanceMinutes(30);
    const page = await client.post('/mypage/open/password', {
      password: PASSWORD,
      passwordConfirm: PASSWORD,
      code,
    });
    expect(page.status).toBe(400);
    expect(page.fieldError('code')).toContain('有効期限（30分）が切れています');
  });

  it('MP-3 is accepted one minute before it expires', async () => {
    const { client, code } = await started();
    ctx.clock.advanceMinutes(29);
    const page = await client.post('/mypage/open/password', {
      password: PASSWORD,
      passwordConfirm: PASSWORD,
      code,
    });
    expect(page.location).toBe('/mypage/open/complete');
  });

  it('MP-3 refuses the 6th try after 5 wrong entries, even with the right key', async () => {
    const { client, code } = await started();
    for (let i = 0; i < 5; i++) {
      const page = await client.post('/mypage/open/password', {
        password: PASSWORD,
        passwordConfirm: PASSWORD,
        code: wrong(code),
      });
      expect(page.fieldError('code')).toContain('認証キーが正しくありません');
      await client.get('/mypage/open/password');
    }
    const sixth = await client.post('/mypage/open/password', {
      password: PASSWORD,
      passwordConfirm: PASSWORD,
      code,
    });
    expect(sixth.status).toBe(400);
    expect(sixth.fieldError('code')).toContain('無効');
  });

  it('MP-3 refuses a key that was already used', async () => {
    const { client, code, email } = await started();
    const first = await client.post('/mypage/open/password', {
      password: PASSWORD,
      passwordConfirm: PASSWORD,
      code,
    });
    expect(first.location).toBe('/mypage/open/complete');
    // Replaying the same step from another browser that reached it.
    const other = ctx.client('192.0.2.250');
    await agreeAndIdentify(other, email, '1993-03-03');
    await other.get('/mypage/open/password');
    const replay = await other.post('/mypage/open/password', {
      password: PASSWORD,
      passwordConfirm: PASSWORD,
      code,
    });
    expect(replay.status).toBe(400);
    expect(replay.fieldError('code')).toContain('無効');
  });

  it('MP-3 the key is random: two requests give different keys and a new one replaces the old', async () => {
    const { email } = await createSeeker(ctx.deps, { opened: false, birthDate: '1994-04-04' });
    const client = ctx.client();
    await agreeAndIdentify(client, email, '1994-04-04');
    await ctx.drain();
    const first = codeIn(ctx.mailbox.last(email));
    await client.get('/mypage/open/identify');
    await client.post('/mypage/open/identify', { email, proof: '1994-04-04' });
    await ctx.drain();
    const second = codeIn(ctx.mailbox.last(email));
    expect(second).not.toBe(first);
    await client.get('/mypage/open/password');
    const old = await client.post('/mypage/open/password', {
      password: PASSWORD,
      passwordConfirm: PASSWORD,
      code: first,
    });
    expect(old.fieldError('code')).toContain('認証キーが正しくありません');
  });
});

describe('MP-4 the password chosen when opening', () => {
  async function atPasswordStep() {
    const { email } = await createSeeker(ctx.deps, { opened: false, birthDate: '1992-02-02' });
    const client = ctx.client();
    await agreeAndIdentify(client, email, '1992-02-02');
    await ctx.drain();
    const code = codeIn(ctx.mailbox.last(email));
    await client.get('/mypage/open/password');
    return { client, code };
  }

  it.each([
    ['Ab1!xyz', '8桁以上'],
    [`Ab1!${'x'.repeat(29)}`, '32桁以内'],
    ['Abcdefg12', '記号'],
    ['P@ssw0rd1!', '推測されやすい'],
  ])('MP-4 refuses %s', async (password, message) => {
    const { client, code } = await atPasswordStep();
    const page = await client.post('/mypage/open/password', { password, passwordConfirm: password, code });
    expect(page.status).toBe(400);
    expect(page.fieldError('password')).toContain(message);
  });

  it('MP-4 refuses mismatching confirmation next to the confirmation field', async () => {
    const { client, code } = await atPasswordStep();
    const page = await client.post('/mypage/open/password', {
      password: PASSWORD,
      passwordConfirm: `${PASSWORD}x`,
      code,
    });
    expect(page.fieldError('passwordConfirm')).toBe('パスワード（確認用）がパスワードと一致しません');
  });

  it('MP-4 a refused password does not use up the key', async () => {
    const { client, code } = await atPasswordStep();
    await client.post('/mypage/open/password', { password: 'short', passwordConfirm: 'short', code });
    await client.get('/mypage/open/password');
    const ok = await client.post('/mypage/open/password', {
      password: PASSWORD,
      passwordConfirm: PASSWORD,
      code,
    });
    expect(ok.location).toBe('/mypage/open/complete');
  });
});

describe('employer MyPage opening', () => {
  it('opens with login e-mail and 事業所番号, then signs in to 求人者マイページ', async () => {
    const { email, employer } = await createEmployer(ctx.deps, { opened: false });
    const client = ctx.client();
    await client.get('/employer/open');
    await client.post('/employer/open', { agree: 'yes' });
    await client.get('/employer/open/identify');
    const sent = await client.post('/employer/open/identify', { email, proof: employer.establishmentNumber });
    expect(sent.location).toBe('/employer/open/sent');
    await ctx.drain();
    const code = codeIn(ctx.mailbox.last(email));
    await client.get('/employer/open/password');
    const done = await client.post('/employer/open/password', {
      password: PASSWORD,
      passwordConfirm: PASSWORD,
      code,
    });
    expect(done.location).toBe('/employer/open/complete');
    const home = await client.submit('/employer/login', { email, password: PASSWORD });
    expect(home.h1()).toBe('求人者マイページ');
    expect(home.text()).toContain(employer.name);
  });

  it('EM-4 SR-7 the opening page reads the 事業所番号 as the staff job form does: without hyphens or in full-width digits', async () => {
    for (const typed of [
      (n: string) => n.replace(/-/g, ''),
      (n: string) =>
        n.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).replace(/-/g, 'ー'),
    ]) {
      const { email, employer } = await createEmployer(ctx.deps, { opened: false });
      const client = ctx.client();
      await client.get('/employer/open');
      await client.post('/employer/open', { agree: 'yes' });
      await client.get('/employer/open/identify');
      const sent = await client.post('/employer/open/identify', {
        email,
        proof: typed(employer.establishmentNumber),
      });
      expect(sent.status).toBe(303);
      expect(sent.location).toBe('/employer/open/sent');
      await ctx.drain();
      expect(ctx.mailbox.last(email)?.subject).toBe('パスワード登録申込受付通知');
    }
  });
});
