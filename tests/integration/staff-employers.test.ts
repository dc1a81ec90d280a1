import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { employerRegistrationSchema } from '../../src/modules/employers/employer-registration.schemas.ts';
import { isValidEstablishmentNumber } from '../../src/modules/employers/establishment-number.ts';
import { registerEmployer } from '../../src/modules/employers/register-employer.ts';
import { createEmployer, createSeeker, createStaff, PASSWORD, uniqueEmail } from '../support/factories.ts';
import type { Fields, Page, TestClient } from '../support/http.ts';
import { codeIn } from '../support/mailbox.ts';
import { signInAs } from '../support/sign-in.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

let ipCounter = 10;
const nextIp = () => `203.0.113.${ipCounter++}`;

async function staffClient(): Promise<TestClient> {
  const staff = await createStaff(ctx.deps);
  const client = ctx.client(nextIp());
  await signInAs(client, 'staff', staff.email, staff.password);
  return client;
}

function employerFields(overrides: Fields = {}): Fields {
  return {
    name: '株式会社みらい介護',
    nameKana: 'カブシキガイシャミライカイゴ',
    postalCode: '１５４－００１７',
    prefectureCode: '13',
    city: '世田谷区',
    address: '世田谷4-21-27',
    phone: '03-5432-1111',
    industryCode: 'P',
    employeesTotal: '１２０',
    employeesAtWorkplace: '35',
    businessDescription: '訪問介護、デイサービスの運営',
    loginEmail: uniqueEmail('mirai'),
    ...overrides,
  };
}

/** The value of a summary-list row by its label. */
function row(page: Page, list: string, label: string): string | undefined {
  const rows = page.dom.querySelectorAll(`#${list} > div`);
  const found = rows.find((r) => r.querySelector('dt')?.textContent.trim() === label);
  return found?.querySelector('dd')?.textContent.replace(/\s+/g, ' ').trim();
}

describe('ST-1 事業所 registration by staff', () => {
  it('ST-1 registers an employer with a login e-mail: 事業所番号 assigned, invitation mailed, and 求人者マイページ opens with the e-mail and that number', async () => {
    const client = await staffClient();
    const form = await client.get('/staff/employers/new');
    expect(form.h1()).toBe('事業所登録');
    const fields = employerFields();
    const email = fields.loginEmail as string;
    const detail = await client.submit('/staff/employers/new', fields);
    expect(detail.status).toBe(200);
    expect(detail.h1()).toBe('株式会社みらい介護');
    const number = row(detail, 'employer', '事業所番号')!;
    // 4-6-1 digits under the staff's office 13010, with a check digit.
    expect(number).toMatch(/^1301-\d{6}-\d$/);
    expect(isValidEstablishmentNumber(number)).toBe(true);
    expect(detail.text('.notice--success')).toContain(`事業所番号：${number}`);
    expect(detail.text('.notice--success')).toContain(email);
    expect(row(detail, 'employer', '所在地')).toBe('〒154-0017 東京都世田谷区世田谷4-21-27');
    expect(row(detail, 'employer', '産業分類')).toBe('医療，福祉');
    expect(row(detail, 'employer', '従業員数')).toBe('企業全体 120人（うち就業場所 35人）');
    expect(row(detail, 'mypage', 'ログイン用メールアドレス')).toBe(email);
    expect(row(detail, 'mypage', '求人者マイページ')).toBe('未開設');

    await ctx.drain();
    const mail = ctx.mailbox.last(email);
    expect(mail?.subject).toBe('求人者マイページ開設のご案内');
    expect(mail?.text).toContain(`事業所番号：${number}`);

    const employer = ctx.client(nextIp());
    await employer.get('/employer/open');
    await employer.post('/employer/open', { agree: 'yes' });
    await employer.get('/employer/open/identify');
    const sent = await employer.post('/employer/open/identify', { email, proof: number });
    expect(sent.location).toBe('/employer/open/sent');
    await ctx.drain();
    const key = ctx.mailbox.last(email);
    expect(key?.subject).toBe('パスワード登録申込受付通知');
    await employer.get('/employer/open/password');
    const done = await employer.post('/employer/open/password', {
      password: PASSWORD,
      passwordConfirm: PASSWORD,
      code: codeIn(key),
    });
    expect(done.location).toBe('/employer/open/complete');
    const home = await employer.submit('/employer/login', { email, password: PASSWORD });
    expect(home.h1()).toBe('求人者マイページ');

    const list = await client.get(`/staff/employers?q=${number}`);
    const opened = await client.get(list.dom.querySelector('#employers tbody a')?.getAttribute('href') ?? '');
    expect(row(opened, 'mypage', '求人者マイページ')).toBe('開設済み（2026年11月21日）');
  });

  it('ST-1 registers an employer without a login e-mail: no account, no mail', async () => {
    const client = await staffClient();
    const before = ctx.mailbox.messages.length;
    const detail = await client.submit(
      '/staff/employers/new',
      employerFields({ loginEmail: '', name: '有限会社ひかり' }),
    );
    expect(detail.status).toBe(200);
    expect(detail.h1()).toBe('有限会社ひかり');
    expect(detail.text('.notice--success')).toContain('事業所番号：');
    expect(row(detail, 'mypage', 'ログイン用メールアドレス')).toBe('未登録');
    expect(row(detail, 'mypage', '求人者マイページ')).toBe('ログイン用メールアドレス未登録');
    await ctx.drain();
    expect(ctx.mailbox.messages.length).toBe(before);
  });

  it('ST-1 a login e-mail added later to an employer registered without one: checked next to the field, invitation mailed, MyPage opens', async () => {
    const client = await staffClient();
    const detail = await client.submit(
      '/staff/employers/new',
      employerFields({ loginEmail: '', name: '合同会社あとから' }),
    );
    const path = new URL(detail.dom.querySelector('form#add-login')!.getAttribute('action')!, 'http://x')
      .pathname;
    const number = row(detail, 'employer', '事業所番号')!;
    expect(detail.text('#add-login')).toContain('ログイン用メールアドレスの登録');

    const empty = await client.post(path, { loginEmail: '' });
    expect(empty.status).toBe(400);
    expect(empty.fieldError('loginEmail')).toBe('ログイン用メールアドレスを入力してください');
    const { email: takenEmail } = await createEmployer(ctx.deps);
    const taken = await client.post(path, { loginEmail: takenEmail.toUpperCase() });
    expect(taken.status).toBe(400);
    expect(taken.fieldError('loginEmail')).toContain('既に他の事業所のログイン用メールアドレス');
    expect(taken.value('loginEmail')).toBe(takenEmail.toUpperCase());

    const email = uniqueEmail('later');
    const added = await client.post(path, { loginEmail: `  ${email.toUpperCase()} ` });
    const shown = await client.open(added.location!);
    expect(shown.text('.notice--success')).toContain(
      `${email} に「求人者マイページ開設のご案内」を送信しました`,
    );
    expect(row(shown, 'mypage', 'ログイン用メールアドレス')).toBe(email);
    expect(row(shown, 'mypage', '求人者マイページ')).toBe('未開設');
    expect(shown.dom.querySelector('#add-login')).toBeNull();
    await ctx.drain();
    expect(ctx.mailbox.last(email)?.text).toContain(`事業所番号：${number}`);

    // A second login cannot be attached (another tab, 戻る): the page says one exists.
    const again = await client.post(path, { loginEmail: uniqueEmail('second') });
    const after = await client.open(again.location!);
    expect(after.text('main')).toContain('既にログイン用メールアドレスが登録されています');
    expect(row(after, 'mypage', 'ログイン用メールアドレス')).toBe(email);

    const employer = ctx.client(nextIp());
    await employer.get('/employer/open');
    await employer.post('/employer/open', { agree: 'yes' });
    await employer.get('/employer/open/identify');
    expect((await employer.post('/employer/open/identify', { email, proof: number })).location).toBe(
      '/employer/open/sent',
    );
    await ctx.drain();
    expect(ctx.mailbox.last(email)?.subject).toBe('パスワード登録申込受付通知');
  });

  it('ST-1 gives each registration its own 事業所番号, clear of numbers already used under the office', async () => {
    const client = await staffClient();
    const existing = await createEmployer(ctx.deps);
    const a = await client.submit('/staff/employers/new', employerFields({ loginEmail: '' }));
    const b = await client.submit('/staff/employers/new', employerFields({ loginEmail: '' }));
    const numbers = [row(a, 'employer', '事業所番号'), row(b, 'employer', '事業所番号')];
    expect(new Set([...numbers, existing.employer.establishmentNumber]).size).toBe(3);
    for (const n of numbers) expect(isValidEstablishmentNumber(n!)).toBe(true);
  });

  it('ST-1 two registrations at the same moment both succeed with different 事業所番号 (a clash is retried)', async () => {
    await createStaff(ctx.deps); // seeds the offices
    const data = (name: string) =>
      employerRegistrationSchema.parse(employerFields({ name, loginEmail: uniqueEmail('race') }));
    const results = await Promise.all([
      registerEmployer(ctx.deps, { officeCode: '13010', data: data('同時登録A') }),
      registerEmployer(ctx.deps, { officeCode: '13010', data: data('同時登録B') }),
    ]);
    const numbers = results.map((r) => (r.ok ? r.establishmentNumber : r.problem));
    expect(numbers.every((n) => isValidEstablishmentNumber(n))).toBe(true);
    expect(new Set(numbers).size).toBe(2);
  });

  it('ST-1 refuses missing and malformed fields next to each field, keeping the input', async () => {
    const client = await staffClient();
    await client.get('/staff/employers/new');
    const fields = employerFields({
      name: '',
      nameKana: '未来介護',
      prefectureCode: '',
      employeesTotal: '十',
      loginEmail: 'not-an-address',
    });
    const page = await client.post('/staff/employers/new', fields);
    expect(page.status).toBe(400);
    expect(page.fieldError('name')).toBe('事業所名を入力してください');
    expect(page.fieldError('nameKana')).toBe('事業所名カナはカタカナで入力してください');
    expect(page.fieldError('prefectureCode')).toBe('都道府県を選択してください');
    expect(page.fieldError('employeesTotal')).toBe(
      '従業員数（企業全体）は半角または全角の数字で入力してください',
    );
    expect(page.fieldError('loginEmail')).toBe(
      'ログイン用メールアドレスは name@example.jp の形式で入力してください',
    );
    expect(page.summary()).toHaveLength(5);
    expect(page.value('nameKana')).toBe('未来介護');
    expect(page.value('city')).toBe('世田谷区');
    expect(page.value('industryCode')).toBe('P');
    expect(page.value('loginEmail')).toBe('not-an-address');
  });

  it('ST-1 refuses more employees at the workplace than in the company', async () => {
    const client = await staffClient();
    await client.get('/staff/employers/new');
    const page = await client.post(
      '/staff/employers/new',
      employerFields({ employeesTotal: '10', employeesAtWorkplace: '11' }),
    );
    expect(page.status).toBe(400);
    expect(page.fieldError('employeesAtWorkplace')).toBe(
      '従業員数（うち就業場所）は従業員数（企業全体）以下の人数を入力してください',
    );
    expect(page.value('employeesAtWorkplace')).toBe('11');
  });

  it('ST-1 refuses a login e-mail already used by another employer, next to the field', async () => {
    const client = await staffClient();
    const { email } = await createEmployer(ctx.deps);
    await client.get('/staff/employers/new');
    const page = await client.post('/staff/employers/new', employerFields({ loginEmail: email }));
    expect(page.status).toBe(400);
    expect(page.fieldError('loginEmail')).toContain(
      '既に他の事業所のログイン用メールアドレスとして登録されています',
    );
    expect(page.summary()).toHaveLength(1);
    expect(page.value('loginEmail')).toBe(email);
    expect(page.value('name')).toBe('株式会社みらい介護');
    // A seeker's login address is another role's account: accepted for an employer.
    const seeker = await createSeeker(ctx.deps);
    const ok = await client.submit('/staff/employers/new', employerFields({ loginEmail: seeker.email }));
    expect(ok.status).toBe(200);
  });
});

describe('ST-1 事業所 list and detail', () => {
  it('ST-1 finds employers by 事業所名, カナ (hiragana too), 事業所番号 and e-mail, newest first', async () => {
    const client = await staffClient();
    const first = await client.submit(
      '/staff/employers/new',
      employerFields({ name: '検索テスト商事', nameKana: 'ケンサクテストショウジ' }),
    );
    ctx.clock.advanceMinutes(1);
    const fields = employerFields({ name: '検索テスト物産', nameKana: 'ケンサクテストブッサン' });
    const second = await client.submit('/staff/employers/new', fields);
    const number = row(second, 'employer', '事業所番号')!;
    const names = (p: Page) =>
      p.dom.querySelectorAll('#employers tbody tr td:nth-child(2) a').map((a) => a.textContent);

    const list = await client.get('/staff/employers');
    expect(list.h1()).toBe('事業所一覧');
    expect(list.dom.querySelector('main a[href="/staff/employers/new"]')?.textContent).toBe('事業所登録');
    expect(names(list).indexOf('検索テスト物産')).toBeLessThan(names(list).indexOf('検索テスト商事'));
    expect(names(await client.get(`/staff/employers?q=${encodeURIComponent('テスト物産')}`))).toEqual([
      '検索テスト物産',
    ]);
    expect(names(await client.get(`/staff/employers?q=${encodeURIComponent('けんさくてすと')}`))).toEqual([
      '検索テスト物産',
      '検索テスト商事',
    ]);
    expect(names(await client.get(`/staff/employers?q=${number}`))).toEqual(['検索テスト物産']);
    expect(
      names(await client.get(`/staff/employers?q=${encodeURIComponent(fields.loginEmail as string)}`)),
    ).toEqual(['検索テスト物産']);
    const none = await client.get(`/staff/employers?q=${encodeURIComponent('存在しない事業所')}`);
    expect(none.text('main')).toContain('に一致する事業所は見つかりませんでした。');
    expect(row(first, 'employer', '事業所名')).toBe('検索テスト商事');
  });

  it('ST-1 shows an opened 求人者マイページ, and a 404 page for an unknown employer', async () => {
    const client = await staffClient();
    const { employer, email } = await createEmployer(ctx.deps, { opened: true });
    const detail = await client.get(`/staff/employers/${employer.id}`);
    expect(detail.h1()).toBe(employer.name);
    expect(row(detail, 'mypage', 'ログイン用メールアドレス')).toBe(email);
    expect(row(detail, 'mypage', '求人者マイページ')).toMatch(/^開設済み（\d{4}年\d{1,2}月\d{1,2}日）$/);
    const unknown = await client.get('/staff/employers/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.h1()).toBe('ページが見つかりません');
    expect((await client.get('/staff/employers/1301-000001-7')).status).toBe(404);
  });

  it('ST-1 the list, the form and an employer page render in English', async () => {
    const client = await staffClient();
    const { employer } = await createEmployer(ctx.deps, { withLogin: false });
    await client.get('/locale?lang=en&next=/staff/employers');
    expect((await client.get('/staff/employers')).h1()).toBe('Employers');
    expect((await client.get('/staff/employers/new')).h1()).toBe('Register an employer');
    const detail = await client.get(`/staff/employers/${employer.id}`);
    // English: no 〒 (a Japanese mark), and the Japanese part of the address marked lang="ja" (ADR 0038).
    expect(row(detail, 'employer', 'Location')).toBe('100-0001 Tokyo 千代田区千代田1-1');
    expect(row(detail, 'mypage', 'Employer MyPage')).toBe('No login e-mail address');
  });

  it('ST-1 a signed-in seeker or employer gets 403; anonymous is sent to the staff login', async () => {
    const seeker = await createSeeker(ctx.deps);
    const seekerClient = ctx.client(nextIp());
    await signInAs(seekerClient, 'seeker', seeker.email, seeker.password);
    const employer = await createEmployer(ctx.deps);
    const employerClient = ctx.client(nextIp());
    await signInAs(employerClient, 'employer', employer.email, employer.password);
    for (const path of [
      '/staff/employers',
      '/staff/employers/new',
      `/staff/employers/${employer.employer.id}`,
    ]) {
      expect((await seekerClient.get(path)).status).toBe(403);
      expect((await employerClient.get(path)).status).toBe(403);
      const anonymous = await ctx.client(nextIp()).get(path);
      expect(anonymous.status).toBe(303);
      expect(anonymous.location).toMatch(/^\/staff\/login/);
    }
    await employerClient.get('/employer');
    expect((await employerClient.post('/staff/employers/new', employerFields())).status).toBe(403);
  });
});
