/**
 * Opening the 求人者マイページ (SPEC ST-1, MP-2 for employers): staff registers an employer with a login
 * e-mail and an automatic 事業所番号; the employer opens its MyPage with that e-mail and number, the
 * 認証キー from the mail and a password, and signs in.
 */
import { expect, test } from '@playwright/test';
import { checkA11y } from './support/a11y.ts';
import {
  button,
  DEMO,
  field,
  OPEN_KEY_SUBJECT,
  PASSWORD,
  signIn,
  submitLogin,
  summaryValue,
  uniqueEmail,
} from './support/journeys.ts';
import { codeFrom, readMail } from './support/mail.ts';

test('ST-1/MP-2 staff registers an employer, which opens 求人者マイページ with its 事業所番号 and signs in', async ({
  browser,
  page,
}) => {
  const email = uniqueEmail('employer');
  const name = '株式会社イーツーイー物流';

  // ── Staff: 事業所登録
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, 'staff', DEMO.staff.email, DEMO.staff.password);
  await staff.goto('/staff/employers/new');
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('事業所登録');
  await checkA11y(staff);
  await field(staff, '事業所名').fill(name);
  await field(staff, '事業所名カナ').fill('カブシキガイシャイーツーイーブツリュウ');
  await field(staff, '電話番号').fill('03-5253-2222');
  await field(staff, '郵便番号').fill('135-0061');
  await field(staff, '都道府県').selectOption({ label: '東京都' });
  await field(staff, '市区町村').fill('江東区');
  await field(staff, '番地・建物名').fill('豊洲1-2-3');
  await field(staff, '産業分類').selectOption('H');
  await field(staff, '従業員数（企業全体）').fill('120');
  await field(staff, '従業員数（うち就業場所）').fill('１５０');
  await field(staff, '事業内容').fill('一般貨物自動車運送業、倉庫業');
  await field(staff, 'ログイン用メールアドレス').fill(email);
  await button(staff, '登録する').click();

  // More people at the workplace than in the whole company: refused next to the field, input kept.
  await expect(staff.getByRole('alert')).toContainText(
    '従業員数（うち就業場所）は従業員数（企業全体）以下の人数を入力してください',
  );
  await expect(field(staff, '従業員数（うち就業場所）')).toHaveAttribute('aria-invalid', 'true');
  await expect(field(staff, '事業所名')).toHaveValue(name);
  await expect(field(staff, '産業分類')).toHaveValue('H');
  await checkA11y(staff, '事業所登録 with an error');
  await field(staff, '従業員数（うち就業場所）').fill('35');
  await button(staff, '登録する').click();

  await expect(staff).toHaveURL(/\/staff\/employers\/[0-9a-f-]{36}\?registered=1$/);
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText(name);
  const number = ((await summaryValue(staff, '事業所番号').textContent()) ?? '').trim();
  expect(number).toMatch(/^\d{4}-\d{6}-\d$/);
  await expect(staff.getByRole('status')).toContainText(`事業所を登録しました。事業所番号：${number}`);
  await expect(
    summaryValue(staff.getByRole('region', { name: '求人者マイページ' }), '求人者マイページ'),
  ).toHaveText('未開設');
  await checkA11y(staff);

  // ── The employer: /employer/open
  await page.goto('/employer/open');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('求人者マイページ開設（パスワード登録）');
  await checkA11y(page);
  await page.getByRole('checkbox', { name: '同意します' }).check();
  await button(page, '次へ進む').click();

  await expect(page).toHaveURL(/\/employer\/open\/identify$/);
  await checkA11y(page);
  await field(page, 'メールアドレス').fill(email);
  await field(page, '事業所番号').fill(number);
  await button(page, '次へ進む').click();

  await expect(page).toHaveURL(/\/employer\/open\/sent$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    '「パスワード登録申込受付通知」メールを送信しました',
  );
  await checkA11y(page);
  const body = await readMail(page, email, { subject: OPEN_KEY_SUBJECT });
  expect(body).toContain('求人者マイページ');
  const key = codeFrom(body);
  await page.getByRole('link', { name: 'パスワードと認証キーの入力へ進む' }).click();

  await expect(page).toHaveURL(/\/employer\/open\/password$/);
  await checkA11y(page);
  await field(page, 'パスワード').fill(PASSWORD);
  await field(page, 'パスワード（確認用）').fill(PASSWORD);
  await field(page, '認証キー').fill(key);
  await button(page, '完了').click();

  await expect(page).toHaveURL(/\/employer\/open\/complete$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('マイページ開設完了');
  await checkA11y(page);
  await page.getByRole('link', { name: 'ログイン画面へ進む' }).click();

  await expect(page).toHaveURL(/\/employer\/login$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('求人者マイページ ログイン');
  await checkA11y(page);
  await submitLogin(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/employer$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('求人者マイページ');
  await expect(summaryValue(page, '事業所名')).toHaveText(name);
  await expect(summaryValue(page, '事業所番号')).toHaveText(number);
  await checkA11y(page, '求人者マイページ');

  // Staff now sees the MyPage as opened.
  await staff.reload();
  await expect(
    summaryValue(staff.getByRole('region', { name: '求人者マイページ' }), '求人者マイページ'),
  ).toContainText('開設済み');
  await staffContext.close();
});
