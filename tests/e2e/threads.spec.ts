/**
 * Interview slots in an application's thread (issue 12, SPEC MS-1; ADR 0024), in two browsers with
 * the demo accounts: the internet-only seeker applies online to 13010-00000001 and keeps the thread
 * open; the employer offers two slots from its MyPage; the offer appears on the seeker's open page
 * without a reload; the seeker picks the second slot; both download an .ics whose DTSTART is that
 * slot. axe checks every page visited.
 */
import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { checkA11y } from './support/a11y.ts';
import { button, DEMO, field, signIn } from './support/journeys.ts';

const JOB = '13010-00000001';
const NETONLY = { email: 'netonly@example.jp', password: 'Netonly-2026!' };

/** A Tokyo calendar date `days` from today, as an <input type="date"> takes it. */
function tokyoDay(days: number): string {
  return new Date(Date.now() + 9 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** The .ics a click on the page's calendar link downloads, as text. */
async function downloadIcs(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('#interview-ics').click(),
  ]);
  expect(download.suggestedFilename()).toBe('interview.ics');
  return (await readFile(await download.path())).toString('utf8').replace(/\r\n[ \t]/g, '');
}

test('MS-1 the employer offers two slots, the seeker picks one, and both download an .ics whose DTSTART is the picked slot', async ({
  browser,
}) => {
  const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
  const [seeker, employer] = await Promise.all(contexts.map((c) => c.newPage()));

  // ── The seeker applies online (AP-7) and opens the thread from 応募中求人一覧.
  await signIn(seeker!, 'seeker', NETONLY.email, NETONLY.password);
  await seeker!.goto(`/jobs/${JOB}`);
  await seeker!.getByRole('link', { name: 'オンライン自主応募' }).click();
  await seeker!.getByLabel(/①志望動機/).fill('一般事務の経験を活かして働きたいと考え、応募いたします。');
  await seeker!.getByLabel(/上記の情報が、求人者による選考に利用されることに同意します。/).check();
  await button(seeker!, '次へ進む').click();
  await button(seeker!, '応募').click();
  await expect(seeker!.locator('#applied-notice')).toBeVisible();
  const applicationId = new URL(seeker!.url()).pathname.split('/')[3]!;
  await seeker!.goto('/mypage/activity/applications');
  await seeker!.locator(`#new-message-${applicationId}`).click();
  await expect(seeker!.getByRole('heading', { level: 1 })).toHaveText('メッセージ');
  await expect(seeker!.locator('#interview-none')).toHaveText('面接日程の候補はまだ届いていません。');
  await expect(seeker!.locator('#live-updates')).toHaveAttribute('data-state', 'open');
  await checkA11y(seeker!, 'thread (seeker, empty)');

  // ── The employer opens the application from 応募者管理 and offers two slots.
  await signIn(employer!, 'employer', DEMO.employer.email, DEMO.employer.password);
  await employer!.goto(`/employer/applications/${applicationId}`);
  await employer!.locator('#employer-thread-link').click();
  await expect(employer!.getByRole('heading', { level: 1 })).toHaveText('メッセージ');
  await checkA11y(employer!, 'thread (employer)');
  const first = tokyoDay(2);
  const second = tokyoDay(3);
  await employer!.getByRole('radio', { name: '対面' }).check();
  await field(employer!, '面接場所またはオンライン面接の参加方法').fill('東京都千代田区霞が関1-2-2 3階');
  await employer!.getByLabel('所要時間').selectOption('60');
  await employer!.getByLabel('候補1の日付').fill(first);
  await employer!.getByLabel('候補1の開始時刻').fill('10:00');
  await employer!.getByLabel('候補2の日付').fill(second);
  await employer!.getByLabel('候補2の開始時刻').fill('14:30');
  await employer!.locator('#offer-form').getByLabel('メッセージ').fill('ご都合のよい日時をお選びください。');
  await button(employer!, '候補を送る').click();
  await expect(employer!.locator('#thread-done')).toHaveText('面接日程の候補を送りました。');
  await expect(employer!.locator('#interview-summary')).toContainText('回答待ち');
  await checkA11y(employer!, 'thread (employer, offered)');

  // ── The offer appears on the seeker's open page without a reload, and is announced once.
  await expect(seeker!.locator('#book-form')).toBeVisible();
  await expect(seeker!.locator('#thread-entries')).toContainText('ご都合のよい日時をお選びください。');
  await expect(seeker!.locator('#live-announcer')).toHaveText('求人者から新しいメッセージが届きました。');
  await checkA11y(seeker!, 'thread (seeker, offered)');
  const slots = seeker!.locator('#book-form').getByRole('radio');
  await expect(slots).toHaveCount(2);
  await slots.nth(1).check();
  await button(seeker!, 'この日時で予約する').click();
  await expect(seeker!.locator('#thread-done')).toContainText('面接日程を予約しました。');
  await expect(seeker!.locator('#interview-summary')).toContainText('予約済み');
  await checkA11y(seeker!, 'thread (seeker, booked)');

  // 14:30 in Tokyo is 05:30 UTC on the same date.
  const dtstart = `DTSTART:${second.replaceAll('-', '')}T053000Z`;
  const seekerIcs = await downloadIcs(seeker!);
  expect(seekerIcs).toContain(`\r\n${dtstart}\r\n`);
  expect(seekerIcs).toContain('STATUS:CONFIRMED');

  await employer!.reload();
  await expect(employer!.locator('#interview-summary')).toContainText('予約済み');
  const employerIcs = await downloadIcs(employer!);
  expect(employerIcs).toContain(`\r\n${dtstart}\r\n`);
  expect(/\r\nUID:([^\r]+)/.exec(employerIcs)?.[1]).toBe(/\r\nUID:([^\r]+)/.exec(seekerIcs)?.[1]);

  // ── The employer's メッセージ lists the thread.
  await employer!.goto('/employer/messages');
  await expect(employer!.locator('#employer-threads')).toContainText(JOB);
  await checkA11y(employer!, 'employer messages');
  await Promise.all(contexts.map((c) => c.close()));
});
