/**
 * Opening the seeker's MyPage (SPEC MP-1, MP-2, MP-5): staff registers a seeker at the counter, the
 * seeker opens MyPage with the 認証キー from the mail, signs in and out. Also without JavaScript.
 */
import { expect, test } from '@playwright/test';
import { checkA11y, skipA11y } from './support/a11y.ts';
import {
  DEMO,
  field,
  newSeeker,
  openSeekerMyPage,
  PASSWORD,
  registerSeekerByStaff,
  signIn,
  signOut,
  submitLogin,
  summaryValue,
} from './support/journeys.ts';

test('MP-1/MP-2/MP-5 staff registers a seeker, who opens MyPage with the mailed 認証キー, signs in and out', async ({
  browser,
  page,
}) => {
  const seeker = newSeeker('open');
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, 'staff', DEMO.staff.email, DEMO.staff.password);
  const seekerNumber = await registerSeekerByStaff(staff, seeker);
  expect(seekerNumber).toMatch(/^\d{5}-\d{8}$/);

  await openSeekerMyPage(page, seeker, { mistakes: true });
  await submitLogin(page, seeker.email, PASSWORD);
  await expect(page).toHaveURL(/\/mypage$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${seeker.name} さんのマイページ`);
  await expect(page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link')).toHaveText([
    'ホーム',
    '求人検索',
    '求職活動状況',
    /^メッセージ/,
    '求職者情報・設定',
  ]);
  // The 求職登録完了 notice waits in メッセージ: screen readers hear the unread count, not the brackets.
  await expect(
    page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: 'メッセージ 未読1件' }),
  ).toBeVisible();
  await expect(summaryValue(page, '求職番号')).toHaveText(seekerNumber);
  await checkA11y(page, 'ホーム');

  // Staff sees the MyPage as opened.
  await staff.reload();
  await expect(summaryValue(staff, '求職者マイページ')).toContainText('開設済み');
  await checkA11y(staff);
  await staff.context().close();

  await signOut(page);
  const response = await page.goto('/mypage/settings');
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(/\/login\?next=%2Fmypage%2Fsettings$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('求職者マイページ ログイン');
  await checkA11y(page, 'login after sign-out');
});

test('MP-2 the demo seeker registered at the office (mikaisetsu) opens MyPage and signs in', async ({
  page,
}) => {
  // One-time journey: the demo account can be opened once per run, so only this test uses it.
  await openSeekerMyPage(page, DEMO.unopenedSeeker);
  await submitLogin(page, DEMO.unopenedSeeker.email, PASSWORD);
  await expect(page).toHaveURL(/\/mypage$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/さんのマイページ$/);
  await expect(summaryValue(page, '求職番号')).toHaveText(/^\d{5}-\d{8}$/);
  await checkA11y(page, 'ホーム');
});

test('MP-5 signing in with a wrong password is refused with one message, and the e-mail is kept', async ({
  page,
}) => {
  await page.goto('/login');
  await submitLogin(page, DEMO.seeker.email, 'Wrong-password-1');
  await expect(page.getByRole('alert')).toContainText('メールアドレスまたはパスワードが正しくありません');
  await expect(field(page, 'メールアドレス')).toHaveValue(DEMO.seeker.email);
  await expect(field(page, 'パスワード')).toHaveValue('');
  await checkA11y(page, 'login failed');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('MP-1/MP-2/MP-5 registering, opening MyPage, signing in and out all work with JavaScript off', async ({
    browser,
    page,
  }) => {
    const seeker = newSeeker('nojs');
    skipA11y(page.context());
    const staffContext = await browser.newContext({ javaScriptEnabled: false });
    skipA11y(staffContext);
    const staff = await staffContext.newPage();
    await signIn(staff, 'staff', DEMO.staff.email, DEMO.staff.password);
    await registerSeekerByStaff(staff, seeker);
    await staffContext.close();

    await openSeekerMyPage(page, seeker);
    await submitLogin(page, seeker.email, PASSWORD);
    await expect(page).toHaveURL(/\/mypage$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${seeker.name} さんのマイページ`);
    await signOut(page);
    await page.goto('/mypage');
    await expect(page).toHaveURL(/\/login\?next=%2Fmypage$/);
  });
});
