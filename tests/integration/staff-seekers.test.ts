import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { insertAccount } from '../../src/modules/accounts/accounts.repository.ts';
import { hashPassword } from '../../src/modules/accounts/password-hash.ts';
import { findDraft, saveDraft } from '../../src/modules/registration/registration.repository.ts';
import {
  createEmployer,
  createSeeker,
  createStaff,
  OFFICE,
  PASSWORD,
  uniqueEmail,
} from '../support/factories.ts';
import type { Fields, Page, TestClient } from '../support/http.ts';
import { codeIn } from '../support/mailbox.ts';
import { signInAs } from '../support/sign-in.ts';
import { seekerRegistrationForm as registration } from '../support/staff-forms.ts';
import { createTestContext, DEFAULT_NOW, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());
afterEach(() => ctx.clock.set(DEFAULT_NOW));

let ipCounter = 10;
const nextIp = () => `198.51.100.${ipCounter++}`;
const COUNSELLING = 'section[aria-labelledby="seeker-counselling"]';

async function staffClient(): Promise<TestClient> {
  const staff = await createStaff(ctx.deps);
  const client = ctx.client(nextIp());
  await signInAs(client, 'staff', staff.email, staff.password);
  return client;
}

/** The value of a summary-list row by its label. */
function row(page: Page, list: string, label: string): string | undefined {
  const rows = page.dom.querySelectorAll(`#${list} > div`);
  const found = rows.find((r) => r.querySelector('dt')?.textContent.trim() === label);
  return found?.querySelector('dd')?.textContent.replace(/\s+/g, ' ').trim();
}

async function record(client: TestClient, seekerId: string, fields: Fields): Promise<Page> {
  return client.submit(`/staff/seekers/${seekerId}`, fields, `/staff/seekers/${seekerId}/counselling`);
}

describe('MP-1 求職登録 by staff', () => {
  it('MP-1 staff registers a seeker: 求職番号 shown, registration mail received, and the seeker can open MyPage with that e-mail and birth date', async () => {
    const client = await staffClient();
    const form = await client.get('/staff/seekers/new');
    expect(form.status).toBe(200);
    expect(form.h1()).toBe('求職登録');

    const fields = registration();
    const email = fields.email as string;
    const detail = await client.submit('/staff/seekers/new', fields);
    expect(detail.status).toBe(200);
    expect(detail.h1()).toBe('山田 花子');
    const notice = detail.text('.notice--success');
    const seekerNumber = /求職番号：(\d{5}-\d{8})/.exec(notice)?.[1];
    expect(seekerNumber).toMatch(new RegExp(`^${OFFICE}-\\d{8}$`));
    expect(row(detail, 'registration', '求職番号')).toBe(seekerNumber);
    expect(row(detail, 'registration', '登録区分')).toBe('ハローワークで求職登録');
    expect(row(detail, 'registration', '求職申込日')).toBe('2026年11月21日');
    // MP-9: 翌々月末 of 2026-11-21.
    expect(row(detail, 'registration', '有効期限')).toBe('2027年1月31日');
    expect(row(detail, 'registration', '状態')).toBe('有効');
    expect(row(detail, 'registration', '求職者マイページ')).toBe('未開設');
    expect(row(detail, 'profile', 'フリガナ')).toBe('ヤマダ ハナコ');
    expect(row(detail, 'profile', 'メールアドレス（ログインID）')).toBe(email);
    expect(row(detail, 'desired', '希望職種')).toBe('一般事務');
    expect(row(detail, 'desired', '希望勤務地')).toBe('東京都 千代田区');
    expect(row(detail, 'desired', '希望賃金')).toBe('月給 220,000円以上');

    await ctx.drain();
    const mail = ctx.mailbox.last(email);
    expect(mail?.subject).toBe('求職登録完了のお知らせ');
    expect(mail?.text).toContain('山田 花子 様');
    expect(mail?.text).toContain(`求職番号：${seekerNumber}`);
    expect(mail?.text).toContain('有効期限：2027年1月31日');

    // MP-2 step ②: the registered address and birth date get a 認証キー.
    const seeker = ctx.client(nextIp());
    await seeker.get('/mypage/open');
    await seeker.post('/mypage/open', { agree: 'yes' });
    await seeker.get('/mypage/open/identify');
    const sent = await seeker.post('/mypage/open/identify', { email, proof: '1992-08-15' });
    expect(sent.location).toBe('/mypage/open/sent');
    await ctx.drain();
    const key = ctx.mailbox.last(email);
    expect(key?.subject).toBe('パスワード登録申込受付通知');
    const code = codeIn(key);
    await seeker.get('/mypage/open/password');
    const done = await seeker.post('/mypage/open/password', {
      password: PASSWORD,
      passwordConfirm: PASSWORD,
      code,
    });
    expect(done.location).toBe('/mypage/open/complete');

    const list = await client.get(`/staff/seekers?q=${seekerNumber}`);
    const href = list.dom.querySelector('#seekers tbody a')?.getAttribute('href') ?? '';
    const opened = await client.get(href);
    expect(row(opened, 'registration', '求職者マイページ')).toBe('開設済み（2026年11月21日）');
  });

  it('MP-1 the list finds a registered seeker by 求職番号, 氏名, フリガナ (also typed in hiragana) and e-mail, newest first', async () => {
    const client = await staffClient();
    const first = await client.submit(
      '/staff/seekers/new',
      registration({ name: '検索 一郎', nameKana: 'ケンサク イチロウ' }),
    );
    ctx.clock.advanceMinutes(1);
    const fields = registration({ name: '検索 二郎', nameKana: 'ケンサク ジロウ' });
    const second = await client.submit('/staff/seekers/new', fields);
    const number = row(second, 'registration', '求職番号')!;
    expect(row(first, 'registration', '求職番号')).not.toBe(number);

    const list = await client.get('/staff/seekers');
    expect(list.h1()).toBe('求職者一覧');
    expect(list.dom.querySelector('main a[href="/staff/seekers/new"]')?.textContent).toBe('求職登録');
    const names = (p: Page) =>
      p.dom.querySelectorAll('#seekers tbody tr td:nth-child(2) a').map((a) => a.textContent);
    expect(names(list).indexOf('検索 二郎')).toBeLessThan(names(list).indexOf('検索 一郎'));

    expect(names(await client.get(`/staff/seekers?q=${encodeURIComponent(number)}`))).toEqual(['検索 二郎']);
    expect(names(await client.get(`/staff/seekers?q=${encodeURIComponent('検索二郎')}`))).toEqual([
      '検索 二郎',
    ]);
    expect(names(await client.get(`/staff/seekers?q=${encodeURIComponent('けんさく')}`))).toEqual([
      '検索 二郎',
      '検索 一郎',
    ]);
    expect(names(await client.get(`/staff/seekers?q=${encodeURIComponent(fields.email as string)}`))).toEqual(
      ['検索 二郎'],
    );
    const none = await client.get(`/staff/seekers?q=${encodeURIComponent('該当なし％')}`);
    expect(none.text('main')).toContain('に一致する求職者は見つかりませんでした。');

    const link = list.dom.querySelector('#seekers tbody a')?.getAttribute('href') ?? '';
    expect((await client.get(link)).status).toBe(200);
  });

  it('MP-1 lists internet-only seekers too, marked as such', async () => {
    const client = await staffClient();
    const { email } = await createSeeker(ctx.deps, { kind: 'internet', name: 'ネット 登録子' });
    const list = await client.get(`/staff/seekers?q=${encodeURIComponent(email)}`);
    const cells = list.dom.querySelectorAll('#seekers tbody tr td').map((td) => td.textContent.trim());
    expect(cells).toContain('インターネットのみ');
    expect(cells[0]).toBe('―');
  });

  it('MP-1 refuses missing 氏名, フリガナ in kanji and an impossible birth date next to each field, keeping the input', async () => {
    const client = await staffClient();
    const fields = registration({ name: '', nameKana: '山田 花子', birthDate: '1992-02-30' });
    await client.get('/staff/seekers/new');
    const page = await client.post('/staff/seekers/new', fields);
    expect(page.status).toBe(400);
    expect(page.fieldError('name')).toBe('氏名を入力してください');
    expect(page.fieldError('nameKana')).toBe('フリガナはカタカナで入力してください');
    expect(page.fieldError('birthDate')).toBe('生年月日は実在する日付を 2000-01-31 の形式で入力してください');
    expect(page.summary()).toHaveLength(3);
    expect(page.value('nameKana')).toBe('山田 花子');
    expect(page.value('birthDate')).toBe('1992-02-30');
    expect(page.value('email')).toBe(fields.email);
    expect(page.value('occupation')).toBe('一般事務');
    expect(page.checked('occupationCodes', '03')).toBe(true);
    await ctx.drain();
    expect(ctx.mailbox.to(fields.email as string)).toHaveLength(0);
  });

  it('MP-1 フリガナ typed in hiragana (or half-width kana) is folded to katakana, as the signup wizard does', async () => {
    const client = await staffClient();
    await client.get('/staff/seekers/new');
    const detail = await client.submit('/staff/seekers/new', registration({ nameKana: 'やまだ　ﾊﾅｺ' }));
    expect(detail.status).toBe(200);
    expect(detail.text('main')).toContain('ヤマダ ハナコ');
    expect(detail.text('main')).not.toContain('やまだ');
  });

  it('MP-1 refuses a birth date in the future next to the field', async () => {
    const client = await staffClient();
    await client.get('/staff/seekers/new');
    const page = await client.post('/staff/seekers/new', registration({ birthDate: '2026-11-22' }));
    expect(page.status).toBe(400);
    expect(page.fieldError('birthDate')).toBe('生年月日に未来の日付は入力できません');
    expect(page.value('birthDate')).toBe('2026-11-22');
  });

  it('MP-1 refuses an e-mail address that is already a seeker login, keeping the input; an internet-only one is pointed to its own page', async () => {
    const client = await staffClient();
    const { email: internetEmail } = await createSeeker(ctx.deps, { kind: 'internet' });
    await client.get('/staff/seekers/new');
    const internet = await client.post('/staff/seekers/new', registration({ email: internetEmail }));
    expect(internet.status).toBe(400);
    expect(internet.fieldError('email')).toContain('インターネットで登録した求職者のログインIDです');
    expect(internet.fieldError('email')).toContain('「窓口で求職登録する」');

    const { email } = await createSeeker(ctx.deps);
    const fields = registration({ email: email.toUpperCase() });
    const page = await client.post('/staff/seekers/new', fields);
    expect(page.status).toBe(400);
    expect(page.fieldError('email')).toContain('既に求職者のログインIDとして登録されています');
    expect(page.summary()).toHaveLength(1);
    expect(page.value('email')).toBe(email.toUpperCase());
    expect(page.value('name')).toBe('山田 花子');
    // The same address as an employer's login is a different account: accepted.
    const { email: employerEmail } = await createEmployer(ctx.deps);
    const ok = await client.submit('/staff/seekers/new', registration({ email: employerEmail }));
    expect(ok.status).toBe(200);
    expect(ok.text('.notice--success')).toContain('求職番号：');
  });
});

describe('ST-1 職業相談 and MP-9 extension', () => {
  it('ST-1 a recorded counselling session appears in the history, newest first, with the counsellor', async () => {
    const client = await staffClient();
    const { seeker } = await createSeeker(ctx.deps, { appliedOn: '2026-11-02' });
    const detail = await client.get(`/staff/seekers/${seeker.id}`);
    expect(detail.text(COUNSELLING)).toContain('まだ職業相談の記録はありません。');
    expect(detail.value('heldOn')).toBe('2026-11-21');

    const first = await record(client, seeker.id, {
      heldOn: '2026-11-10',
      desiredConditions: '介護職（日勤のみ）\n世田谷区内',
      notes: '資格取得を検討中',
    });
    expect(first.status).toBe(200);
    expect(first.text('.notice--success')).toContain('職業相談を記録しました。');
    const second = await record(client, seeker.id, {
      heldOn: '２０２６／１１／２１',
      desiredConditions: '一般事務、月給20万円以上',
      notes: '',
    });
    const rows = second.dom
      .querySelectorAll('#counselling tbody tr')
      .map((r) => r.querySelectorAll('td').map((td) => td.textContent.trim()));
    expect(rows).toEqual([
      ['2026年11月21日', '一般事務、月給20万円以上', '―', '職員 一郎'],
      ['2026年11月10日', '介護職（日勤のみ）\n世田谷区内', '資格取得を検討中', '職員 一郎'],
    ]);
    // The line break is kept as <br>, not as text that browsers would collapse.
    expect(
      second.dom.querySelectorAll('#counselling tbody tr')[1]?.querySelector('td:nth-child(2)')?.innerHTML,
    ).toBe('介護職（日勤のみ）<br>世田谷区内');
  });

  it('ST-1 refuses a missing 確認した希望条件, a future 相談日 and overlong text next to the fields, keeping the input', async () => {
    const client = await staffClient();
    const { seeker } = await createSeeker(ctx.deps);
    const path = `/staff/seekers/${seeker.id}`;
    await client.get(path);
    const missing = await client.post(`${path}/counselling`, {
      heldOn: '2026-11-21',
      desiredConditions: '',
      notes: 'メモ',
    });
    expect(missing.status).toBe(400);
    expect(missing.fieldError('desiredConditions')).toBe('確認した希望条件を入力してください');
    expect(missing.value('notes')).toBe('メモ');

    await client.get(path);
    const future = await client.post(`${path}/counselling`, {
      heldOn: '2026-11-22',
      desiredConditions: '事務',
    });
    expect(future.status).toBe(400);
    expect(future.fieldError('heldOn')).toBe('相談日に未来の日付は入力できません');
    expect(future.value('heldOn')).toBe('2026-11-22');
    expect(future.value('desiredConditions')).toBe('事務');

    await client.get(path);
    const long = await client.post(`${path}/counselling`, {
      heldOn: '2026-11-21',
      desiredConditions: 'あ'.repeat(1001),
      notes: 'い'.repeat(2001),
    });
    expect(long.status).toBe(400);
    expect(long.fieldError('desiredConditions')).toBe('確認した希望条件は1000文字以内で入力してください');
    expect(long.fieldError('notes')).toBe('メモは2000文字以内で入力してください');

    const after = await client.get(path);
    expect(after.text(COUNSELLING)).toContain('まだ職業相談の記録はありません。');
  });

  it('MP-9 counselling in the final month extends 有効期限 to the end of the next month', async () => {
    const client = await staffClient();
    const { seeker } = await createSeeker(ctx.deps, { appliedOn: '2026-09-10', validUntil: '2026-11-30' });
    const page = await record(client, seeker.id, { heldOn: '2026-11-21', desiredConditions: '倉庫内作業' });
    expect(page.text('.notice--success')).toContain('有効期限を2026年12月31日まで延長しました。');
    expect(row(page, 'registration', '有効期限')).toBe('2026年12月31日');
  });

  it('MP-9 counselling before the final month does not extend 有効期限', async () => {
    const client = await staffClient();
    const { seeker } = await createSeeker(ctx.deps, { appliedOn: '2026-10-05', validUntil: '2026-12-31' });
    const page = await record(client, seeker.id, { heldOn: '2026-11-21', desiredConditions: '倉庫内作業' });
    expect(page.text('.notice--success')).toContain('職業相談を記録しました。');
    expect(page.text('.notice--success')).not.toContain('延長');
    expect(row(page, 'registration', '有効期限')).toBe('2026年12月31日');
  });

  it('MP-9 moving the clock into the final month, counselling on its last day extends across the year end', async () => {
    ctx.clock.set('2026-12-31T14:00:00Z'); // 2026-12-31 23:00 in Tokyo
    const client = await staffClient();
    const { seeker } = await createSeeker(ctx.deps, { appliedOn: '2026-10-05', validUntil: '2026-12-31' });
    const page = await record(client, seeker.id, { heldOn: '2026-12-31', desiredConditions: '倉庫内作業' });
    expect(row(page, 'registration', '有効期限')).toBe('2027年1月31日');
    // A second session in the same (former) final month does not extend again.
    const again = await record(client, seeker.id, { heldOn: '2026-12-30', desiredConditions: '倉庫内作業' });
    expect(row(again, 'registration', '有効期限')).toBe('2027年1月31日');
  });

  it('MP-9 a counselling recorded after the lapse, dated inside the final month, does not revive the registration', async () => {
    ctx.clock.set('2026-12-02T01:00:00Z'); // 2026-12-02 10:00 in Tokyo: lapsed since 2026-12-01
    const client = await staffClient();
    const { seeker } = await createSeeker(ctx.deps, { appliedOn: '2026-09-10', validUntil: '2026-11-30' });
    const page = await record(client, seeker.id, { heldOn: '2026-11-28', desiredConditions: '倉庫内作業' });
    expect(page.text('.notice--success')).toContain('職業相談を記録しました。');
    expect(page.text('.notice--success')).not.toContain('延長');
    expect(row(page, 'registration', '有効期限')).toBe('2026年11月30日');
    expect(row(page, 'registration', '状態')).toBe('有効期限切れ');
    expect(page.text(COUNSELLING)).toContain('職業相談を記録しても有効期限は延長されません。');
  });

  it('ST-1 internet-only seekers show why counselling cannot be recorded, and a post is refused', async () => {
    const client = await staffClient();
    const { seeker } = await createSeeker(ctx.deps, { kind: 'internet' });
    const path = `/staff/seekers/${seeker.id}`;
    const detail = await client.get(path);
    expect(row(detail, 'registration', '登録区分')).toBe('インターネットでの登録のみ');
    expect(row(detail, 'registration', '求職番号')).toBe('なし（インターネットでの登録のみ）');
    expect(detail.dom.querySelector(`form[action="${path}/counselling"]`)).toBeNull();
    expect(detail.text('#counselling-refused')).toContain('職業相談を記録できません');

    const refused = await client.post(`${path}/counselling`, {
      heldOn: '2026-11-21',
      desiredConditions: '事務',
    });
    expect(refused.status).toBe(409);
    expect(refused.text(COUNSELLING)).toContain('まだ職業相談の記録はありません。');
  });

  it('MP-1 an address that opened MyPage on the internet but never finished the wizard is registered at the counter, keeping its password', async () => {
    const client = await staffClient();
    const email = uniqueEmail('halfway');
    const account = await insertAccount(ctx.deps.db, {
      role: 'seeker',
      email,
      passwordHash: await hashPassword(PASSWORD),
      openedAt: ctx.clock.now(),
      now: ctx.clock.now(),
    });
    await saveDraft(ctx.deps.db, {
      accountId: account.id,
      step: 'work',
      data: { basic: { name: '途中' } },
      now: ctx.clock.now(),
    });

    const detail = await client.submit('/staff/seekers/new', registration({ email, name: '途中 保存' }));
    expect(detail.status).toBe(200);
    const number = row(detail, 'registration', '求職番号')!;
    expect(row(detail, 'registration', '求職者マイページ')).toContain('開設済み');
    expect(await findDraft(ctx.deps.db, account.id)).toBeUndefined();
    await ctx.drain();
    const mail = ctx.mailbox.last(email);
    expect(mail?.text).toContain(`求職番号：${number}`);
    expect(mail?.text).toContain('開設済みのメールアドレスとパスワードでそのままログイン');

    const seeker = ctx.client(nextIp());
    await signInAs(seeker, 'seeker', email, PASSWORD);
    const home = await seeker.open('/mypage');
    expect(home.h1()).toBe('途中 保存 さんのマイページ');
    expect(home.text('main')).toContain(number);
  });

  it('MP-1 an internet-only seeker is registered at the office from their page: same login and answers, a 求職番号, counselling from then on', async () => {
    ctx.clock.set('2026-12-03T01:00:00Z');
    const client = await staffClient();
    const made = await createSeeker(ctx.deps, { kind: 'internet', name: '窓口 転子' });
    const path = `/staff/seekers/${made.seeker.id}`;
    const seekerClient = ctx.client(nextIp());
    await signInAs(seekerClient, 'seeker', made.email, made.password);
    expect((await seekerClient.get('/mypage')).text('main')).toContain('ご利用いただけません');

    const detail = await client.get(path);
    expect(detail.text('#at-office')).toContain(
      'ログインID、マイページ、インターネットで登録した内容はそのまま引き継がれます',
    );
    const done = await client.submit(path, {}, `${path}/register`);
    expect(done.status).toBe(200);
    const number = row(done, 'registration', '求職番号')!;
    expect(number).toMatch(new RegExp(`^${OFFICE}-\\d{8}$`));
    expect(done.text('.notice--success')).toContain(`窓口での求職登録が完了しました。求職番号：${number}`);
    expect(row(done, 'registration', '登録区分')).toBe('ハローワークで求職登録');
    expect(row(done, 'registration', '求職申込日')).toBe('2026年12月3日');
    expect(row(done, 'registration', '有効期限')).toBe('2027年2月28日');
    expect(done.dom.querySelector('#at-office')).toBeNull();
    expect(done.dom.querySelector(`form[action="${path}/counselling"]`)).not.toBeNull();

    await ctx.drain();
    const mail = ctx.mailbox.last(made.email);
    expect(mail?.subject).toBe('求職登録完了のお知らせ');
    expect(mail?.text).toContain(`求職番号：${number}`);
    expect(mail?.text).toContain(
      'インターネットで登録した内容とマイページは、そのまま引き続きご利用いただけます',
    );

    // The seeker, still signed in, now has a registered MyPage.
    const home = await seekerClient.get('/mypage');
    expect(home.text('main')).toContain(number);
    expect(home.text('main')).not.toContain('ご利用いただけません');

    // Sent again (another tab, 戻る): no second number, the page says so.
    const again = await client.post(`${path}/register`, {});
    const shown = await client.open(again.location!);
    expect(shown.text('main')).toContain('既にハローワークで求職登録されています');
    expect(row(shown, 'registration', '求職番号')).toBe(number);
  });

  it("MP-1 MP-10 counter registration checks the internet-only seeker's birth date again and refuses a 2023 one", async () => {
    const client = await staffClient();
    const made = await createSeeker(ctx.deps, { kind: 'internet', birthDate: '2023-04-01' });
    const path = `/staff/seekers/${made.seeker.id}`;
    await client.get(path);
    const refused = await client.submit(path, {}, `${path}/register`);
    expect(refused.text('.notice--error')).toContain('窓口で求職登録できません');
    expect(refused.text('.notice--error')).toContain('年齢が14歳未満または110歳を超えます');
    expect(row(refused, 'registration', '登録区分')).toBe('インターネットでの登録のみ');
    expect(refused.dom.querySelector('#at-office')).not.toBeNull();
  });

  it('ST-1 shows whether MyPage is opened and a 404 page for an unknown seeker', async () => {
    const client = await staffClient();
    const { seeker } = await createSeeker(ctx.deps, { opened: true });
    const detail = await client.get(`/staff/seekers/${seeker.id}`);
    expect(row(detail, 'registration', '求職者マイページ')).toBe('開設済み（2026年11月21日）');
    const unknown = await client.get('/staff/seekers/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.h1()).toBe('ページが見つかりません');
    expect((await client.get('/staff/seekers/not-an-id')).status).toBe(404);
    await client.get(`/staff/seekers/${seeker.id}`);
    expect(
      (
        await client.post('/staff/seekers/00000000-0000-4000-8000-000000000000/counselling', {
          heldOn: '2026-11-21',
        })
      ).status,
    ).toBe(404);
  });
});

describe('MP-9 再開 at the counter and the validity history', () => {
  const RENEW = '求職申込みを再開する';

  it('MP-9 staff renew a lapsed registration after a confirmation: 翌々月末 from today, switched on, kept in the history', async () => {
    ctx.clock.set('2026-12-02T01:00:00Z'); // 2026-12-02 in Tokyo
    const staff = await staffClient();
    const { seeker } = await createSeeker(ctx.deps, {
      appliedOn: '2026-09-10',
      validUntil: '2026-11-30',
      active: false,
    });
    const path = `/staff/seekers/${seeker.id}`;
    const detail = await staff.get(path);
    expect(row(detail, 'registration', '状態')).toBe('有効期限切れ');
    expect(detail.text('#renewal')).toContain(RENEW);
    expect(detail.dom.querySelector(`#renewal a[href="${path}/renew"]`)).not.toBeNull();

    const confirm = await staff.get(`${path}/renew`);
    expect(confirm.status).toBe(200);
    expect(confirm.h1()).toBe('求職申込みの再開の確認');
    expect(confirm.text('#renew-confirm')).toContain('有効期限を2026年11月30日から2027年2月28日');
    // Nothing changes before the confirmation is sent.
    expect(row(await staff.get(path), 'registration', '有効期限')).toBe('2026年11月30日');

    await staff.get(`${path}/renew`);
    const done = await staff.submit(`${path}/renew`, {});
    expect(done.status).toBe(200);
    expect(done.text('.notice--success')).toContain('求職申込みを再開しました。有効期限：2027年2月28日');
    expect(row(done, 'registration', '有効期限')).toBe('2027年2月28日');
    expect(row(done, 'registration', '状態')).toBe('有効');
    expect(done.dom.querySelector('#renewal')).toBeNull();
    const history = done.text('#validity-history');
    expect(history).toContain('再開');
    expect(history).toContain('2026年11月30日');
    expect(history).toContain('2027年2月28日');
    expect(history).toContain('職員 一郎');

    // Sent again (double click, 戻る): nothing more is renewed.
    const again = await staff.post(`${path}/renew`, {});
    const shown = await staff.open(again.location!);
    expect(shown.text('main')).toContain('再開の必要はありません');
    expect(shown.dom.querySelectorAll('#validity-history tbody tr')).toHaveLength(1);
  });

  it('MP-9 renewal is offered in the final month, not before it, and never for internet-only seekers', async () => {
    const staff = await staffClient();
    const due = await createSeeker(ctx.deps, { appliedOn: '2026-09-10', validUntil: '2026-11-30' });
    const page = await staff.get(`/staff/seekers/${due.seeker.id}`);
    expect(page.text('#renewal')).toContain('まもなく有効期限（最終月）です');
    const notDue = await createSeeker(ctx.deps, { appliedOn: '2026-11-16', validUntil: '2027-01-31' });
    expect((await staff.get(`/staff/seekers/${notDue.seeker.id}`)).dom.querySelector('#renewal')).toBeNull();
    const refused = await staff.post(`/staff/seekers/${notDue.seeker.id}/renew`, {});
    expect(refused.location).toBe(`/staff/seekers/${notDue.seeker.id}?renew=not_due`);
    expect(row(await staff.get(`/staff/seekers/${notDue.seeker.id}`), 'registration', '有効期限')).toBe(
      '2027年1月31日',
    );
    const internet = await createSeeker(ctx.deps, { kind: 'internet', validUntil: '2026-11-30' });
    expect(
      (await staff.get(`/staff/seekers/${internet.seeker.id}`)).dom.querySelector('#renewal'),
    ).toBeNull();
    await staff.post(`/staff/seekers/${internet.seeker.id}/renew`, {});
    expect(row(await staff.get(`/staff/seekers/${internet.seeker.id}`), 'registration', '有効期限')).toBe(
      '2026年11月30日',
    );
  });

  it('MP-9 renewal is staff-only and needs the CSRF token', async () => {
    const staff = await staffClient();
    const target = await createSeeker(ctx.deps, { appliedOn: '2026-09-01', validUntil: '2026-10-31' });
    const path = `/staff/seekers/${target.seeker.id}`;
    await staff.get(path);
    const noToken = await staff.post(`${path}/renew`, {}, { csrf: false });
    expect(noToken.status).toBe(403);

    const other = await createSeeker(ctx.deps);
    const seekerClient = ctx.client(nextIp());
    await signInAs(seekerClient, 'seeker', other.email, other.password);
    await seekerClient.get('/mypage');
    expect((await seekerClient.post(`${path}/renew`, {})).status).toBe(403);
    expect((await seekerClient.get(`${path}/renew`)).status).toBe(403);
    expect(row(await staff.get(path), 'registration', '有効期限')).toBe('2026年10月31日');
  });

  it('MP-9 the history records 求職申込 at registration and each 職業相談 extension with its session', async () => {
    const staff = await staffClient();
    const fields = registration();
    const detail = await staff.submit('/staff/seekers/new', fields);
    const { findSeekerByEmail } = await import('../../src/modules/seekers/seekers.repository.ts');
    const id = (await findSeekerByEmail(ctx.db, fields.email as string))!.id;
    const first = detail.dom.querySelectorAll('#validity-history tbody tr');
    expect(first).toHaveLength(1);
    expect(first[0]!.textContent).toContain('求職申込');
    expect(first[0]!.textContent).toContain('2027年1月31日');

    ctx.clock.set('2027-01-10T01:00:00Z'); // the final month; the earlier session has timed out
    const later = await staffClient();
    const page = await record(later, id, { heldOn: '2027-01-10', desiredConditions: '事務' });
    const rows = page.dom.querySelectorAll('#validity-history tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('職業相談');
    expect(rows[0]!.textContent).toContain('2027年2月28日');
    const { registrationValidityHistory, counsellingSessions } = await import('../../src/db/schema/index.ts');
    const { eq } = await import('drizzle-orm');
    const [session] = await ctx.db
      .select()
      .from(counsellingSessions)
      .where(eq(counsellingSessions.seekerId, id));
    const stored = await ctx.db
      .select()
      .from(registrationValidityHistory)
      .where(eq(registrationValidityHistory.seekerId, id));
    expect(stored.find((h) => h.cause === 'counselling')?.sourceId).toBe(session!.id);
    // A session that extends nothing writes no history row.
    const none = await record(later, id, { heldOn: '2027-01-10', desiredConditions: '事務' });
    expect(none.dom.querySelectorAll('#validity-history tbody tr')).toHaveLength(2);
  });
});

describe('MP-9 across the Tokyo day boundary (15:00–23:59 UTC is the next day in Tokyo)', () => {
  it('MP-9 lapses at 00:00 in Tokyo the day after 翌々月末: 14:59 UTC still 有効, 15:00 UTC 有効期限切れ, for staff and the seeker', async () => {
    ctx.clock.set('2026-11-30T14:59:00Z'); // 2026-11-30 23:59 in Tokyo
    const staff = await staffClient();
    const made = await createSeeker(ctx.deps, { appliedOn: '2026-09-10', validUntil: '2026-11-30' });
    const seekerClient = ctx.client(nextIp());
    await signInAs(seekerClient, 'seeker', made.email, made.password);
    const path = `/staff/seekers/${made.seeker.id}`;
    expect(row(await staff.get(path), 'registration', '状態')).toBe('有効');
    expect((await seekerClient.get('/mypage')).text('main')).not.toContain('有効期限が過ぎています');

    ctx.clock.set('2026-11-30T15:00:00Z'); // 2026-12-01 00:00 in Tokyo, still 30 Nov in UTC
    expect(row(await staff.get(path), 'registration', '状態')).toBe('有効期限切れ');
    expect((await seekerClient.get('/mypage')).text('main')).toContain('有効期限が過ぎています');
  });

  it('MP-9 a 職業相談 on the first day of the final month at 15:00 UTC of the previous UTC day extends; at 14:59 UTC it does not', async () => {
    ctx.clock.set('2026-10-31T14:59:00Z'); // 2026-10-31 23:59 in Tokyo: not yet the final month
    const before = await staffClient();
    const early = await createSeeker(ctx.deps, { appliedOn: '2026-09-10', validUntil: '2026-11-30' });
    const form = await before.get(`/staff/seekers/${early.seeker.id}`);
    expect(form.value('heldOn')).toBe('2026-10-31');
    const notYet = await record(before, early.seeker.id, { heldOn: '2026-10-31', desiredConditions: '事務' });
    expect(row(notYet, 'registration', '有効期限')).toBe('2026年11月30日');

    ctx.clock.set('2026-10-31T15:00:00Z'); // 2026-11-01 00:00 in Tokyo
    const staff = await staffClient();
    const { seeker } = await createSeeker(ctx.deps, { appliedOn: '2026-09-10', validUntil: '2026-11-30' });
    const page = await staff.get(`/staff/seekers/${seeker.id}`);
    expect(page.value('heldOn')).toBe('2026-11-01');
    const done = await record(staff, seeker.id, { heldOn: page.value('heldOn')!, desiredConditions: '事務' });
    expect(done.text('.notice--success')).toContain('有効期限を2026年12月31日まで延長しました。');
    // A 相談日 of the Tokyo day is not "in the future" although UTC is still on the day before.
    expect(done.status).toBe(200);
  });

  it('MP-9 a counselling recorded at 15:00 UTC on the last UTC day, the first Tokyo day after the end, does not revive', async () => {
    ctx.clock.set('2026-11-30T15:30:00Z'); // 2026-12-01 00:30 in Tokyo
    const staff = await staffClient();
    const { seeker } = await createSeeker(ctx.deps, { appliedOn: '2026-09-10', validUntil: '2026-11-30' });
    const page = await record(staff, seeker.id, { heldOn: '2026-11-30', desiredConditions: '事務' });
    expect(row(page, 'registration', '有効期限')).toBe('2026年11月30日');
    expect(row(page, 'registration', '状態')).toBe('有効期限切れ');
  });

  it('MP-9 a renewal at 15:00 UTC on 30 November counts from 1 December in Tokyo: valid until 2027-02-28', async () => {
    ctx.clock.set('2026-11-30T15:00:00Z');
    const staff = await staffClient();
    const { seeker } = await createSeeker(ctx.deps, { appliedOn: '2026-08-10', validUntil: '2026-10-31' });
    const path = `/staff/seekers/${seeker.id}`;
    await staff.get(`${path}/renew`);
    const done = await staff.submit(`${path}/renew`, {});
    expect(row(done, 'registration', '有効期限')).toBe('2027年2月28日');
    expect(done.text('#validity-history')).toContain('2026-12-01 00:00');
  });
});

describe('ST-1 in English', () => {
  it('ST-1 the list, the form and a seeker page render in the second locale', async () => {
    const client = await staffClient();
    const { seeker } = await createSeeker(ctx.deps, { kind: 'internet' });
    await client.get('/locale?lang=en&next=/staff/seekers');
    expect((await client.get('/staff/seekers')).h1()).toBe('Job seekers');
    const form = await client.get('/staff/seekers/new');
    expect(form.h1()).toBe('Register a job seeker');
    const invalid = await client.post('/staff/seekers/new', registration({ name: '' }));
    expect(invalid.status).toBe(400);
    expect(invalid.fieldError('name')).toBeTruthy();
    const detail = await client.get(`/staff/seekers/${seeker.id}`);
    expect(row(detail, 'registration', 'Registration')).toBe('Registered online only');
    expect(detail.text(COUNSELLING)).toContain('Counselling cannot be recorded');
  });
});

describe('ST-1 staff pages are for staff only', () => {
  it('ST-1 a signed-in seeker or employer gets 403; anonymous is sent to the staff login', async () => {
    const seeker = await createSeeker(ctx.deps);
    const seekerClient = ctx.client(nextIp());
    await signInAs(seekerClient, 'seeker', seeker.email, seeker.password);
    const employer = await createEmployer(ctx.deps);
    const employerClient = ctx.client(nextIp());
    await signInAs(employerClient, 'employer', employer.email, employer.password);
    for (const path of ['/staff/seekers', '/staff/seekers/new', `/staff/seekers/${seeker.seeker.id}`]) {
      expect((await seekerClient.get(path)).status).toBe(403);
      expect((await employerClient.get(path)).status).toBe(403);
      const anonymous = await ctx.client(nextIp()).get(path);
      expect(anonymous.status).toBe(303);
      expect(anonymous.location).toMatch(/^\/staff\/login/);
    }
    await seekerClient.get('/mypage');
    const post = await seekerClient.post('/staff/seekers/new', registration());
    expect(post.status).toBe(403);
  });
});
