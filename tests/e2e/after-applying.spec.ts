/**
 * After 「応募」 in three browsers (SPEC CX-1..CX-3, EM-2, EM-3, DR-2; issue 12 part A), with the
 * demo accounts: staff send the demo job 13010-00000002 (応募書類は郵送: no upload) to 山田 太郎 as
 * an online referral; he applies, then cancels with 「その他」 and a 備考, and the employer's MyPage
 * shows the notice with the reason. Staff send the job again; he applies again; the employer
 * registers 不採用 (相違 なし) and he sees the 選考結果通知 under 紹介状・選考結果通知, in メッセージ and
 * by mail. axe checks every page visited.
 */
import { expect, type Page, test } from '@playwright/test';
import { checkA11y } from './support/a11y.ts';
import { button, DEMO, field, signIn } from './support/journeys.ts';
import { readMail } from './support/mail.ts';

const JOB = '13010-00000002';
const NOTE = '家族の介護が必要になり、当面は就職活動を控えるため';

/** Staff: 山田 太郎's page → オンラインハローワーク紹介 of the job → 確認 → 送信. */
async function sendReferral(staff: Page): Promise<void> {
  await staff.goto(`/staff/seekers?q=${encodeURIComponent(DEMO.seeker.email)}`);
  await checkA11y(staff, 'staff seeker search');
  await staff.getByRole('link', { name: DEMO.seeker.name, exact: true }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText(DEMO.seeker.name);
  await checkA11y(staff, 'staff seeker page');
  await staff.goto(`${staff.url().replace(/\?.*$/, '')}/referrals`);
  await field(staff, '求人番号').fill(JOB);
  await button(staff, '確認画面へ進む').click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText(
    'オンラインハローワーク紹介の送信内容確認',
  );
  await checkA11y(staff, 'referral confirm');
  await button(staff, '送信する').click();
  await expect(staff.locator('#referral-result')).toContainText('1件の求人を送信しました');
  await checkA11y(staff, 'referral result');
}

/** The seeker: ホーム → 詳細を表示 → 応募（ハローワーク紹介） → 志望動機, 同意 → 次へ進む → 応募. Returns the application id. */
async function applyToReferral(seeker: Page): Promise<string> {
  await seeker.goto('/mypage');
  await checkA11y(seeker, 'ホーム with a referral');
  await seeker.getByRole('link', { name: '詳細を表示' }).first().click();
  await expect(seeker).toHaveURL(/\/mypage\/referrals\/[0-9a-f-]{36}$/);
  await checkA11y(seeker, 'referral target');
  await seeker.getByRole('link', { name: '応募（ハローワーク紹介）' }).click();
  await expect(seeker.getByRole('heading', { level: 1 })).toHaveText(
    'オンラインハローワーク紹介対象求人への応募',
  );
  await expect(seeker.locator('#no-mypage-documents')).toBeVisible();
  await checkA11y(seeker, 'apply form');
  await field(seeker, '①志望動機（全角600文字以内）').fill(
    '事務経験を活かし、介護事業所の運営を支えたいと考え応募いたします。',
  );
  await seeker
    .getByRole('checkbox', { name: '④上記の情報が、求人者による選考に利用されることに同意します。' })
    .check();
  await button(seeker, '次へ進む').click();
  await expect(seeker.getByRole('heading', { level: 1 })).toHaveText(
    'オンラインハローワーク紹介対象求人応募内容確認画面',
  );
  await checkA11y(seeker, 'apply confirm');
  await button(seeker, '応募').click();
  await expect(seeker).toHaveURL(/\/mypage\/applications\/[0-9a-f-]{36}\?applied=1$/);
  await expect(seeker.locator('#applied-notice')).toBeVisible();
  await checkA11y(seeker, 'applied');
  return new URL(seeker.url()).pathname.split('/')[3]!;
}

test('CX-1 CX-2 CX-3 EM-3 cancel with 「その他」 and the employer sees the notice; 不採用 and the seeker sees the 選考結果通知', async ({
  browser,
}) => {
  const contexts = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext()]);
  const [staff, seeker, employer] = await Promise.all(contexts.map((c) => c.newPage()));
  await signIn(staff!, 'staff', DEMO.staff.email, DEMO.staff.password);
  await signIn(seeker!, 'seeker', DEMO.seeker.email, DEMO.seeker.password);
  await signIn(employer!, 'employer', DEMO.employer.email, DEMO.employer.password);

  // ── 1. Apply, then cancel within 24 hours with 「その他」 and a 備考 (CX-1, CX-2).
  await sendReferral(staff!);
  const first = await applyToReferral(seeker!);
  await seeker!.goto('/mypage/activity/applications');
  await checkA11y(seeker!, '応募中求人一覧');
  await seeker!.locator(`#cancel-${first}`).click();
  await expect(seeker!.getByRole('heading', { level: 1 })).toHaveText('求人応募取り消し画面');
  await expect(seeker!.locator('#cancel-caution')).toHaveText(
    '応募を取りやめる場合は、必ず求人者に応募を辞退する旨を伝えてください。',
  );
  await checkA11y(seeker!, 'cancel form');
  // 「その他」 without 備考 is refused next to the field.
  await seeker!.getByRole('radio', { name: 'その他', exact: true }).check();
  await seeker!
    .getByRole('checkbox', { name: /^③応募取り消しの通知は応募取り消し理由とともに求人者に通知されます。/ })
    .check();
  await button(seeker!, '次へ進む').click();
  await expect(seeker!.locator('#f-note-error')).toHaveText(
    '応募取り消し理由で「その他」を選択した場合は、備考欄に理由を入力してください',
  );
  await expect(seeker!.getByRole('radio', { name: 'その他', exact: true })).toBeChecked();
  await checkA11y(seeker!, 'cancel form with an error');
  await field(seeker!, '②備考欄（全角300文字以内）').fill(NOTE);
  await seeker!.getByRole('checkbox', { name: /^③応募取り消しの通知は/ }).check();
  await button(seeker!, '次へ進む').click();
  await expect(seeker!.getByRole('heading', { level: 1 })).toHaveText('求人応募取り消し確認画面');
  await expect(seeker!.locator('#cancel-summary')).toContainText(NOTE);
  await checkA11y(seeker!, 'cancel confirm');
  await button(seeker!, '完了').click();
  await expect(seeker!).toHaveURL(new RegExp(`/mypage/applications/${first}\\?cancelled=1$`));
  await expect(seeker!.locator('#cancelled-notice')).toContainText('応募取り消し理由とともに');
  await expect(seeker!.locator('#application-state')).toHaveText('取消');
  await checkA11y(seeker!, 'cancelled');

  // The employer's MyPage: the notice with the reason (CX-3, EM-2), and the application 取消.
  await employer!.goto('/employer');
  const notices = employer!.locator('#employer-notice-list');
  await expect(notices).toContainText(`応募が取り消されました：${JOB}`);
  await expect(notices).toContainText('その他');
  await expect(notices).toContainText(NOTE);
  await checkA11y(employer!, 'employer home with the cancel notice');
  await notices
    .getByRole('link', { name: new RegExp(`応募が取り消されました：${JOB}`) })
    .first()
    .click();
  await expect(employer!.locator('#application-state')).toHaveText('取消');
  await expect(employer!.locator('#application-content')).toContainText(NOTE);
  await checkA11y(employer!, 'cancelled application (employer)');
  const cancelMail = await readMail(employer!, DEMO.employer.email, { subject: '応募が取り消されました' });
  expect(cancelMail).toContain(NOTE);

  // ── 2. Sent again and applied again; the employer registers 不採用 (EM-3).
  await sendReferral(staff!);
  const second = await applyToReferral(seeker!);
  await employer!.goto(`/employer/applications/${second}`);
  await expect(employer!.getByRole('heading', { name: '選考結果の登録' })).toBeVisible();
  await checkA11y(employer!, 'application with the result form');
  await employer!.getByRole('radio', { name: '不採用', exact: true }).check();
  await employer!
    .getByRole('group', { name: /求人票の労働条件と採用条件の相違/ })
    .getByRole('radio', { name: 'なし', exact: true })
    .check();
  await button(employer!, '登録する').click();
  await expect(employer!.locator('#decided-notice')).toContainText('選考結果を登録しました');
  await expect(employer!.locator('#registered-result')).toContainText('不採用');
  await checkA11y(employer!, 'result registered');

  // The seeker: 紹介状・選考結果通知, the Hello Work message and the mail.
  await seeker!.goto('/mypage/activity/applications');
  await seeker!
    .locator(`article[aria-labelledby="app-${second}"]`)
    .getByRole('link', { name: '紹介状・選考結果通知' })
    .click();
  await expect(seeker!.getByRole('heading', { level: 1 })).toHaveText('紹介状・選考結果通知');
  await expect(seeker!.locator('#selection-result')).toContainText('不採用');
  await checkA11y(seeker!, '紹介状・選考結果通知');
  await seeker!.goto('/mypage/messages');
  await seeker!
    .getByRole('link', { name: /選考結果通知/ })
    .first()
    .click();
  await expect(seeker!.locator('#message-result')).toHaveText('不採用');
  await checkA11y(seeker!, '選考結果通知 message');
  const resultMail = await readMail(seeker!, DEMO.seeker.email, { subject: '選考結果通知' });
  expect(resultMail).toContain('選考結果：不採用');
  expect(resultMail).toContain(JOB);

  await Promise.all(contexts.map((c) => c.close()));
});
