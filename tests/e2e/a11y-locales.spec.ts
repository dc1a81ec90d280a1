/**
 * axe and the HTML validator in English and in やさしい日本語 (issue 14): the pages of every portal,
 * found by following links from its home as the demo accounts (and from the top page as a visitor),
 * with the language chosen through the language switch. The Japanese pages are swept in
 * a11y-sweep.spec.ts. Each page's findings are soft, so one run lists them all.
 */
import { expect, type Page, test } from '@playwright/test';
import { checkA11y } from './support/a11y.ts';
import { DEMO } from './support/journeys.ts';

/** Pages per portal and language: the home and the pages it links to first. */
const PAGES = 14;

const PORTALS = {
  visitor: {
    home: '/',
    own: /^\/(jobs|login|signup|employer\/login|staff\/login|password-reset|mypage\/open)/,
  },
  seeker: { home: '/mypage', own: /^\/mypage/, login: '/login', ...DEMO.seeker },
  employer: { home: '/employer', own: /^\/employer/, login: '/employer/login', ...DEMO.employer },
  staff: { home: '/staff', own: /^\/staff/, login: '/staff/login', ...DEMO.staff },
} as const;

/** Breadth first over the portal's own links; files, signing out and the language switch left out. */
async function sweep(page: Page, home: string, own: RegExp, what: string): Promise<number> {
  const seen = new Set<string>();
  const queue = [home];
  let checked = 0;
  while (queue.length > 0 && checked < PAGES) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const response = await page.goto(path);
    if (!response?.ok() || !(response.headers()['content-type'] ?? '').includes('text/html')) continue;
    await checkA11y(page, `${what} ${path}`);
    checked++;
    const links = await page
      .locator('a[href^="/"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    for (const href of links.map((h) => h.split('#')[0]!)) {
      if (seen.has(href) || (!own.test(href) && href !== '/')) continue;
      if (/logout|\/locale|\.(pdf|csv|ics)$|\/(download|documents|letter\.pdf|export)/.test(href)) continue;
      queue.push(href);
    }
  }
  return checked;
}

for (const locale of ['en', 'ja-easy'] as const) {
  for (const [portal, p] of Object.entries(PORTALS)) {
    test(`issue 14 axe and HTML in ${locale}: ${portal} pages`, async ({ page }) => {
      await page.goto(`/locale?lang=${locale}`);
      if ('login' in p) {
        await page.goto(p.login);
        await page.locator('input[name="email"]').fill(p.email);
        await page.locator('input[name="password"]').fill(p.password);
        await page.locator('main form button').first().click();
        await expect(page).toHaveURL(new RegExp(`${p.home}$`));
      }
      await expect(page.locator('html')).toHaveAttribute('lang', locale === 'en' ? 'en' : 'ja');
      const checked = await sweep(page, p.home, p.own, `${locale} ${portal}`);
      console.info(`a11y ${locale} ${portal}: ${checked} pages`);
      expect(checked).toBeGreaterThan(3);
    });
  }
}
