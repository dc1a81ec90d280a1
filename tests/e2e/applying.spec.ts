/**
 * Applying in the browser (SPEC AP-1..AP-7, AL, EM-1, EM-2; issue 11): staff send a referral → the
 * seeker applies with two files, one of them holding the EICAR test string → the employer sees the
 * application and one document; the seeker has the withheld-file message; the 紹介状 shows on both
 * sides and its PDF's text holds the seeker's name and the 求人番号. And an オンライン自主応募 by the
 * internet-only demo seeker. The app's clamd (tests/e2e/support/app-server.ts) scans for real.
 */
import { expect, type Page, test } from '@playwright/test';
import { eicar } from '../support/clamd.ts';
import { pdf } from '../support/upload-corpus.ts';
import { checkA11y } from './support/a11y.ts';
import { button, DEMO, field, seekerWithMyPage, signIn } from './support/journeys.ts';

const JOB = '13010-09999999';
const MOTIVATION =
  '介護福祉士として5年間、グループホームで働いてきました。貴社で経験を活かしたいと考え応募します。';

async function pdfText(page: Page, url: string): Promise<string> {
  const res = await page.request.get(url);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/pdf');
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(await res.body()), useSystemFonts: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str : '')).join('');
  }
  return text.replace(/\s+/g, '');
}

test('AP-1..AP-6 EM-1 staff refer, the seeker applies with two files (one EICAR), the employer gets one, 紹介状 on both sides', async ({
  browser,
}) => {
  const staff = await (await browser.newContext()).newPage();
  const seekerPage = await (await browser.newContext()).newPage();
  const seeker = await seekerWithMyPage(staff, seekerPage, 'apply');
  const seekerUrl = staff.url().replace(/\?.*$/, '');

  await staff.goto(seekerUrl);
  await field(staff, '確認した希望条件').fill('介護職・千代田区');
  await button(staff, '記録する').click();
  await expect(staff.locator('#counselling tbody tr')).toHaveCount(1);
  await staff.goto(`${seekerUrl}/referrals`);
  await field(staff, '求人番号').fill(JOB);
  await button(staff, '確認画面へ進む').click();
  await button(staff, '送信する').click();
  await expect(staff.locator('#referral-result')).toContainText('1件の求人を送信しました');

  // The seeker: ホーム → 詳細を表示 → 応募（ハローワーク紹介）.
  await seekerPage.goto('/mypage');
  await seekerPage.getByRole('link', { name: '詳細を表示' }).first().click();
  await checkA11y(seekerPage, 'referral target');
  await seekerPage.getByRole('link', { name: '応募（ハローワーク紹介）' }).click();
  await expect(seekerPage.getByRole('heading', { level: 1 })).toHaveText(
    'オンラインハローワーク紹介対象求人への応募',
  );
  await checkA11y(seekerPage, 'apply form');
  await seekerPage.getByLabel(/①志望動機/).fill(MOTIVATION);
  const rows = seekerPage.locator('[data-upload-row]');
  await rows.nth(0).getByLabel('書類の種類').selectOption({ label: '履歴書' });
  await rows
    .nth(0)
    .getByLabel('ファイル')
    .setInputFiles({ name: '履歴書.pdf', mimeType: 'application/pdf', buffer: pdf() });
  // One row shows at first; 「ファイルの追加」 opens the next, 「入力欄を削除」 closes it again.
  await expect(rows.nth(1)).toBeHidden();
  await button(seekerPage, 'ファイルの追加').click();
  await expect(rows.nth(1)).toBeVisible();
  await rows.nth(1).getByRole('button', { name: '入力欄を削除' }).click();
  await expect(rows.nth(1)).toBeHidden();
  await button(seekerPage, 'ファイルの追加').click();
  await rows.nth(1).getByLabel('書類の種類').selectOption({ label: '職務経歴書' });
  await rows
    .nth(1)
    .getByLabel('ファイル')
    .setInputFiles({
      name: '職務経歴書.pdf',
      mimeType: 'application/pdf',
      buffer: pdf({ text: eicar().toString('latin1') }),
    });
  await seekerPage.getByLabel(/上記の情報が、求人者による選考に利用されることに同意します。/).check();
  await button(seekerPage, '次へ進む').click();
  await expect(seekerPage.getByRole('heading', { level: 1 })).toHaveText(
    'オンラインハローワーク紹介対象求人応募内容確認画面',
  );
  await expect(seekerPage.locator('#confirm-summary')).toContainText('履歴書.pdf');
  await expect(seekerPage.locator('#confirm-summary')).toContainText('職務経歴書.pdf');
  await checkA11y(seekerPage, 'apply confirm');
  await button(seekerPage, '応募').click();
  await expect(seekerPage.locator('#applied-notice')).toBeVisible();
  await checkA11y(seekerPage, 'applied');
  const applicationUrl = new URL(seekerPage.url()).pathname;

  // The employer: 応募者管理 → the application; once scanned, one document to download, one withheld.
  const employer = await (await browser.newContext()).newPage();
  await signIn(employer, 'employer', DEMO.employer.email, DEMO.employer.password);
  await employer
    .getByRole('navigation', { name: 'メインメニュー' })
    .getByRole('link', { name: '応募者管理' })
    .click();
  await checkA11y(employer, '応募者管理');
  const applicationId = applicationUrl.split('/').pop()!;
  await employer.locator(`a[href="/employer/applications/${applicationId}"]`).click();
  await expect(async () => {
    await employer.reload();
    await expect(employer.locator('#document-list a')).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(employer.locator('#document-list a')).toHaveText('履歴書.pdf');
  await expect(employer.locator('#document-list')).toContainText(
    'ウイルスの疑いがあるため送付されませんでした',
  );
  await checkA11y(employer, 'application (employer)');
  const download = await employer.request.get(
    (await employer.locator('#document-list a').getAttribute('href'))!,
  );
  expect(download.status()).toBe(200);
  expect(download.headers()['content-disposition']).toContain('attachment');
  await employer.locator('#employer-letter-link').click();
  await expect(employer.locator('#letter-fields')).toContainText(seeker.name);
  await checkA11y(employer, '紹介状 (employer)');
  const employerPdf = await pdfText(employer, `${new URL(employer.url()).pathname}.pdf`);
  expect(employerPdf).toContain(seeker.name.replace(/\s+/g, ''));
  expect(employerPdf).toContain(JOB);

  // The seeker: the withheld-file message, and the 紹介状（本人控え） with its PDF.
  await seekerPage.goto('/mypage/messages');
  await seekerPage
    .getByRole('link', { name: /応募書類を送ることができませんでした/ })
    .first()
    .click();
  await expect(seekerPage.locator('#message-withheld')).toContainText('職務経歴書.pdf');
  await expect(seekerPage.locator('#message-withheld')).toContainText('別の方法でお送りください');
  await checkA11y(seekerPage, 'withheld message');
  await seekerPage.goto(`${applicationUrl}/letter`);
  await expect(seekerPage.getByRole('heading', { level: 1 })).toHaveText('紹介状（本人控え）');
  await checkA11y(seekerPage, '紹介状（本人控え）');
  const seekerPdf = await pdfText(seekerPage, `${applicationUrl}/letter.pdf`);
  expect(seekerPdf).toContain(seeker.name.replace(/\s+/g, ''));
  expect(seekerPdf).toContain(JOB);
  await seekerPage.goto('/mypage/activity/applications');
  await expect(seekerPage.locator('#application-list')).toContainText('紹介状（本人控え）');
  await checkA11y(seekerPage, '応募中求人一覧');
});

test('AP-7 the internet-only demo seeker applies online directly from the job detail; no 紹介状', async ({
  page,
}) => {
  await signIn(page, 'seeker', 'netonly@example.jp', 'Netonly-2026!');
  await page.goto(`/jobs/${JOB}`);
  await page.getByRole('link', { name: 'オンライン自主応募' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('オンライン自主応募');
  // AP-1 the live counter counts as the server does: an emoji family is one character.
  const motivation = page.getByLabel(/①志望動機/);
  await motivation.fill(`${'あ'.repeat(599)}👨‍👩‍👧`);
  await expect(page.locator('char-count[for="f-motivation"]')).toHaveText('残り0文字');
  await motivation.press('End');
  await motivation.pressSequentially('い');
  await expect(page.locator('char-count[for="f-motivation"]')).toHaveText('1文字超えています');
  await motivation.fill(MOTIVATION);
  await page.getByLabel(/上記の情報が、求人者による選考に利用されることに同意します。/).check();
  await button(page, '次へ進む').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('オンライン自主応募内容確認画面');
  await checkA11y(page, 'direct confirm');
  await button(page, '応募').click();
  await expect(page.locator('#applied-notice')).toBeVisible();
  await page.goto('/mypage/activity/applications');
  await expect(page.locator('#application-list')).toContainText(
    'オンライン自主応募のため、紹介状は発行されません。',
  );
  await checkA11y(page, '応募中求人一覧 (direct)');
});
