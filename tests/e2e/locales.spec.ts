/**
 * The same visitor's journey in English and in やさしい日本語 (issue 14): choose the language on the
 * top page, search, open a job, sign in, read ホーム — axe on every page. The language is kept by the
 * cookie across pages, and once signed in by the account. Texts with ふりがな are compared as their
 * text content, 「仕事（しごと）」, which is what <ruby>仕事<rp>（</rp><rt>しごと</rt><rp>）</rp></ruby> reads as.
 */
import { expect, test } from '@playwright/test';
import { checkA11y } from './support/a11y.ts';
import { DEMO } from './support/journeys.ts';

interface LocaleJourney {
  switchTo: string;
  htmlLang: string;
  topHeading: string;
  searchButton: string;
  resultsHeading: RegExp;
  loginHeading: string;
  loginButton: string;
  homeHeading: string;
  registration: string;
}

const JOURNEYS: Record<'en' | 'ja-easy', LocaleJourney> = {
  en: {
    switchTo: 'English',
    htmlLang: 'en',
    topHeading: 'Find a job',
    searchButton: 'Search jobs',
    resultsHeading: /^Results/,
    loginHeading: 'Job seeker MyPage sign-in',
    loginButton: 'Sign in',
    homeHeading: `MyPage of ${DEMO.seeker.name}`,
    registration: 'Job seeker registration',
  },
  'ja-easy': {
    switchTo: 'やさしいにほんご',
    htmlLang: 'ja',
    topHeading: '仕事（しごと）を さがす',
    searchButton: '求人を検索する（しごとを さがす）',
    resultsHeading: /^さがした 結果（けっか）/,
    loginHeading: '求職者（きゅうしょくしゃ）マイページ ログイン',
    loginButton: 'ログイン',
    homeHeading: `${DEMO.seeker.name} さんの マイページ`,
    registration: '求職登録（きゅうしょくとうろく）',
  },
};

for (const [locale, j] of Object.entries(JOURNEYS)) {
  test(`issue 14 in ${locale}: search, open a job, sign in and read ホーム`, async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: j.switchTo, exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', j.htmlLang);
    await expect(page.locator('h2').filter({ hasText: j.topHeading }).first()).toHaveText(j.topHeading);
    await checkA11y(page, `${locale}: top`);

    await page.locator('#top-kw').fill('介護');
    await page.locator('form button').filter({ hasText: j.searchButton }).click();
    await expect(page).toHaveURL(/\/jobs\?.*kw=/);
    const results = page.locator('#results-title');
    await expect(results).toHaveText(j.resultsHeading);
    await checkA11y(page, `${locale}: results`);

    const first = page.getByRole('article').first().locator('h3 a');
    const title = (await first.textContent()) ?? '';
    await first.click();
    await expect(page).toHaveURL(/\/jobs\/\d{5}-\d{8}$/);
    await expect(page.locator('html')).toHaveAttribute('lang', j.htmlLang);
    await expect(page.locator('h1')).toContainText(title.trim());
    if (locale === 'en') {
      // The 求人票's own Japanese is marked as Japanese for a screen reader (WCAG 3.1.2).
      await expect(page.locator('h1 [lang="ja"]').first()).toBeVisible();
    }
    await checkA11y(page, `${locale}: job`);

    await page.goto('/login');
    await expect(page.locator('h1')).toHaveText(j.loginHeading);
    await checkA11y(page, `${locale}: sign-in`);
    await page.locator('input[name="email"]').fill(DEMO.seeker.email);
    await page.locator('input[name="password"]').fill(DEMO.seeker.password);
    await page
      .locator('form button[type="submit"], form button:not([type])')
      .filter({ hasText: j.loginButton })
      .click();
    await expect(page).toHaveURL(/\/mypage$/);
    await expect(page.locator('html')).toHaveAttribute('lang', j.htmlLang);
    await expect(page.locator('h1')).toHaveText(j.homeHeading);
    await expect(page.locator('#home-registration')).toHaveText(j.registration);
    await checkA11y(page, `${locale}: ホーム`);
  });
}
