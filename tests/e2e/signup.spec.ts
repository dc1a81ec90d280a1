/**
 * Internet-only registration (SPEC MP-6, MP-7, MP-10): /signup to ホーム without an office visit —
 * agree, e-mail, 認証キー from the mail, password; then the registration wizard with 一時保存 and a
 * sign-out in the middle, and ホーム showing what an internet-only seeker cannot use; then staff
 * register the same person at the counter and ホーム shows the 求職番号.
 */
import { expect, type Page, test } from '@playwright/test';
import { checkA11y } from './support/a11y.ts';
import {
  button,
  DEMO,
  field,
  OPEN_KEY_SUBJECT,
  PASSWORD,
  signIn,
  signOut,
  submitLogin,
  summaryValue,
  uniqueEmail,
} from './support/journeys.ts';
import { codeFrom, readMail } from './support/mail.ts';

const STEP_TITLE = /^求職者情報の登録（ステップ(\d)／9）$/;

async function expectStep(page: Page, path: string, heading: string, n: number): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`/signup/profile/${path}(\\?saved=1)?$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  await expect(page.getByText(STEP_TITLE)).toHaveText(`求職者情報の登録（ステップ${n}／9）`);
  await expect(
    page.getByRole('navigation', { name: '登録の手順' }).locator('[aria-current="step"]'),
  ).toContainText(heading);
}

test('MP-6/MP-10/MP-7/MP-1 internet-only registration: opening, wizard with 一時保存 across a sign-out, ホーム, then the counter', async ({
  page,
  browser,
}) => {
  const email = uniqueEmail('signup');
  const name = '職安 一郎';

  // ── Opening without an office visit (MP-6)
  await page.goto('/signup');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('インターネットで求職者マイページを開設');
  await checkA11y(page);
  await page.getByRole('checkbox', { name: '同意します' }).check();
  await button(page, '次へ進む').click();

  await expect(page).toHaveURL(/\/signup\/email$/);
  await expect(page.getByRole('heading', { name: 'ステップ2：メールアドレスの入力' })).toBeVisible();
  await checkA11y(page);
  await field(page, 'メールアドレス').fill(email);
  await button(page, '次へ進む').click();

  await expect(page).toHaveURL(/\/signup\/sent$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('認証キーを記載したメールを送信しました');
  await checkA11y(page);
  const key = codeFrom(await readMail(page, email, { subject: OPEN_KEY_SUBJECT }));
  await page.getByRole('link', { name: 'パスワードと認証キーの入力へ進む' }).click();

  await expect(page).toHaveURL(/\/signup\/password$/);
  await checkA11y(page);
  await field(page, 'パスワード').fill(PASSWORD);
  await field(page, 'パスワード（確認用）').fill(PASSWORD);
  await field(page, '認証キー').fill(key);
  await button(page, '次へ進む').click();

  // ── The wizard (MP-10): 基本情報, first with nothing typed
  await expectStep(page, 'basic', '基本情報', 1);
  await checkA11y(page);
  await button(page, '次へ進む').click();
  await expect(page.getByRole('alert')).toContainText('氏名を入力してください');
  await expect(field(page, '氏名')).toHaveAttribute('aria-invalid', 'true');
  await checkA11y(page, '基本情報 with errors');
  await field(page, '氏名').fill(name);
  await field(page, 'フリガナ').fill('しょくあん いちろう');
  await field(page, '生年月日').fill('１９９２－０７－１５');
  await field(page, '郵便番号').fill('1600023');
  await field(page, '住所').fill('東京都新宿区西新宿2-8-1');
  await field(page, '電話番号').fill('090-1111-2222');
  await button(page, '次へ進む').click();

  // 求職情報提供等
  await expectStep(page, 'info', '求職情報提供等', 2);
  await checkA11y(page);
  await page
    .getByRole('group', { name: /^求職情報の公開/ })
    .getByRole('radio', { name: '公開しない', exact: true })
    .check();
  await page
    .getByRole('group', { name: /^ハローワークからの求人情報の提供/ })
    .getByRole('radio', { name: '希望しない', exact: true })
    .check();
  await button(page, '次へ進む').click();

  // 希望職種・時間等: part of it, then 一時保存
  await expectStep(page, 'work', '希望職種・時間等', 3);
  await checkA11y(page);
  await field(page, '希望職種').fill('一般事務');
  await field(page, '希望就業時間').fill('9:00～17:00');
  await page
    .getByRole('group', { name: /^希望する雇用形態/ })
    .getByRole('checkbox', { name: '正社員', exact: true })
    .check();
  await button(page, '一時保存').click();
  await expect(page).toHaveURL(/\/signup\/profile\/work\?saved=1$/);
  await expect(page.getByRole('main').getByRole('status')).toContainText('一時保存しました');
  await checkA11y(page, 'after 一時保存');

  // Sign out and in again: back on the same step, with what was typed.
  await signOut(page);
  await submitLogin(page, email, PASSWORD);
  await expectStep(page, 'work', '希望職種・時間等', 3);
  await expect(field(page, '希望職種')).toHaveValue('一般事務');
  await expect(field(page, '希望就業時間')).toHaveValue('9:00～17:00');
  await expect(
    page
      .getByRole('group', { name: /^希望する雇用形態/ })
      .getByRole('checkbox', { name: '正社員', exact: true }),
  ).toBeChecked();
  await checkA11y(page, 'resumed after sign-in');
  await button(page, '次へ進む').click();

  // 希望勤務地・賃金
  await expectStep(page, 'place', '希望勤務地・賃金', 4);
  await checkA11y(page);
  await page
    .getByRole('group', { name: /^希望勤務地（都道府県・3つまで）/ })
    .getByLabel('第1希望')
    .selectOption({ label: '東京都' });
  await field(page, '希望賃金（下限・円）').fill('２００，０００');
  await button(page, '次へ進む').click();

  // 学歴/資格
  await expectStep(page, 'education', '学歴/資格', 5);
  await checkA11y(page);
  await field(page, '学歴').fill('〇〇高等学校 普通科 2011年3月卒業');
  await button(page, '次へ進む').click();

  // 経歴, 障害情報, 自己PR: optional
  await expectStep(page, 'career', '経歴', 6);
  await checkA11y(page);
  await field(page, '職歴').fill('2011年4月～2024年3月 〇〇株式会社 一般事務');
  await button(page, '次へ進む').click();
  await expectStep(page, 'disability', '障害情報', 7);
  await checkA11y(page);
  await button(page, '次へ進む').click();
  await expectStep(page, 'pr', '自己PR', 8);
  await checkA11y(page);
  await button(page, '次へ進む').click();

  // 確認
  await expectStep(page, 'confirm', '確認', 9);
  await checkA11y(page);
  const basic = page.getByRole('region', { name: '基本情報' });
  await expect(summaryValue(basic, '氏名')).toHaveText(name);
  // The summary shows what will be registered: typed in hiragana, shown (and stored) in katakana.
  await expect(summaryValue(basic, 'フリガナ')).toHaveText('ショクアン イチロウ');
  await expect(summaryValue(page.getByRole('region', { name: '希望職種・時間等' }), '希望職種')).toHaveText(
    '一般事務',
  );
  // Soft: a wrong summary must not hide what the rest of the journey finds.
  await expect
    .soft(
      summaryValue(page.getByRole('region', { name: '希望勤務地・賃金' }), '希望勤務地（都道府県・3つまで）'),
      'the unused 第2希望/第3希望 selects must not show as empty list items',
    )
    .toHaveText('東京都', { timeout: 2_000 });
  await expect(
    summaryValue(page.getByRole('region', { name: '希望勤務地・賃金' }), '希望賃金（下限・円）'),
  ).toHaveText('200000');
  await button(page, '登録する').click();

  // ── ホーム (MP-7): internet-only, office-only functions unavailable with the reason
  await expect(page).toHaveURL(/\/mypage$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${name} さんのマイページ`);
  await expect(summaryValue(page, '求職番号')).toHaveText('インターネットでの登録のみ');
  const referrals = page.getByRole('region', { name: 'オンラインハローワーク紹介対象求人' });
  await expect(referrals).toContainText('ご利用いただけません');
  await expect(referrals).toContainText(
    'この機能は、ハローワークで求職登録をした上で求職者マイページを開設した方のみご利用いただけます。',
  );
  await expect(page.getByRole('region', { name: 'ハローワークからの情報提供' })).toContainText(
    'ご利用いただけません',
  );
  await checkA11y(page, 'ホーム');

  // What was registered, normalised: katakana フリガナ, the date and postal code in half-width.
  await page
    .getByRole('navigation', { name: 'メインメニュー' })
    .getByRole('link', { name: '求職者情報・設定' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('求職者情報・設定');
  await expect(summaryValue(page, 'フリガナ')).toHaveText('ショクアン イチロウ');
  await expect(summaryValue(page, '生年月日')).toHaveText('1992年7月15日');
  await expect(summaryValue(page, '住所')).toHaveText('〒160-0023 東京都新宿区西新宿2-8-1');
  await expect(summaryValue(page, 'メールアドレス（ログインID）')).toHaveText(email);
  await checkA11y(page, '求職者情報・設定');

  // The wizard is closed now.
  await page.goto('/signup/profile/basic');
  await expect(page).toHaveURL(/\/mypage$/);

  // ── Later at the counter (MP-1): staff register the same person at the office from their page.
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, 'staff', DEMO.staff.email, DEMO.staff.password);
  await staff.goto(`/staff/seekers?q=${encodeURIComponent(email)}`);
  await staff.getByRole('table').getByRole('link', { name }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(summaryValue(staff, '登録区分')).toHaveText('インターネットでの登録のみ');
  await checkA11y(staff, 'staff: an internet-only seeker');
  await button(staff, '窓口で求職登録する').click();
  await expect(staff.getByRole('status')).toContainText('窓口での求職登録が完了しました');
  const number = ((await summaryValue(staff, '求職番号').textContent()) ?? '').trim();
  expect(number).toMatch(/^\d{5}-\d{8}$/);
  await checkA11y(staff, 'staff: registered at the office');
  await staffContext.close();

  // The seeker, still signed in, now sees the 求職番号 and the office functions.
  await page.goto('/mypage');
  await expect(summaryValue(page, '求職番号')).toHaveText(number);
  await expect(page.getByRole('region', { name: 'オンラインハローワーク紹介対象求人' })).not.toContainText(
    'ご利用いただけません',
  );
});
