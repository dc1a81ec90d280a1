/**
 * Applying, end to end through HTTP (SPEC AP-1, AP-4, AP-6, AP-7, AP-8, OR-4, OR-5, AL, EM-1, EM-2,
 * MP-9, G-2). The file uploads themselves are proved in upload-attacks.test.ts; here the jobs take
 * documents by post (AP-4) unless a test says otherwise, so the form posts plain fields.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  applications,
  referralLetters,
  referrals,
  registrationValidityHistory,
  seekers,
} from '../../src/db/schema/index.ts';
import { insertReferrals } from '../../src/modules/referrals/referrals.repository.ts';
import { addDays, tokyoDate } from '../../src/platform/dates.ts';
import {
  createEmployer,
  createJob,
  createSeeker,
  createStaff,
  type SeekerOptions,
} from '../support/factories.ts';
import type { TestClient } from '../support/http.ts';
import { signInAs } from '../support/sign-in.ts';
import { createTestContext, DEFAULT_NOW, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());
afterEach(() => ctx.clock.set(DEFAULT_NOW));

let ip = 10;
const nextIp = () => `198.51.100.${ip++}`;
const today = () => tokyoDate(ctx.clock.now());

async function client(
  role: 'seeker' | 'employer' | 'staff',
  email: string,
  password: string,
): Promise<TestClient> {
  const c = ctx.client(nextIp());
  await signInAs(c, role, email, password);
  return c;
}

/** A seeker with a live referral target (応募期限日 7 days on) to a job of an opened employer. */
async function referred(
  o: { seeker?: SeekerOptions; job?: Parameters<typeof createJob>[1]; applyBy?: string } = {},
) {
  const staff = await createStaff(ctx.deps);
  const seeker = await createSeeker(ctx.deps, o.seeker);
  const employer = await createEmployer(ctx.deps);
  const job = await createJob(
    ctx.deps,
    { officeCode: '13010', documentMethods: ['post'], acceptsOnlineApplication: false, ...o.job },
    employer.employer,
  );
  const [referral] = await insertReferrals(ctx.db, [
    {
      seekerId: seeker.seeker.id,
      jobId: job.id,
      officeCode: '13010',
      sentBy: staff.staff.id,
      batchId: randomUUID(),
      sentAt: ctx.clock.now(),
      applyBy: o.applyBy ?? addDays(today(), 7),
    },
  ]);
  const seekerClient = await client('seeker', seeker.email, seeker.password);
  return { staff, seeker, employer, job, referral: referral!, seekerClient };
}

const MOTIVATION = '介護の仕事に長く携わってきました。\n貴社の理念に共感し応募いたします。';

/** The form → 「次へ進む」 → confirmation → 「応募」, as the seeker clicks through it. */
async function apply(c: TestClient, base: string, fields: Record<string, string> = {}) {
  const form = await c.get(base);
  expect(form.status).toBe(200);
  const key = form.dom.querySelector('input[name="draft"]')!.getAttribute('value')!;
  const next = await c.post(base, {
    draft: key,
    motivation: MOTIVATION,
    remarks: '',
    consent: 'yes',
    action: 'next',
    ...fields,
  });
  if (next.status !== 303) return { form, next, key };
  const confirm = await c.get(next.location!);
  const submit = await c.post(`${base}/submit`, { draft: key });
  return { form, next, confirm, submit, key };
}

describe('AP-6 OR-5 applying to a referral target', () => {
  it('AP-6 AP-1 form → 確認 → 応募: the referral becomes 応募済, a 紹介状 is issued, the employer is told in MyPage and by mail', async () => {
    const { seeker, employer, job, referral, seekerClient } = await referred();
    const base = `/mypage/referrals/${referral.id}/apply`;
    const { form, confirm, submit } = await apply(seekerClient, base, { remarks: '腰を痛めています。' });
    expect(form.h1()).toBe('オンラインハローワーク紹介対象求人への応募');
    expect(form.text('#no-mypage-documents')).toContain('求職者マイページからの登録');
    expect(form.text('label[for="f-consent"]')).toContain(
      '上記の情報が、求人者による選考に利用されることに同意します。',
    );
    expect(confirm!.h1()).toBe('オンラインハローワーク紹介対象求人応募内容確認画面');
    expect(confirm!.text('#confirm-summary')).toContain('腰を痛めています。');
    // Nothing reached the employer before 「応募」.
    expect(ctx.mailbox.to(employer.email)).toHaveLength(0);

    expect(submit!.status).toBe(303);
    expect(submit!.location).toMatch(/^\/mypage\/applications\/[0-9a-f-]{36}\?applied=1$/);
    const done = await seekerClient.get(submit!.location!);
    expect(done.text('#applied-notice')).toContain('求人者に応募情報を通知しました');
    expect(done.text('#application-content')).toContain('貴社の理念に共感し応募いたします。');

    const [row] = await ctx.db.select().from(referrals).where(eq(referrals.id, referral.id));
    expect(row!.state).toBe('applied');
    expect(row!.appliedAt).toEqual(ctx.clock.now());
    const [app] = await ctx.db.select().from(applications).where(eq(applications.referralId, referral.id));
    expect(app!.route).toBe('referral');
    expect(app!.jobSnapshot.view.job.jobNumber).toBe(job.jobNumber);
    const [letter] = await ctx.db
      .select()
      .from(referralLetters)
      .where(eq(referralLetters.applicationId, app!.id));
    expect(letter!.data).toMatchObject({ seekerName: seeker.seeker.name, jobNumber: job.jobNumber });
    expect(letter!.letterNumber).toMatch(/^13010-\d{8}$/);

    await ctx.drain();
    const mail = ctx.mailbox.last(employer.email);
    expect(mail?.subject).toBe('【ハローワーク】求人への応募がありました');
    expect(mail?.text).toContain(job.jobNumber);
    expect(mail?.text).toContain(`/employer/applications/${app!.id}`);

    // 紹介状（本人控え） in the seeker's MyPage, and the 紹介状 in the employer's.
    const mine = await seekerClient.get(`/mypage/applications/${app!.id}/letter`);
    expect(mine.h1()).toBe('紹介状（本人控え）');
    expect(mine.text('#letter-fields')).toContain(seeker.seeker.name);
    expect(mine.text('#letter-fields')).toContain(job.jobNumber);
    const emp = await client('employer', employer.email, employer.password);
    const list = await emp.get('/employer/applications');
    expect(list.text('#employer-applications')).toContain(seeker.seeker.name);
    const theirs = await emp.get(`/employer/applications/${app!.id}/letter`);
    expect(theirs.h1()).toBe('紹介状');
    expect(theirs.text('#letter-fields')).toContain(letter!.letterNumber);
    expect(theirs.headers.get('cache-control')).toContain('no-store');

    // ホーム no longer lists the target; 応募中求人一覧 lists the application with its functions.
    const home = await seekerClient.get('/mypage');
    expect(home.dom.querySelector('#referrals-sentence')).toBeNull();
    const al = await seekerClient.get('/mypage/activity/applications');
    const functions = al.text('#application-list');
    for (const f of [
      '新規メッセージを作成',
      '求人内容の詳細',
      '紹介・応募時の求人票',
      '応募内容',
      '応募を取消',
      '紹介状（本人控え）',
      '紹介状・選考結果通知',
    ]) {
      expect(functions).toContain(f);
    }
  });

  it('AP-1 G-1 a missing 志望動機 or consent is refused next to its field with the typed text kept; 600 characters pass and 601 do not', async () => {
    const { referral, seekerClient } = await referred();
    const base = `/mypage/referrals/${referral.id}/apply`;
    const form = await seekerClient.get(base);
    const key = form.dom.querySelector('input[name="draft"]')!.getAttribute('value')!;
    const missing = await seekerClient.post(base, {
      draft: key,
      motivation: '',
      remarks: '持病があります',
      action: 'next',
    });
    expect(missing.status).toBe(400);
    expect(missing.text('#f-motivation-error')).toContain('志望動機');
    expect(missing.text('.error-summary')).toContain('同意事項を確認してチェックしてください。');
    expect(missing.text('#f-remarks')).toBe('持病があります');

    const long = await seekerClient.post(base, {
      draft: key,
      motivation: 'あ'.repeat(601),
      consent: 'yes',
      action: 'next',
    });
    expect(long.status).toBe(400);
    expect(long.text('#f-motivation-error')).toContain('600');
    expect(long.text('#f-motivation')).toHaveLength(601);
    // Even when the draft holds 601 characters, the confirmation page sends the seeker back.
    const sneaked = await seekerClient.get(`${base}/confirm?draft=${key}`);
    expect(sneaked.status).toBe(303);
    expect(
      await ctx.db.select().from(applications).where(eq(applications.referralId, referral.id)),
    ).toHaveLength(0);
    const emoji = `${'あ'.repeat(599)}👨‍👩‍👧`;
    const ok = await seekerClient.post(base, {
      draft: key,
      motivation: emoji,
      consent: 'yes',
      action: 'next',
    });
    expect(ok.status).toBe(303);
  });

  it('OR-4 a target past its 応募期限日 is refused when the form is opened and when 「応募」 is sent; nothing is created', async () => {
    // 23:45 in Tokyo on the 応募期限日 itself (14:45 UTC): still open.
    ctx.clock.set('2026-11-21T14:45:00Z');
    const { referral, seekerClient } = await referred({ applyBy: '2026-11-21' });
    const base = `/mypage/referrals/${referral.id}/apply`;
    const form = await seekerClient.get(base);
    const key = form.dom.querySelector('input[name="draft"]')!.getAttribute('value')!;
    const next = await seekerClient.post(base, {
      draft: key,
      motivation: MOTIVATION,
      consent: 'yes',
      action: 'next',
    });
    expect(next.status).toBe(303);
    // 00:00:00 the next day in Tokyo (15:00 UTC): gone.
    ctx.clock.set('2026-11-21T15:00:00Z');
    const again = await seekerClient.get(base);
    expect(again.status).toBe(409);
    expect(again.text('#apply-refusal')).toContain('応募期限日を過ぎたか');
    const submit = await seekerClient.post(`${base}/submit`, { draft: key }, { csrf: form.csrf() });
    expect(submit.status).toBe(409);
    expect(
      await ctx.db.select().from(applications).where(eq(applications.referralId, referral.id)),
    ).toHaveLength(0);
  });

  it('OR-4 a withdrawn job closes its target at once, and a direct request to its apply URL is refused', async () => {
    const { referral, job, seekerClient } = await referred();
    const staff = await createStaff(ctx.deps);
    const staffClient = await client('staff', staff.email, staff.password);
    const page = await staffClient.get(`/staff/jobs/${job.id}`);
    expect(page.status).toBe(200);
    const closed = await staffClient.post(`/staff/jobs/${job.id}/close`, {
      kind: 'withdrawn',
      reason: '充足のため',
    });
    expect(closed.status).toBe(303);
    const form = await seekerClient.get(`/mypage/referrals/${referral.id}/apply`);
    expect(form.status).toBe(409);
  });

  it('G-2 another seeker cannot open a referral target, an application or a 紹介状 that is not theirs', async () => {
    const { referral, seekerClient } = await referred();
    const { submit } = await apply(seekerClient, `/mypage/referrals/${referral.id}/apply`);
    const id = submit!.location!.split('/')[3]!.split('?')[0]!;
    const other = await createSeeker(ctx.deps);
    const otherClient = await client('seeker', other.email, other.password);
    expect((await otherClient.get(`/mypage/referrals/${referral.id}/apply`)).status).toBe(404);
    expect((await otherClient.get(`/mypage/applications/${id}`)).status).toBe(404);
    expect((await otherClient.get(`/mypage/applications/${id}/letter`)).status).toBe(404);
    expect((await otherClient.get(`/mypage/applications/${id}/job`)).status).toBe(404);
    const otherEmployer = await createEmployer(ctx.deps);
    const emp = await client('employer', otherEmployer.email, otherEmployer.password);
    expect((await emp.get(`/employer/applications/${id}`)).status).toBe(404);
    expect((await emp.get(`/employer/applications/${id}/letter`)).status).toBe(404);
    expect((await emp.get('/employer/applications')).text('main')).not.toContain('試験 太郎');
  });

  it('AP-8 50 identical submits at once create one application, and every one lands on its page', async () => {
    const { referral, seekerClient } = await referred();
    const base = `/mypage/referrals/${referral.id}/apply`;
    const form = await seekerClient.get(base);
    const key = form.dom.querySelector('input[name="draft"]')!.getAttribute('value')!;
    await seekerClient.post(base, { draft: key, motivation: MOTIVATION, consent: 'yes', action: 'next' });
    const confirm = await seekerClient.get(`${base}/confirm?draft=${key}`);
    const token = confirm.csrf();
    const results = await Promise.all(
      Array.from({ length: 50 }, () => seekerClient.post(`${base}/submit`, { draft: key }, { csrf: token })),
    );
    const locations = new Set(results.map((r) => `${r.status} ${r.location}`));
    expect(locations.size).toBe(1);
    expect([...locations][0]).toMatch(/^303 \/mypage\/applications\//);
    expect(
      await ctx.db.select().from(applications).where(eq(applications.referralId, referral.id)),
    ).toHaveLength(1);
    // Replayed later (back button, resubmit): the same result page.
    const replay = await seekerClient.post(`${base}/submit`, { draft: key }, { csrf: token });
    expect(`${replay.status} ${replay.location}`).toBe([...locations][0]);
  });

  it('MP-9 applying in the final month extends the registration by a month, recorded as 紹介', async () => {
    // Valid until 2026-11-30 (final month is November): extended to 2026-12-31.
    const { seeker, referral, seekerClient } = await referred({ seeker: { validUntil: '2026-11-30' } });
    const { submit } = await apply(seekerClient, `/mypage/referrals/${referral.id}/apply`);
    expect(submit!.status).toBe(303);
    const [row] = await ctx.db.select().from(seekers).where(eq(seekers.id, seeker.seeker.id));
    expect(row!.validUntil).toBe('2026-12-31');
    const history = await ctx.db
      .select()
      .from(registrationValidityHistory)
      .where(
        and(
          eq(registrationValidityHistory.seekerId, seeker.seeker.id),
          eq(registrationValidityHistory.cause, 'referral'),
        ),
      );
    expect(history).toHaveLength(1);
  });
});

describe('AP-7 オンライン自主応募', () => {
  it('AP-7 an internet-only seeker applies from the job detail; no 紹介状; the employer sees it', async () => {
    const employer = await createEmployer(ctx.deps);
    const job = await createJob(
      ctx.deps,
      { documentMethods: ['post'], acceptsOnlineApplication: true },
      employer.employer,
    );
    const seeker = await createSeeker(ctx.deps, { kind: 'internet' });
    const c = await client('seeker', seeker.email, seeker.password);
    const detail = await c.get(`/jobs/${job.jobNumber}`);
    expect(
      detail.dom.querySelector(`#direct-apply a[href="/mypage/jobs/${job.jobNumber}/apply"]`)?.textContent,
    ).toBe('オンライン自主応募');
    const { form, submit } = await apply(c, `/mypage/jobs/${job.jobNumber}/apply`);
    expect(form.h1()).toBe('オンライン自主応募');
    expect(submit!.status).toBe(303);
    const id = submit!.location!.split('/')[3]!.split('?')[0]!;
    const [app] = await ctx.db.select().from(applications).where(eq(applications.id, id));
    expect(app!.route).toBe('direct');
    expect(
      await ctx.db.select().from(referralLetters).where(eq(referralLetters.applicationId, id)),
    ).toHaveLength(0);
    expect((await c.get(`/mypage/applications/${id}/letter`)).status).toBe(404);
    const al = await c.get('/mypage/activity/applications');
    expect(al.text('#application-list')).toContain('オンライン自主応募のため、紹介状は発行されません。');
    const emp = await client('employer', employer.email, employer.password);
    const page = await emp.get(`/employer/applications/${id}`);
    expect(page.status).toBe(200);
    expect(page.text('#application-content')).toContain('貴社の理念に共感し応募いたします。');
    // A second application to the same job is refused while the first is in progress.
    expect((await c.get(`/mypage/jobs/${job.jobNumber}/apply`)).status).toBe(409);
  });

  it('AP-7 a job that does not take it, or whose employer has no MyPage, refuses with its reason', async () => {
    const seeker = await createSeeker(ctx.deps);
    const c = await client('seeker', seeker.email, seeker.password);
    const no = await createJob(ctx.deps, { acceptsOnlineApplication: false });
    const refused = await c.get(`/mypage/jobs/${no.jobNumber}/apply`);
    expect(refused.status).toBe(409);
    expect(refused.text('#apply-refusal')).toContain('オンライン自主応募を受け付けていません');
    const unopened = await createEmployer(ctx.deps, { opened: false });
    const job = await createJob(ctx.deps, { acceptsOnlineApplication: true }, unopened.employer);
    const r2 = await c.get(`/mypage/jobs/${job.jobNumber}/apply`);
    expect(r2.status).toBe(409);
    expect(r2.text('#apply-refusal')).toContain('求人者マイページを開設していない');
  });
});

describe('AP-5 without a scanner (the fail-closed default)', () => {
  it('AP-5 documents stay 確認中, the scan job fails for a retry, nothing is downloadable, and both pages say why', async () => {
    const { multipartBody, MULTIPART_TYPE, pdf } = await import('../support/upload-corpus.ts');
    const employer = await createEmployer(ctx.deps);
    const job = await createJob(
      ctx.deps,
      { documentMethods: ['mypage'], acceptsOnlineApplication: true },
      employer.employer,
    );
    const seeker = await createSeeker(ctx.deps);
    const c = await client('seeker', seeker.email, seeker.password);
    const base = `/mypage/jobs/${job.jobNumber}/apply`;
    const form = await c.get(base);
    const key = form.dom.querySelector('input[name="draft"]')!.getAttribute('value')!;
    const body = multipartBody([
      { name: '_csrf', value: form.csrf()! },
      { name: 'draft', value: key },
      { name: 'motivation', value: MOTIVATION },
      { name: 'consent', value: 'yes' },
      { name: 'document_1_kind', value: 'resume' },
      { name: 'document_1', filename: '履歴書.pdf', data: pdf() },
      { name: 'action', value: 'next' },
    ]);
    const next = await c.request('POST', base, new Uint8Array(body), { 'content-type': MULTIPART_TYPE });
    expect(next.status).toBe(303);
    await c.get(next.location!);
    const submit = await c.post(`${base}/submit`, { draft: key });
    const id = submit.location!.split('/')[3]!.split('?')[0]!;
    await expect(ctx.drain()).rejects.toThrow();
    const mine = await c.get(`/mypage/applications/${id}`);
    expect(mine.text('#document-list')).toContain('確認中');
    expect(mine.text('#scan-unavailable')).toContain('ウイルスチェックを利用できない');
    const emp = await client('employer', employer.email, employer.password);
    const theirs = await emp.get(`/employer/applications/${id}`);
    expect(theirs.dom.querySelectorAll('#document-list a')).toHaveLength(0);
    expect(theirs.text('#scan-unavailable')).not.toBe('');
  });
});

describe('AL AP-1 what is kept and for how long', () => {
  it('AL 紹介・応募時の求人票 is the job as applied, and the items changed since are listed', async () => {
    const { referral, job, seekerClient } = await referred();
    const { submit } = await apply(seekerClient, `/mypage/referrals/${referral.id}/apply`);
    const id = submit!.location!.split('/')[3]!.split('?')[0]!;
    const unchanged = await seekerClient.get(`/mypage/applications/${id}/job`);
    expect(unchanged.text('#snapshot-no-changes')).toBe('応募後に変更された項目はありません。');
    const { jobPostings } = await import('../../src/db/schema/index.ts');
    await ctx.db
      .update(jobPostings)
      .set({ wageMin: job.posting.wageMin - 10_000, specialNotes: '変更しました' })
      .where(eq(jobPostings.id, job.id));
    const changed = await seekerClient.get(`/mypage/applications/${id}/job`);
    expect(changed.text('#snapshot-changed')).toContain('賃金（手当等を含む）の下限（円）');
    expect(changed.text('#snapshot-changed')).toContain('求人に関する特記事項');
    // The page itself still shows the job as it was.
    expect(changed.text('main')).not.toContain('変更しました');
  });

  it('AP-1 an abandoned draft is removed after a day with its files; a fresh one is kept', async () => {
    const { cleanUpDrafts } = await import('../../src/modules/applications/draft-cleanup.job.ts');
    const { applicationDrafts, applicationDocuments } = await import('../../src/db/schema/index.ts');
    const { multipartBody, MULTIPART_TYPE, pdf } = await import('../support/upload-corpus.ts');
    const employer = await createEmployer(ctx.deps);
    const job = await createJob(
      ctx.deps,
      { documentMethods: ['mypage'], acceptsOnlineApplication: true },
      employer.employer,
    );
    const seeker = await createSeeker(ctx.deps);
    const c = await client('seeker', seeker.email, seeker.password);
    const base = `/mypage/jobs/${job.jobNumber}/apply`;
    const form = await c.get(base);
    const key = form.dom.querySelector('input[name="draft"]')!.getAttribute('value')!;
    const body = multipartBody([
      { name: '_csrf', value: form.csrf()! },
      { name: 'draft', value: key },
      { name: 'motivation', value: '' },
      { name: 'document_1_kind', value: 'resume' },
      { name: 'document_1', filename: '履歴書.pdf', data: pdf() },
      { name: 'action', value: 'upload' },
    ]);
    const uploaded = await c.request('POST', base, new Uint8Array(body), { 'content-type': MULTIPART_TYPE });
    expect(uploaded.status).toBe(200);
    expect(uploaded.text('#kept-files')).toContain('履歴書.pdf');
    const [doc] = await ctx.db
      .select()
      .from(applicationDocuments)
      .where(eq(applicationDocuments.draftKey, key));
    expect(await ctx.deps.storage.exists(doc!.storageKey!)).toBe(true);
    // The back button (GET with the key) shows the kept file.
    expect((await c.get(`${base}?draft=${key}`)).text('#kept-files')).toContain('履歴書.pdf');

    ctx.clock.set('2026-11-22T00:59:00Z');
    expect(await cleanUpDrafts(ctx.deps)).toBe(0);
    ctx.clock.set('2026-11-22T01:01:00Z');
    expect(await cleanUpDrafts(ctx.deps)).toBeGreaterThanOrEqual(1);
    expect(await ctx.db.select().from(applicationDrafts).where(eq(applicationDrafts.key, key))).toHaveLength(
      0,
    );
    expect(
      await ctx.db.select().from(applicationDocuments).where(eq(applicationDocuments.draftKey, key)),
    ).toHaveLength(0);
    expect(await ctx.deps.storage.exists(doc!.storageKey!)).toBe(false);
  });
});
