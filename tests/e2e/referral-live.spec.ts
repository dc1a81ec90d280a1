/**
 * Online referral in two browsers (SPEC OR-1, OR-3, OR-5, MS-4, G-3; issue 10): staff record a
 * 職業相談 and send two jobs; the seeker's ホーム, already open in another browser, shows the card
 * with 「全2件」 and the new message without a reload; 「対象求人全て表示」 lists both; the mail
 * arrived. axe checks every page visited.
 */
import { expect, test } from '@playwright/test';
import { checkA11y } from './support/a11y.ts';
import { button, field, seekerWithMyPage } from './support/journeys.ts';
import { readMail } from './support/mail.ts';

test('OR-1 OR-3 IP-1 staff send two jobs; the open ホーム of the seeker updates without a reload', async ({
  browser,
}) => {
  const staffContext = await browser.newContext();
  const seekerContext = await browser.newContext();
  const staff = await staffContext.newPage();
  const seekerPage = await seekerContext.newPage();
  const seeker = await seekerWithMyPage(staff, seekerPage, 'live');
  const seekerUrl = staff.url().replace(/\?.*$/, '');

  // The seeker's ホーム is open before anything is sent: nothing to show yet.
  await expect(seekerPage.locator('#referrals-none')).toBeVisible();
  await expect(seekerPage.locator('#live-updates')).toHaveAttribute('data-state', 'open');
  await checkA11y(seekerPage, 'ホーム before');
  const unreadBefore = (await seekerPage.locator('#nav-unread').textContent()) ?? '';

  // Staff: 職業相談 (OR-1: wishes confirmed), then two jobs of the demo employer.
  await staff.goto(seekerUrl);
  await field(staff, '確認した希望条件').fill('介護職・千代田区・月給20万円以上');
  await button(staff, '記録する').click();
  await expect(staff.locator('#counselling tbody tr')).toHaveCount(1);
  await checkA11y(staff, 'staff seeker page');
  await staff.goto(`${seekerUrl}/referrals`);
  await checkA11y(staff, 'referral input');
  await field(staff, '求人番号').fill('13010-00000001\n13010-00000002');
  await button(staff, '確認画面へ進む').click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText(
    'オンラインハローワーク紹介の送信内容確認',
  );
  await checkA11y(staff, 'referral confirm');
  await button(staff, '送信する').click();
  await expect(staff.locator('#referral-result')).toContainText('2件の求人を送信しました');
  await checkA11y(staff, 'referral result');

  // The seeker's page updates by itself: the card, 「全2件」, the unread count, a polite announcement.
  await expect(seekerPage.locator('#referrals-sentence')).toHaveText(
    'オンラインハローワーク紹介対象求人 全2件中最新の求人を表示しています。',
  );
  await expect(seekerPage.locator('#nav-unread')).not.toHaveText(unreadBefore);
  await expect(seekerPage.locator('#live-announcer')).toHaveText(
    'ハローワークから新しいメッセージが届きました。',
  );
  await checkA11y(seekerPage, 'ホーム after the live update');

  await seekerPage.getByRole('link', { name: '対象求人全て表示' }).click();
  await expect(seekerPage.locator('#referral-list article')).toHaveCount(2);
  await checkA11y(seekerPage, '対象求人全て表示');
  await seekerPage.goto('/mypage/messages');
  await expect(
    seekerPage.getByRole('link', { name: /オンラインハローワーク紹介対象求人のお知らせ/ }).first(),
  ).toBeVisible();
  await checkA11y(seekerPage, 'メッセージ');

  const mail = await readMail(seekerPage, seeker.email, { subject: 'オンラインハローワーク紹介対象求人' });
  expect(mail).toContain('13010-00000001');
  expect(mail).toContain('13010-00000002');

  await staffContext.close();
  await seekerContext.close();
});
