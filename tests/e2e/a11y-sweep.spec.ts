/**
 * An axe sweep over the main pages of every portal (WCAG 2.0/2.1 A and AA), including pages with form
 * errors shown. Signed-in pages use the demo accounts read-only. Each page's findings are reported
 * softly, so one run lists them all.
 */
import { expect, type Page, test } from '@playwright/test';
import { axeFindings, checkA11y, visit } from './support/a11y.ts';
import { button, DEMO, signIn, submitLogin } from './support/journeys.ts';

/** Follows the first link of the page's table (a list → one record's page). */
async function firstRecord(page: Page, prefix: string): Promise<void> {
  const link = page.getByRole('table').getByRole('link').first();
  await expect(link).toHaveAttribute('href', new RegExp(`^${prefix}/`));
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${prefix}/[^/]+$`));
  await checkA11y(page);
}

test('a11y sweep: public pages (top, search, a job, sign-in and opening pages, 404)', async ({ page }) => {
  await visit(page, '/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ハローワークインターネットサービス');
  await visit(page, '/jobs');
  const first = page.getByRole('article').first().getByRole('heading', { level: 3 }).getByRole('link');
  await first.click();
  await expect(page).toHaveURL(/\/jobs\/\d{5}-\d{8}$/);
  await checkA11y(page, 'job detail');
  for (const path of [
    '/login',
    '/login?timeout=1&kept=1',
    '/employer/login',
    '/staff/login',
    '/mypage/open',
    '/employer/open',
    '/signup',
    '/password-reset',
    '/employer/password-reset',
  ]) {
    await visit(page, path);
  }
  await visit(page, '/no-such-page', 404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ページが見つかりません');
  await visit(page, '/jobs/99999-99999999', 404);

  // Pages with form errors shown.
  await visit(page, '/jobs?age=abc', 400);
  await expect(page.getByRole('alert')).toBeVisible();
  await page.goto('/login');
  await button(page, 'ログイン').click();
  await expect(page.getByRole('alert')).toContainText('メールアドレスを入力してください');
  await checkA11y(page, 'login with errors');
});

test('a11y sweep: seeker MyPage (ホーム, 求職者情報・設定, 求職活動状況, メッセージ, lists, search signed in)', async ({
  page,
}) => {
  await signIn(page, 'seeker', DEMO.seeker.email, DEMO.seeker.password);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${DEMO.seeker.name} さんのマイページ`);
  for (const path of [
    '/mypage/settings',
    '/kept-form?discarded=1',
    '/mypage/activity',
    '/mypage/activity/referrals',
    '/mypage/activity/applications',
    '/mypage/messages',
    '/mypage/favorites',
    '/mypage/searches',
    '/jobs?kw=介護',
  ]) {
    await visit(page, path);
  }
  await expect(page.getByRole('region', { name: 'この検索条件を保存' })).toBeVisible();
  await page.getByRole('article').first().getByRole('heading', { level: 3 }).getByRole('link').click();
  await expect(page.getByRole('button', { name: 'お気に入り保存' })).toBeVisible();
  await checkA11y(page, 'job detail, signed in');
  // The オンライン自主応募 form with its errors shown (nothing is sent: the form is refused).
  await visit(page, '/mypage/jobs/13010-00000001/apply');
  await button(page, '次へ進む').click();
  await expect(page.getByRole('alert')).toBeVisible();
  await checkA11y(page, 'apply form with errors');
});

test('a11y sweep: staff console (home, 求職者, 事業所, 求人, registration forms with errors)', async ({
  page,
}) => {
  await signIn(page, 'staff', DEMO.staff.email, DEMO.staff.password);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('職員トップ');
  await visit(page, '/staff/seekers');
  await firstRecord(page, '/staff/seekers');
  const seekerPath = new URL(page.url()).pathname;
  await visit(page, `${seekerPath}/referrals`);
  await visit(page, `${seekerPath}/referrals/fit`);
  await visit(page, '/staff/employers');
  await firstRecord(page, '/staff/employers');
  await visit(page, '/staff/jobs');
  // The list holds jobs awaiting acceptance (none in the demo data); look one up by its number.
  await visit(page, '/staff/jobs?number=13010-09999999');
  await expect(page).toHaveURL(/\/staff\/jobs\/[^/?]+$/);
  await visit(page, '/staff/jobs?number=abc', 400);
  await expect(page.getByRole('alert')).toBeVisible();
  await visit(page, '/staff/jobs/new');
  await visit(page, '/staff/employers/new');
  await visit(page, '/staff/seekers/new');
  await button(page, '登録する').click();
  await expect(page.getByRole('alert')).toContainText('氏名を入力してください');
  await checkA11y(page, '求職登録 with errors');
});

test('a11y sweep: employer MyPage (home, 求人一覧, a job, new job form)', async ({ page }) => {
  await page.goto('/employer/login');
  await submitLogin(page, DEMO.employer.email, DEMO.employer.password);
  await expect(page).toHaveURL(/\/employer$/);
  await checkA11y(page);
  await visit(page, '/employer/jobs');
  await firstRecord(page, '/employer/jobs');
  await visit(page, '/employer/jobs/new');
  await visit(page, '/employer/applications');
});

test('the axe check itself finds violations (an image without alt, a field without a label)', async ({
  page,
}) => {
  await page.goto('/');
  expect(await axeFindings(page)).toEqual([]);
  await page.evaluate(() => {
    const main = document.querySelector('main')!;
    main.insertAdjacentHTML('beforeend', '<img src="/assets/none.png" id="no-alt"><input id="no-label">');
  });
  const rules = (await axeFindings(page)).map((f) => `${f.rule} ${f.target}`);
  expect(rules).toEqual(expect.arrayContaining(['image-alt #no-alt', 'label #no-label']));
});
