import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAccountByEmail } from '../../src/modules/accounts/accounts.repository.ts';
import { findDraft } from '../../src/modules/registration/registration.repository.ts';
import { findSeekerByAccount } from '../../src/modules/seekers/seekers.repository.ts';
import { createSeeker, PASSWORD, uniqueEmail } from '../support/factories.ts';
import type { Fields, TestClient } from '../support/http.ts';
import { codeIn } from '../support/mailbox.ts';
import { signInAs } from '../support/sign-in.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

let ipCounter = 1;
/** Each client its own address, so the per-address throttles of one test do not touch another. */
const freshClient = () => ctx.client(`198.51.100.${ipCounter++}`);

/** ① 同意 ② メールアドレス; returns the page after ② (the "mail sent" screen). */
async function agreeAndEmail(client: TestClient, email: string) {
  const agree = await client.get('/signup');
  expect(agree.status).toBe(200);
  const afterAgree = await client.post('/signup', { agree: 'yes' });
  expect(afterAgree.location).toBe('/signup/email');
  await client.get('/signup/email');
  const sent = await client.post('/signup/email', { email });
  expect(sent.location).toBe('/signup/sent');
  return client.open('/signup/sent');
}

/** ① to ③, then the 認証キー from the mail received; leaves the client on the password step. */
async function startedSignup(email = uniqueEmail('signup')) {
  const client = freshClient();
  await agreeAndEmail(client, email);
  await ctx.drain();
  const code = codeIn(ctx.mailbox.last(email));
  await client.get('/signup/password');
  return { client, code, email };
}

/** The whole opening: ends signed in, on the wizard's first step. */
async function openedSignup(email = uniqueEmail('signup')) {
  const { client, code } = await startedSignup(email);
  const done = await client.post('/signup/password', { password: PASSWORD, passwordConfirm: PASSWORD, code });
  expect(done.location).toBe('/signup/profile');
  return { client, email };
}

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

const VALID: Record<string, Fields> = {
  basic: {
    name: '山田　花子',
    nameKana: 'やまだ はなこ',
    birthDate: '１９９５／４／１',
    postalCode: '１００８９１６',
    address: '東京都千代田区霞が関１－２－２',
    phone: '０３－１２３４－５６７８',
  },
  info: { publishToEmployers: 'no', receiveJobInformation: 'yes' },
  work: {
    occupation: '一般事務',
    occupationCodes: ['03'],
    workStyle: 'full_time',
    employmentTypes: ['regular'],
    hours: '9:00～18:00',
    holidays: '土日祝',
  },
  place: {
    prefectureCodes: ['13', '', ''],
    cities: '千代田区',
    wageType: 'monthly',
    wageMin: '２００，０００',
    notes: '',
  },
  education: { education: '都立〇〇高等学校 2014年3月卒業', licenses: '普通自動車第一種運転免許' },
  career: { career: '2015年4月～2023年3月　〇〇株式会社\n一般事務（受発注、電話応対）' },
  disability: { disability: '' },
  pr: { selfPr: '正確で丁寧な事務処理が得意です。' },
};
const ORDER = ['basic', 'info', 'work', 'place', 'education', 'career', 'disability', 'pr'] as const;

/** 「次へ進む」 on a step with the given fields; expects to move on. */
async function next(client: TestClient, step: string, fields: Fields) {
  await client.get(`/signup/profile/${step}`);
  const res = await client.post(`/signup/profile/${step}`, { ...fields, action: 'next' });
  expect(res.status, `次へ進む on ${step}: ${res.status === 400 ? res.summary().join(' / ') : ''}`).toBe(303);
  return res;
}

async function throughAllSteps(client: TestClient) {
  for (const step of ORDER) await next(client, step, VALID[step]!);
}

async function signOut(client: TestClient) {
  await client.get('/jobs');
  const out = await client.post('/logout', {});
  expect(out.status).toBe(303);
}

describe('MP-6 internet-only opening and registration', () => {
  it('MP-6 full journey: 同意 → メールアドレス → 認証キー → パスワード → wizard → ホーム shows インターネットでの登録のみ (MP-7)', async () => {
    const email = uniqueEmail('hanako');
    const client = freshClient();
    const agree = await client.get('/signup');
    expect(agree.h1()).toBe('インターネットで求職者マイページを開設');
    expect(agree.text('main')).toContain('一部の機能は利用できません');
    expect(agree.text('main')).toContain('プライバシーポリシー');
    expect(agree.text('main')).toContain('利用規約');
    const sent = await agreeAndEmail(client, email);
    expect(sent.h1()).toBe('認証キーを記載したメールを送信しました');
    expect(sent.text('main')).toContain(email);

    await ctx.drain();
    const mail = ctx.mailbox.last(email);
    expect(mail?.subject).toBe('パスワード登録申込受付通知');
    expect(mail?.text).toContain('30分');
    const code = codeIn(mail);

    const form = await client.get('/signup/password');
    expect(form.dom.querySelector('label[for="f-code"]')?.textContent).toContain('認証キー');
    const done = await client.post('/signup/password', {
      password: PASSWORD,
      passwordConfirm: PASSWORD,
      code,
    });
    expect(done.location).toBe('/signup/profile');

    const first = await client.open('/signup/profile');
    expect(first.h1()).toBe('基本情報');
    expect(first.text('ol li[aria-current="step"]')).toContain('基本情報');
    expect(first.dom.querySelectorAll('nav ol li')).toHaveLength(9);
    // A step not reached yet cannot be opened by its address.
    const skip = await client.get('/signup/profile/career');
    expect(skip.location).toBe('/signup/profile/basic');

    const headings: string[] = [];
    for (const step of ORDER) {
      const p = await client.get(`/signup/profile/${step}`);
      headings.push(p.h1());
      if (step !== 'basic') {
        const back = p.dom.querySelectorAll('form a').find((a) => a.textContent.trim() === '戻る');
        expect(back?.getAttribute('href')).toBe(`/signup/profile/${ORDER[ORDER.indexOf(step) - 1]}`);
      }
      const res = await client.post(`/signup/profile/${step}`, { ...VALID[step], action: 'next' });
      expect(res.status, `${step}: ${res.summary().join(' / ')}`).toBe(303);
    }
    expect(headings).toEqual([
      '基本情報',
      '求職情報提供等',
      '希望職種・時間等',
      '希望勤務地・賃金',
      '学歴/資格',
      '経歴',
      '障害情報',
      '自己PR',
    ]);

    const confirm = await client.open('/signup/profile/confirm');
    expect(confirm.h1()).toBe('確認');
    // (text() folds the full-width space like any other white space)
    expect(confirm.text('#summary-basic')).toContain('山田 花子');
    // The summary shows what will be registered: normalised, not as typed.
    expect(confirm.text('#summary-basic')).toContain('100-8916');
    expect(confirm.text('#summary-basic')).toContain('ヤマダ ハナコ');
    expect(confirm.text('#summary-work')).toContain('正社員');
    expect(confirm.text('#summary-place')).toContain('東京都');
    expect(confirm.text('#summary-info')).toContain('公開しない');
    const edits = confirm.dom.querySelectorAll('main a').filter((a) => a.textContent.includes('修正する'));
    expect(edits.map((a) => a.getAttribute('href'))).toEqual(ORDER.map((s) => `/signup/profile/${s}`));

    const registered = await client.post('/signup/profile/confirm', {});
    expect(registered.location).toBe('/mypage');
    const home = await client.open('/mypage');
    expect(home.h1()).toBe('山田 花子 さんのマイページ');
    expect(home.text('main')).toContain('インターネットでの登録のみ');
    const referrals = home.dom.querySelector('section[aria-labelledby="home-referrals"]')?.textContent ?? '';
    expect(referrals).toContain('ご利用いただけません');
    expect(referrals).toContain('ハローワークで求職登録をした上で');

    const account = await findAccountByEmail(ctx.db, 'seeker', email);
    const seeker = await findSeekerByAccount(ctx.db, account!.id);
    expect(seeker).toMatchObject({
      kind: 'internet',
      seekerNumber: null,
      officeCode: null,
      name: '山田 花子',
      nameKana: 'ヤマダ ハナコ',
      birthDate: '1995-04-01',
      postalCode: '100-8916',
      phone: '03-1234-5678',
      appliedOn: '2026-11-21',
      validUntil: '2027-01-31',
    });
    expect(seeker?.desired).toMatchObject({
      occupation: '一般事務',
      prefectureCodes: ['13'],
      wageMin: 200_000,
      workStyle: 'full_time',
    });
    expect(seeker?.profile).toMatchObject({
      publishToEmployers: false,
      receiveJobInformation: true,
      career: '2015年4月～2023年3月　〇〇株式会社\n一般事務（受発注、電話応対）',
      disability: '',
    });
    expect(await findDraft(ctx.db, account!.id)).toBeUndefined();

    // Registered now: the wizard sends the seeker home.
    expect((await client.get('/signup/profile/basic')).location).toBe('/mypage');
    expect((await client.get('/signup/profile')).location).toBe('/mypage');
  });

  it('MP-6 requires 「同意します」 and keeps the steps in order', async () => {
    const client = freshClient();
    await client.get('/signup');
    const page = await client.post('/signup', {});
    expect(page.status).toBe(400);
    expect(page.fieldError('agree')).toBe('同意しますにチェックしてください');
    expect((await client.get('/signup/email')).location).toBe('/signup');
    expect((await client.get('/signup/password')).location).toBe('/signup');
  });

  it('MP-6 keeps a malformed address and explains it next to the field', async () => {
    const client = freshClient();
    await client.get('/signup');
    await client.post('/signup', { agree: 'yes' });
    await client.get('/signup/email');
    const page = await client.post('/signup/email', { email: 'hanako@example' });
    expect(page.status).toBe(400);
    expect(page.fieldError('email')).toContain('name@example.jp の形式');
    expect(page.value('email')).toBe('hanako@example');
  });

  it('MP-6 an address that already has a seeker account gets the same screen and the "already open" mail, no key', async () => {
    const { email: taken } = await createSeeker(ctx.deps);
    const fresh = uniqueEmail('fresh');
    const a = await agreeAndEmail(freshClient(), taken);
    const b = await agreeAndEmail(freshClient(), fresh);
    expect(a.status).toBe(200);
    expect(a.h1()).toBe(b.h1());
    expect(a.text('main').replace(taken, 'X')).toBe(b.text('main').replace(fresh, 'X'));
    await ctx.drain();
    const mails = ctx.mailbox.to(taken);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('マイページは開設済みです');
    expect(() => codeIn(mails[0])).toThrow();
    expect(ctx.mailbox.last(fresh)?.subject).toBe('パスワード登録申込受付通知');
  });

  it('MP-6 an address registered at an office but not opened is pointed to the opening for registered seekers', async () => {
    const { email } = await createSeeker(ctx.deps, { opened: false });
    const client = freshClient();
    await agreeAndEmail(client, email);
    await ctx.drain();
    const mail = ctx.mailbox.last(email);
    expect(mail?.subject).toBe('求職者マイページの開設について');
    expect(mail?.text).toContain('/mypage/open');
    expect(() => codeIn(mail)).toThrow();
    // No key was issued, so any key is refused and nothing is created.
    await client.get('/signup/password');
    const page = await client.post('/signup/password', {
      password: PASSWORD,
      passwordConfirm: PASSWORD,
      code: '123456',
    });
    expect(page.status).toBe(400);
    expect(page.fieldError('code')).toContain('無効');
  });

  it('MP-4 refuses a weak password without using up the key', async () => {
    const { client, code } = await startedSignup();
    const weak = await client.post('/signup/password', {
      password: 'Abcdefg12',
      passwordConfirm: 'Abcdefg12',
      code,
    });
    expect(weak.status).toBe(400);
    expect(weak.fieldError('password')).toContain('記号');
    await client.get('/signup/password');
    const ok = await client.post('/signup/password', { password: PASSWORD, passwordConfirm: PASSWORD, code });
    expect(ok.location).toBe('/signup/profile');
  });
});

describe('MP-3 the signup 認証キー', () => {
  it('MP-3 is refused at exactly 30 minutes after the mail', async () => {
    const { client, code, email } = await startedSignup();
    ctx.clock.advanceMinutes(30);
    const page = await client.post('/signup/password', {
      password: PASSWORD,
      passwordConfirm: PASSWORD,
      code,
    });
    expect(page.status).toBe(400);
    expect(page.fieldError('code')).toContain('有効期限（30分）が切れています');
    expect(page.dom.querySelector('main a[href="/signup"]')?.textContent).toBe('はじめからやり直す');
    expect(await findAccountByEmail(ctx.db, 'seeker', email)).toBeUndefined();
  });

  it('MP-3 is accepted one minute before it expires', async () => {
    const { client, code } = await startedSignup();
    ctx.clock.advanceMinutes(29);
    const page = await client.post('/signup/password', {
      password: PASSWORD,
      passwordConfirm: PASSWORD,
      code,
    });
    expect(page.location).toBe('/signup/profile');
  });

  it('MP-3 refuses the 6th try after 5 wrong entries, even with the right key', async () => {
    const { client, code, email } = await startedSignup();
    for (let i = 0; i < 5; i++) {
      const page = await client.post('/signup/password', {
        password: PASSWORD,
        passwordConfirm: PASSWORD,
        code: wrong(code),
      });
      expect(page.status).toBe(400);
      expect(page.fieldError('code')).toContain('認証キーが正しくありません');
      await client.get('/signup/password');
    }
    const sixth = await client.post('/signup/password', {
      password: PASSWORD,
      passwordConfirm: PASSWORD,
      code,
    });
    expect(sixth.status).toBe(400);
    expect(sixth.fieldError('code')).toContain('無効');
    expect(await findAccountByEmail(ctx.db, 'seeker', email)).toBeUndefined();
  });

  it('MP-3 refuses a key that was already used (the step replayed from a copy of the browser)', async () => {
    const { client, code, email } = await startedSignup();
    const copy = freshClient();
    for (const [k, v] of client.cookies) copy.cookies.set(k, v);
    const first = await client.post('/signup/password', {
      password: PASSWORD,
      passwordConfirm: PASSWORD,
      code,
    });
    expect(first.location).toBe('/signup/profile');
    await copy.get('/signup/password');
    const replay = await copy.post('/signup/password', {
      password: 'Other#Pass42x',
      passwordConfirm: 'Other#Pass42x',
      code,
    });
    expect(replay.status).toBe(400);
    expect(replay.fieldError('code')).toContain('無効');
    // The first password stands: sign-in with it works, with the replayed one it does not.
    const other = freshClient();
    await other.get('/login');
    const refused = await other.post('/login', { email, password: 'Other#Pass42x' });
    expect(refused.text('main')).toContain('メールアドレスまたはパスワードが正しくありません');
    await signInAs(freshClient(), 'seeker', email, PASSWORD);
  });
});

describe('MP-10 the registration wizard', () => {
  it('MP-10 「一時保存」 keeps exactly what was typed on a half-filled, invalid step; after signing in again the wizard resumes there', async () => {
    const { client, email } = await openedSignup();
    await next(client, 'basic', VALID.basic!);
    await next(client, 'info', VALID.info!);
    await client.get('/signup/profile/work');
    const typed = {
      occupation: '',
      occupationCodes: ['01', '02', '03', '04'],
      employmentTypes: ['non_regular'],
      hours: `  ${'長'.repeat(120)} `,
      holidays: '平日　２日',
    };
    const saved = await client.post('/signup/profile/work', { ...typed, action: 'save' });
    expect(saved.location).toBe('/signup/profile/work?saved=1');
    const shown = await client.open(saved.location!);
    expect(shown.status).toBe(200);
    expect(shown.text('main')).toContain('一時保存しました');
    expect(shown.dom.querySelector('.error-summary')).toBeNull();
    expect(shown.value('hours')).toBe(typed.hours);
    expect(shown.value('holidays')).toBe('平日　２日');

    await signOut(client);
    const res = await signInAs(client, 'seeker', email, PASSWORD);
    expect(res.location).toBe('/mypage');
    const back = await client.open('/mypage');
    expect(back.h1()).toBe('希望職種・時間等');
    expect(back.text('ol li[aria-current="step"]')).toContain('希望職種・時間等');
    expect(back.value('occupation')).toBe('');
    expect(back.value('hours')).toBe(typed.hours);
    expect(back.value('holidays')).toBe('平日　２日');
    for (const code of typed.occupationCodes) expect(back.checked('occupationCodes', code)).toBe(true);
    expect(back.checked('occupationCodes', '05')).toBe(false);
    expect(back.checked('employmentTypes', 'non_regular')).toBe(true);
    expect(back.checked('employmentTypes', 'regular')).toBe(false);
    // The earlier steps kept what was entered too.
    const basic = await client.open('/signup/profile/basic');
    expect(basic.value('name')).toBe('山田　花子');
    expect(basic.value('birthDate')).toBe('１９９５／４／１');
  });

  it('MP-10 a step sent after the session timed out is kept; after signing in, one button sends it and nothing typed is lost', async () => {
    const { client, email } = await openedSignup();
    await next(client, 'basic', VALID.basic!);
    await next(client, 'info', VALID.info!);
    await client.get('/signup/profile/work');
    ctx.clock.advanceMinutes(31); // a long think over 希望職種: the session idles out meanwhile
    const typed = {
      ...VALID.work!,
      hours: '9:00～18:00\r\n（残業は月10時間まで）',
      holidays: '土日祝　夏季休暇',
    };
    const sent = await client.post('/signup/profile/work', { ...typed, action: 'next' });
    expect(sent.status).toBe(303);
    expect(sent.location).toBe('/login?timeout=1&kept=1');
    const login = await client.get(sent.location!);
    expect(login.text('main')).toContain('一定時間操作がなかったため、ログアウトしました');
    expect(login.text('main')).toContain('送信しようとした入力内容は保存しています');

    const signedIn = await client.post('/login', { email, password: PASSWORD });
    expect(signedIn.location).toBe('/kept-form');
    const offer = await client.get('/kept-form');
    expect(offer.status).toBe(200);
    expect(offer.headers.get('cache-control')).toBe('no-store');
    expect(offer.h1()).toBe('保存した入力内容');
    const { action, fields } = offer.hiddenForm('form[action="/signup/profile/work"]');
    const { _csrf: _, ...resend } = fields;
    const res = await client.post(action, resend);
    expect(res.location).toBe('/signup/profile/place');
    const draft = await findDraft(ctx.deps.db, (await findAccountByEmail(ctx.deps.db, 'seeker', email))!.id);
    expect(draft?.data.work).toMatchObject({ hours: typed.hours, holidays: typed.holidays });
    // Sent once, no longer kept: the next sign-in goes straight on.
    expect((await client.get('/kept-form')).status).toBe(303);
  });

  it('MP-10 a kept form is offered only to its own account, can be discarded, and a forged post keeps nothing', async () => {
    const { client, email } = await openedSignup();
    await client.get('/signup/profile/basic');
    const staleToken = client.lastPage!.csrf();
    ctx.clock.advanceMinutes(45);
    // Without the token of that session's page, it is an ordinary CSRF refusal and nothing is kept.
    const forged = await client.post(
      '/signup/profile/basic',
      { name: '偽装', action: 'save' },
      { csrf: 'x' },
    );
    expect(forged.status).toBe(403);
    const genuine = await client.post(
      '/signup/profile/basic',
      { name: '山田　花子', action: 'save' },
      { csrf: staleToken },
    );
    expect(genuine.location).toBe('/login?timeout=1&kept=1');

    // Somebody else signs in on the same browser: nothing is offered to them.
    const other = await createSeeker(ctx.deps);
    expect((await signInAs(client, 'seeker', other.email, other.password)).location).toBe('/mypage');
    expect((await client.get('/kept-form')).location).toBe('/mypage');
    await signOut(client);

    expect((await signInAs(client, 'seeker', email, PASSWORD)).location).toBe('/kept-form');
    const offer = await client.get('/kept-form');
    expect(offer.hiddenForm('form[action="/signup/profile/basic"]').fields.name).toEqual(['山田　花子']);
    const discarded = await client.post('/kept-form/discard', {});
    const after = await client.open(discarded.location!);
    expect(after.text('main')).toContain('保存していた入力内容を破棄しました');
    await signOut(client);
    expect((await signInAs(client, 'seeker', email, PASSWORD)).location).toBe('/mypage');
  });

  it('MP-10 「次へ進む」 with errors answers 400 with the message next to the field and keeps the input', async () => {
    const { client } = await openedSignup();
    await client.get('/signup/profile/basic');
    const page = await client.post('/signup/profile/basic', {
      name: '',
      nameKana: 'ヤマダ',
      birthDate: '1995-02-30',
      postalCode: '１００８９１６',
      address: '東京都千代田区',
      phone: 'abc',
      action: 'next',
    });
    expect(page.status).toBe(400);
    expect(page.h1()).toBe('基本情報');
    expect(page.fieldError('name')).toBe('氏名を入力してください');
    expect(page.fieldError('birthDate')).toContain('実在する日付');
    expect(page.fieldError('phone')).toContain('数字とハイフン');
    expect(page.fieldError('address')).toBeUndefined();
    expect(page.summary()).toHaveLength(3);
    expect(page.value('nameKana')).toBe('ヤマダ');
    expect(page.value('postalCode')).toBe('１００８９１６');
    expect(page.value('phone')).toBe('abc');
    // Not moved on.
    expect((await client.get('/signup/profile/info')).location).toBe('/signup/profile/basic');
  });

  it('MP-10 MP-1 the wizard refuses a 2023 birth date with the rule office registration uses', async () => {
    const { client } = await openedSignup();
    await client.get('/signup/profile/basic');
    const young = await client.post('/signup/profile/basic', {
      ...VALID.basic,
      birthDate: '2023-04-01',
      action: 'next',
    });
    expect(young.status).toBe(400);
    expect(young.fieldError('birthDate')).toBe(
      '生年月日を確認してください（年齢が14歳未満または110歳を超えます）',
    );
    expect(young.value('birthDate')).toBe('2023-04-01');
  });

  it('MP-10 refuses a birth date in the future and a 自己PR over 1000 characters', async () => {
    const { client } = await openedSignup();
    await client.get('/signup/profile/basic');
    const future = await client.post('/signup/profile/basic', {
      ...VALID.basic,
      birthDate: '2026-11-22',
      action: 'next',
    });
    expect(future.status).toBe(400);
    expect(future.fieldError('birthDate')).toBe('生年月日に未来の日付は入力できません');
    for (const step of ORDER.slice(0, 7)) await next(client, step, VALID[step]!);
    await client.get('/signup/profile/pr');
    const long = await client.post('/signup/profile/pr', { selfPr: 'あ'.repeat(1001), action: 'next' });
    expect(long.status).toBe(400);
    expect(long.fieldError('selfPr')).toBe('自己PRは1000文字以内で入力してください');
    expect(long.value('selfPr')).toBe('あ'.repeat(1001));
    const ok = await client.post('/signup/profile/pr', { selfPr: 'あ'.repeat(1000), action: 'next' });
    expect(ok.location).toBe('/signup/profile/confirm');
  });

  it('MP-10 障害情報 says it is optional and can be left empty', async () => {
    const { client } = await openedSignup();
    for (const step of ORDER.slice(0, 6)) await next(client, step, VALID[step]!);
    const page = await client.get('/signup/profile/disability');
    expect(page.text('main')).toContain('この画面の入力は任意です');
    const res = await client.post('/signup/profile/disability', { action: 'next' });
    expect(res.location).toBe('/signup/profile/pr');
  });

  it('MP-10 「登録する」 with an earlier step invalid goes back to that step with its errors', async () => {
    const { client, email } = await openedSignup();
    await throughAllSteps(client);
    // Back to 基本情報, a temporary save with a broken phone number, then straight to 確認.
    await client.get('/signup/profile/basic');
    await client.post('/signup/profile/basic', { ...VALID.basic, phone: '電話なし', action: 'save' });
    const confirm = await client.get('/signup/profile/confirm');
    expect(confirm.status).toBe(200);
    const res = await client.post('/signup/profile/confirm', {});
    expect(res.location).toBe('/signup/profile/basic?check=1');
    const page = await client.open(res.location!);
    expect(page.h1()).toBe('基本情報');
    expect(page.fieldError('phone')).toContain('数字とハイフン');
    expect(page.value('phone')).toBe('電話なし');
    const account = await findAccountByEmail(ctx.db, 'seeker', email);
    expect(await findSeekerByAccount(ctx.db, account!.id)).toBeUndefined();

    // Corrected, the registration goes through.
    await next(client, 'basic', VALID.basic!);
    await client.get('/signup/profile/confirm');
    expect((await client.post('/signup/profile/confirm', {})).location).toBe('/mypage');
    expect((await findSeekerByAccount(ctx.db, account!.id))?.kind).toBe('internet');
  });

  it('MP-10 returning to a step shows what was saved; 戻る is a link to the previous step', async () => {
    const { client } = await openedSignup();
    await next(client, 'basic', VALID.basic!);
    const info = await client.get('/signup/profile/info');
    const back = info.dom.querySelectorAll('main a').find((a) => a.textContent.trim() === '戻る');
    expect(back?.getAttribute('href')).toBe('/signup/profile/basic');
    const basic = await client.get('/signup/profile/basic');
    expect(basic.value('address')).toBe('東京都千代田区霞が関１－２－２');
    expect(basic.value('nameKana')).toBe('やまだ はなこ');
  });

  it('MP-10 the wizard needs a signed-in seeker account without a registration', async () => {
    const anonymous = await freshClient().get('/signup/profile/basic');
    expect(anonymous.status).toBe(303);
    expect(anonymous.location).toMatch(/^\/login/);

    const { email } = await createSeeker(ctx.deps);
    const client = freshClient();
    await signInAs(client, 'seeker', email, PASSWORD);
    expect((await client.get('/signup/profile')).location).toBe('/mypage');
    expect((await client.get('/signup/profile/basic')).location).toBe('/mypage');
    await client.get('/mypage');
    const post = await client.post('/signup/profile/basic', { ...VALID.basic, action: 'save' });
    expect(post.location).toBe('/mypage');
    const confirm = await client.post('/signup/profile/confirm', {});
    expect(confirm.location).toBe('/mypage');
  });
});
