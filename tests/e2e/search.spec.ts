/**
 * 求人検索 (SPEC SR-1..SR-4): a seeker searches with a keyword and two filters, opens a job, saves it
 * to お気に入り, saves the search conditions and runs them again from MyPage. Also the search page
 * and a job page on a phone-sized screen.
 */
import { expect, type Page, test } from '@playwright/test';
import { checkA11y } from './support/a11y.ts';
import { button, field, seekerWithMyPage } from './support/journeys.ts';

const KEYWORD = '介護';

/** The job links of the results shown, in order. */
async function resultLinks(page: Page): Promise<string[]> {
  const links = page
    .getByRole('region', { name: /^検索結果/ })
    .getByRole('article')
    .getByRole('heading', { level: 3 })
    .getByRole('link');
  return links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
}

/**
 * After a search that found jobs the conditions are folded above the results (issue 14, phone
 * first): their summary says how many are set, and opening it shows the form as it was sent.
 */
async function expectConditions(page: Page): Promise<void> {
  const folded = page.locator('details.search-conditions');
  await expect(folded).toHaveCount(1);
  await expect(folded).not.toHaveAttribute('open');
  const summary = page.locator('details.search-conditions > summary');
  await expect(summary).toHaveText('検索条件（3件指定中）・変更する');
  await summary.click();
  await expect(folded).toHaveAttribute('open');
  await expect(field(page, 'フリーワード')).toHaveValue(KEYWORD);
  await expect(page.getByRole('group', { name: '都道府県（3つまで）' }).getByLabel('第1希望')).toHaveValue(
    '13',
  );
  await expect(
    page
      .getByRole('group', { name: 'フルタイム／パート' })
      .getByRole('checkbox', { name: 'フルタイム', exact: true }),
  ).toBeChecked();
}

test('SR-1/SR-4/SR-3/SR-2 a seeker searches, opens a job, keeps it in お気に入り, saves the conditions and runs them again', async ({
  browser,
  page,
}) => {
  const staffContext = await browser.newContext();
  await seekerWithMyPage(await staffContext.newPage(), page, 'search');
  await staffContext.close();

  // ── SR-1: keyword + 都道府県 + フルタイム
  await page
    .getByRole('navigation', { name: 'メインメニュー' })
    .getByRole('link', { name: '求人検索' })
    .click();
  await expect(page).toHaveURL(/\/jobs$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('求人検索');
  await checkA11y(page);
  await field(page, 'フリーワード').fill(KEYWORD);
  await page
    .getByRole('group', { name: '都道府県（3つまで）' })
    .getByLabel('第1希望')
    .selectOption({ label: '東京都' });
  await page
    .getByRole('group', { name: 'フルタイム／パート' })
    .getByRole('checkbox', { name: 'フルタイム', exact: true })
    .check();
  await button(page, '検索する').click();

  await expect(page).toHaveURL(/\/jobs\?/);
  const url = new URL(page.url());
  expect(url.searchParams.get('kw')).toBe(KEYWORD);
  expect(url.searchParams.getAll('pref')).toContain('13');
  expect(url.searchParams.getAll('ws')).toEqual(['full_time']);
  await expectConditions(page);
  const count = (await page.getByTestId('hit-count').textContent())?.trim() ?? '';
  expect(count).toMatch(/^[\d,]+件$/);
  const links = await resultLinks(page);
  expect(links.length, 'the demo data has 介護 full-time jobs in 東京都').toBeGreaterThan(0);
  await checkA11y(page, 'results');
  const resultsUrl = page.url();

  // Every result matches the filters (SR-6 card: 就業場所, 求人区分).
  const firstCard = page
    .getByRole('region', { name: /^検索結果/ })
    .getByRole('article')
    .first();
  await expect(firstCard).toContainText('東京都');
  await expect(firstCard).toContainText('フルタイム');

  // ── SR-4: the job, then SR-3: お気に入り保存
  const firstLink = firstCard.getByRole('heading', { level: 3 }).getByRole('link');
  const title = ((await firstLink.textContent()) ?? '').trim();
  const jobNumber = links[0]!.replace('/jobs/', '');
  await firstLink.click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${jobNumber}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByRole('main')).toContainText(jobNumber);
  // The breadcrumb leads back to these results, conditions kept (issue 14).
  const resultsPath = new URL(resultsUrl).pathname + new URL(resultsUrl).search;
  await expect(
    page.getByRole('navigation', { name: 'パンくずリスト' }).getByRole('link', { name: '求人検索' }),
  ).toHaveAttribute('href', resultsPath);
  await checkA11y(page, 'job');
  await button(page, 'お気に入り保存').click();

  await expect(page).toHaveURL(/\/mypage\/favorites\?done=added$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('お気に入り求人');
  await expect(page.getByRole('main').getByRole('status')).toContainText('お気に入りに保存しました。');
  await expect(page.getByRole('article').getByRole('link', { name: title })).toHaveAttribute(
    'href',
    `/jobs/${jobNumber}`,
  );
  await checkA11y(page, 'お気に入り求人');

  // Also from ホーム's shortcut.
  await page
    .getByRole('navigation', { name: 'メインメニュー' })
    .getByRole('link', { name: 'ホーム' })
    .click();
  await page.getByRole('link', { name: 'お気に入り求人' }).click();
  await expect(page).toHaveURL(/\/mypage\/favorites$/);
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(page.getByText('1件保存しています（300件まで）。')).toBeVisible();

  // ── SR-2: save the conditions from the results page
  await page.goto(resultsUrl);
  const save = page.getByRole('region', { name: 'この検索条件を保存' });
  await field(save, '条件の名前').fill('東京の介護フルタイム');
  await button(save, '検索条件を保存する').click();

  await expect(page).toHaveURL(/\/mypage\/searches\?done=added$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('保存した検索条件');
  await expect(page.getByRole('main').getByRole('status')).toContainText('検索条件を保存しました。');
  await checkA11y(page, '保存した検索条件');

  // …and run them again from MyPage: the same conditions, the same results.
  await page.goto('/mypage/searches');
  const saved = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: '東京の介護フルタイム' }) });
  await saved.getByRole('link', { name: 'この条件で検索' }).click();
  await expect(page).toHaveURL(/\/jobs\?/);
  await expectConditions(page);
  await expect(page.getByTestId('hit-count')).toHaveText(count);
  expect(await resultLinks(page)).toEqual(links);
  await checkA11y(page, 'saved search run again');
});

test.describe('on a 390 px phone (390×844)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('issue 14 after searching, the first result card is within 1,700 px of the top; the skip link and the folded conditions work', async ({
    page,
  }) => {
    await page.goto('/jobs');
    // Before a search the conditions are the page.
    await expect(page.locator('details.search-conditions')).toHaveCount(0);
    await field(page, 'フリーワード').fill(KEYWORD);
    await button(page, '検索する').click();
    await expect(page).toHaveURL(/kw=/);
    const card = page
      .getByRole('region', { name: /^検索結果/ })
      .getByRole('article')
      .first();
    await expect(card).toBeVisible();
    const top = await card.evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
    expect(top, 'the first card starts within the first two screens').toBeLessThanOrEqual(1700);

    const skip = page.getByRole('link', { name: '検索結果へ移動' });
    await skip.click();
    await expect(page.getByRole('heading', { level: 2, name: /^検索結果/ })).toBeFocused();

    const summary = page.locator('details.search-conditions > summary');
    await expect(summary).toHaveText('検索条件（1件指定中）・変更する');
    await summary.click();
    await expect(field(page, 'フリーワード')).toHaveValue(KEYWORD);
    await expect(page.locator('details.search-conditions details > summary')).toHaveText('詳細条件');
    await checkA11y(page, 'phone 390: results with the conditions open');
  });
});

test.describe('on a phone-sized screen (360×740)', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  /** Soft: a page too wide is reported with the elements that stick out, and the journey goes on. */
  async function expectNoSideways(page: Page): Promise<void> {
    const { width, wide } = await page.evaluate(() => {
      const limit = document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > limit + 0.5)
        .filter((e) => ![...e.children].some((c) => c.getBoundingClientRect().right > limit + 0.5))
        .slice(0, 5)
        .map((e) => `${Math.round(e.getBoundingClientRect().right)}px ${e.outerHTML.slice(0, 160)}`);
      return { width: document.documentElement.scrollWidth, wide };
    });
    expect
      .soft(
        width,
        `the page fits 360px without scrolling sideways (WCAG 1.4.10); sticking out:\n${wide.join('\n')}`,
      )
      .toBeLessThanOrEqual(360);
  }

  test('SR-1/SR-4/SR-6 the search page and a job page read on a phone and pass axe', async ({ page }) => {
    await page.goto('/jobs');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('求人検索');
    await checkA11y(page, 'phone: search form');
    await expectNoSideways(page);

    await field(page, 'フリーワード').fill(KEYWORD);
    await button(page, '検索する').click();
    await expect(page).toHaveURL(/kw=/);
    await checkA11y(page, 'phone: results');
    await expectNoSideways(page);

    const first = page.getByRole('article').first().getByRole('heading', { level: 3 }).getByRole('link');
    const title = ((await first.textContent()) ?? '').trim();
    await first.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await checkA11y(page, 'phone: job');
    await expectNoSideways(page);
  });
});
