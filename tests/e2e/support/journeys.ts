/**
 * Steps shared by the journeys: signing in and out, staff registering a seeker, and a
 * seeker opening MyPage with the 認証キー from the mail. Every page visited is checked with axe.
 * Locators use roles and labels, so the tests also prove the accessible names.
 */
import { randomBytes } from 'node:crypto';
import { expect, type Locator, type Page } from '@playwright/test';
import { checkA11y } from './a11y.ts';
import { codeFrom, readMail } from './mail.ts';

/** The demo accounts seeded on start (src/demo/seed.ts DEMO_ACCOUNTS). */
export const DEMO = {
  staff: { email: 'shokuin@example.jp', password: 'Shokuin-2026!' },
  employer: { email: 'kyujin@example.jp', password: 'Kyujin-2026!' },
  seeker: {
    email: 'kyushoku@example.jp',
    password: 'Kyushoku-2026!',
    birthDate: '1998-04-01',
    name: '山田 太郎',
  },
  unopenedSeeker: { email: 'mikaisetsu@example.jp', birthDate: '1995-06-15' },
} as const;

/** A password that satisfies MP-4 (letters, digits and symbols, 8–32) and shares nothing with the e-mails. */
export const PASSWORD = 'Hikari#2026pw';

export const OPEN_KEY_SUBJECT = 'パスワード登録申込受付通知';

/** A unique address per call, so tests can run in parallel and again on the same database. */
export function uniqueEmail(tag: string): string {
  return `e2e-${tag}-${Date.now().toString(36)}${randomBytes(3).toString('hex')}@example.jp`;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A form field by its visible label; the label may end with the 必須/任意 badge. */
export function field(scope: Page | Locator, label: string): Locator {
  return scope.getByLabel(new RegExp(`^\\s*${escapeRegExp(label)}\\s*(必須|任意)?\\s*$`));
}

export function button(scope: Page | Locator, name: string): Locator {
  return scope.getByRole('button', { name, exact: true });
}

/** The value next to a label in a summary list (<dt>label</dt><dd>value</dd>). */
export function summaryValue(scope: Page | Locator, label: string): Locator {
  const page = 'page' in scope ? scope.page() : scope;
  return scope
    .locator('.summary-list > div')
    .filter({ has: page.locator('dt').getByText(label, { exact: true }) })
    .locator('dd');
}

export type Portal = 'seeker' | 'employer' | 'staff';

const LOGIN: Record<Portal, { path: string; title: string; home: RegExp }> = {
  seeker: { path: '/login', title: '求職者マイページ ログイン', home: /\/mypage$/ },
  employer: { path: '/employer/login', title: '求人者マイページ ログイン', home: /\/employer$/ },
  staff: { path: '/staff/login', title: '職員ログイン', home: /\/staff$/ },
};

/** Fills the sign-in form already on screen and submits it. */
export async function submitLogin(page: Page, email: string, password: string): Promise<void> {
  await field(page, 'メールアドレス').fill(email);
  await field(page, 'パスワード').fill(password);
  await button(page, 'ログイン').click();
}

/** Opens the portal's login page, signs in, and expects the portal's home. */
export async function signIn(page: Page, portal: Portal, email: string, password: string): Promise<void> {
  const login = LOGIN[portal];
  await page.goto(login.path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(login.title);
  await checkA11y(page);
  await submitLogin(page, email, password);
  await expect(page).toHaveURL(login.home);
  await checkA11y(page);
}

export async function signOut(page: Page, portal: Portal = 'seeker'): Promise<void> {
  await button(page, 'ログアウト').click();
  await expect(page).toHaveURL(new RegExp(`${escapeRegExp(LOGIN[portal].path)}\\?out=1$`));
  await expect(page.getByRole('main').getByRole('status')).toContainText('ログアウトしました');
  await checkA11y(page);
}

export interface NewSeeker {
  email: string;
  birthDate: string;
  name: string;
  nameKana: string;
}

export function newSeeker(tag: string): NewSeeker {
  return { email: uniqueEmail(tag), birthDate: '1990-05-20', name: '厚労 花子', nameKana: 'コウロウ ハナコ' };
}

/** MP-1: a signed-in staff member registers a seeker at the counter; returns the 求職番号. */
export async function registerSeekerByStaff(page: Page, seeker: NewSeeker): Promise<string> {
  await page.goto('/staff/seekers/new');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('求職登録');
  await checkA11y(page);
  await field(page, '氏名').fill(seeker.name);
  await field(page, 'フリガナ').fill(seeker.nameKana);
  await field(page, '生年月日').fill(seeker.birthDate);
  await field(page, 'メールアドレス（ログインID）').fill(seeker.email);
  await field(page, '郵便番号').fill('100-8916');
  await field(page, '住所').fill('東京都千代田区霞が関1-2-2');
  await field(page, '電話番号').fill('03-1234-5678');
  await field(page, '希望職種').fill('介護職');
  await button(page, '登録する').click();
  await expect(page).toHaveURL(/\/staff\/seekers\/[0-9a-f-]{36}\?registered=1$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seeker.name);
  await expect(page.getByRole('status')).toContainText('求職登録が完了しました');
  await checkA11y(page);
  return (await summaryValue(page, '求職番号').textContent())?.trim() ?? '';
}

/**
 * MP-2: a seeker registered at the office opens MyPage at /mypage/open — 同意します → メールアドレス・
 * 生年月日 → mail → パスワード・認証キー → 完了 → 「ログイン画面へ進む」. Ends on the login page.
 */
export async function openSeekerMyPage(
  page: Page,
  seeker: { email: string; birthDate: string },
  options: { password?: string; mistakes?: boolean } = {},
): Promise<void> {
  const password = options.password ?? PASSWORD;
  await page.goto('/mypage/open');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('求職者マイページ開設（パスワード登録）');
  await expect(
    page.getByRole('heading', { name: 'ステップ1：プライバシーポリシー・利用規約への同意' }),
  ).toBeVisible();
  await checkA11y(page);
  if (options.mistakes) {
    // 次へ進む without 同意します: the same step again, the error summary linking to the checkbox.
    await button(page, '次へ進む').click();
    await expect(page).toHaveURL(/\/mypage\/open$/);
    await expect(page.getByRole('alert')).toContainText('同意しますにチェックしてください');
    await checkA11y(page, 'agree step with an error');
  }
  await page.getByRole('checkbox', { name: '同意します' }).check();
  await button(page, '次へ進む').click();

  await expect(page).toHaveURL(/\/mypage\/open\/identify$/);
  await expect(
    page.getByRole('heading', { name: 'ステップ2：メールアドレスと生年月日の入力' }),
  ).toBeVisible();
  await checkA11y(page);
  await field(page, 'メールアドレス').fill(seeker.email);
  await field(page, '生年月日').fill(seeker.birthDate);
  await button(page, '次へ進む').click();

  await expect(page).toHaveURL(/\/mypage\/open\/sent$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    '「パスワード登録申込受付通知」メールを送信しました',
  );
  await checkA11y(page);
  const key = codeFrom(await readMail(page, seeker.email, { subject: OPEN_KEY_SUBJECT }));
  await page.getByRole('link', { name: 'パスワードと認証キーの入力へ進む' }).click();

  await expect(page).toHaveURL(/\/mypage\/open\/password$/);
  await expect(page.getByRole('heading', { name: 'ステップ3：パスワードと認証キーの入力' })).toBeVisible();
  await checkA11y(page);
  if (options.mistakes) {
    // A wrong 認証キー: refused next to the field, the journey can go on with the right one.
    await field(page, 'パスワード').fill(password);
    await field(page, 'パスワード（確認用）').fill(password);
    await field(page, '認証キー').fill(key === '000000' ? '111111' : '000000');
    await button(page, '完了').click();
    await expect(page).toHaveURL(/\/mypage\/open\/password$/);
    await expect(page.locator('#f-code-error')).toHaveText(
      '認証キーが正しくありません。メールに記載の認証キーを入力してください（認証キーが無効になっている場合は、はじめからやり直してください）',
    );
    await expect(field(page, '認証キー')).toHaveAttribute('aria-invalid', 'true');
    await checkA11y(page, 'password step with a wrong key');
  }
  await field(page, 'パスワード').fill(password);
  await field(page, 'パスワード（確認用）').fill(password);
  await field(page, '認証キー').fill(key);
  await button(page, '完了').click();

  await expect(page).toHaveURL(/\/mypage\/open\/complete$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('マイページ開設完了');
  await checkA11y(page);
  await page.getByRole('link', { name: 'ログイン画面へ進む' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('求職者マイページ ログイン');
  await checkA11y(page);
}

/** Staff registers a seeker, the seeker opens MyPage and signs in (in `seekerPage`). */
export async function seekerWithMyPage(staffPage: Page, seekerPage: Page, tag: string): Promise<NewSeeker> {
  const seeker = newSeeker(tag);
  await signIn(staffPage, 'staff', DEMO.staff.email, DEMO.staff.password);
  await registerSeekerByStaff(staffPage, seeker);
  await openSeekerMyPage(seekerPage, seeker);
  await submitLogin(seekerPage, seeker.email, PASSWORD);
  await expect(seekerPage).toHaveURL(/\/mypage$/);
  await expect(seekerPage.getByRole('heading', { level: 1 })).toHaveText(`${seeker.name} さんのマイページ`);
  return seeker;
}
