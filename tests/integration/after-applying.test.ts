/**
 * After 「応募」, end to end through HTTP with a fixed clock (SPEC CX-1..CX-3, EM-2, EM-3, DR-1,
 * DR-2, G-2; ADR 0022): cancelling within 24 hours with a reason, the employer's notice, 辞退;
 * the 選考結果 and the seeker's 選考結果通知; the daily retention run; and in every case the
 * document files gone from disk.
 *
 * The app's disk storage is wrapped to record deletes (RecordingStorage). The jobs take documents
 * by post (AP-4) unless a test writes documents beside the application as 「応募」 would have moved
 * them from the draft.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  applicationDocuments,
  applications,
  inboxMessages,
  jobPostings,
  mailDeliveries,
  referrals,
} from '../../src/db/schema/index.ts';
import { runDocumentRetention } from '../../src/modules/applications/document-retention.job.ts';
import { insertReferrals } from '../../src/modules/referrals/referrals.repository.ts';
import { addDays, tokyoDate } from '../../src/platform/dates.ts';
import {
  attachDocuments,
  createEmployer,
  createJob,
  createSeeker,
  createStaff,
} from '../support/factories.ts';
import type { TestClient } from '../support/http.ts';
import { RecordingStorage } from '../support/recording-storage.ts';
import { signInAs } from '../support/sign-in.ts';
import { createTestContext, DEFAULT_NOW, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
let storage: RecordingStorage;
beforeAll(async () => {
  ctx = await createTestContext();
  storage = new RecordingStorage(ctx.deps.storage, ctx.deps.config.storageDir);
  ctx.deps.storage = storage;
});
afterAll(async () => {
  await ctx?.close();
});
afterEach(() => {
  ctx.clock.set(DEFAULT_NOW);
  ctx.deps.config.documentRetentionMonths = 3;
  storage.reset();
});

let ip = 20;
const nextIp = () => `198.51.100.${ip++}`;
const today = () => tokyoDate(ctx.clock.now());
const SECOND = 1000;
const DAY = 24 * 60 * 60 * SECOND;

async function client(role: 'seeker' | 'employer' | 'staff', email: string, password: string) {
  const c = ctx.client(nextIp());
  await signInAs(c, role, email, password);
  return c;
}

const MOTIVATION = '介護の仕事に長く携わってきました。貴社の理念に共感し応募いたします。';

/**
 * A seeker applies (応募（ハローワーク紹介）) to a referral target of a job of an opened employer, and
 * the application gets `documents` files on disk. Returns both sides signed in.
 */
async function applied(o: { documents?: number } = {}) {
  const staff = await createStaff(ctx.deps);
  const seeker = await createSeeker(ctx.deps);
  const employer = await createEmployer(ctx.deps);
  const job = await createJob(
    ctx.deps,
    { officeCode: '13010', documentMethods: ['post'], acceptsOnlineApplication: false },
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
      applyBy: addDays(today(), 7),
    },
  ]);
  const seekerClient = await client('seeker', seeker.email, seeker.password);
  const base = `/mypage/referrals/${referral!.id}/apply`;
  const form = await seekerClient.get(base);
  const key = form.dom.querySelector('input[name="draft"]')!.getAttribute('value')!;
  const next = await seekerClient.post(base, {
    draft: key,
    motivation: MOTIVATION,
    consent: 'yes',
    action: 'next',
  });
  expect(next.status).toBe(303);
  await seekerClient.get(next.location!);
  const submit = await seekerClient.post(`${base}/submit`, { draft: key });
  expect(submit.status).toBe(303);
  const id = submit.location!.split('/')[3]!.split('?')[0]!;
  const keys = await attachDocuments(ctx.deps, storage, {
    applicationId: id,
    seekerId: seeker.seeker.id,
    n: o.documents ?? 2,
  });
  const employerClient = await client('employer', employer.email, employer.password);
  /** New sign-ins after the clock moved past the session limits (idle 30 minutes, 12 hours). */
  const again = async () => ({
    seekerClient: await client('seeker', seeker.email, seeker.password),
    employerClient: await client('employer', employer.email, employer.password),
  });
  return { staff, seeker, employer, job, referral: referral!, seekerClient, employerClient, id, keys, again };
}

async function onDisk(keys: string[]): Promise<string[]> {
  const files = new Set(await storage.files());
  return keys.filter((k) => files.has(k));
}

async function applicationRow(id: string) {
  const [row] = await ctx.db.select().from(applications).where(eq(applications.id, id));
  return row!;
}

/** 「応募を取消」 → 求人応募取り消し画面 → 「次へ進む」 → 確認画面 → 「完了」, as the seeker clicks through. */
async function cancel(c: TestClient, id: string, fields: Record<string, string>) {
  const form = await c.get(`/mypage/applications/${id}/cancel`);
  const next = await c.post(`/mypage/applications/${id}/cancel`, { action: 'next', ...fields });
  if (next.status !== 200 || !next.dom.querySelector('#cancel-complete')) return { form, next };
  const done = next.hiddenForm('#cancel-complete');
  const complete = await c.post(done.action, done.fields);
  return { form, next, complete };
}

const OTHER = { reason: 'other', note: '家族の介護が必要になったため', consent: 'yes' };

describe('CX-1 CX-2 CX-3 cancelling within 24 hours', () => {
  it('CX-1 CX-3 DR-2 at 23:59:59 after 「応募」 the cancel is accepted: 取消 with its reason, 辞退, the employer told in MyPage and by mail, the files gone from disk', async () => {
    const a = await applied();
    const { id, keys, referral, employer, job } = a;
    expect(await onDisk(keys)).toHaveLength(2);
    const list = await a.seekerClient.get('/mypage/activity/applications');
    expect(list.dom.querySelector(`#cancel-${id}`)?.getAttribute('href')).toBe(
      `/mypage/applications/${id}/cancel`,
    );
    expect(list.text(`#cx-${id}`)).toContain('2026-11-22 10:00まで');

    ctx.clock.advance(DAY - SECOND);
    const { seekerClient, employerClient } = await a.again();
    const form = await seekerClient.get(`/mypage/applications/${id}/cancel`);
    expect(form.status).toBe(200);
    expect(form.h1()).toBe('求人応募取り消し画面');
    expect(form.text('#cancel-caution')).toBe(
      '応募を取りやめる場合は、必ず求人者に応募を辞退する旨を伝えてください。',
    );
    expect(form.text('main')).toContain(
      '24時間を過ぎると、求職者マイページから応募を取り消すことはできませんので、メッセージや電話などで必ず求人者に直接連絡をしてください。',
    );
    expect(form.text('label[for="f-consent"]')).toBe(
      '③応募取り消しの通知は応募取り消し理由とともに求人者に通知されます。求人者に提出した応募書類は、求職者マイページ及び応募先の求人者マイページから消去されます。',
    );
    expect(form.dom.querySelectorAll('input[name="reason"]').map((r) => r.getAttribute('value'))).toEqual([
      'found_job',
      'rechecked_conditions',
      'family',
      'health',
      'other',
    ]);
    const next = await seekerClient.post(`/mypage/applications/${id}/cancel`, { action: 'next', ...OTHER });
    expect(next.h1()).toBe('求人応募取り消し確認画面');
    expect(next.text('#cancel-summary')).toContain('その他');
    expect(next.text('#cancel-summary')).toContain('家族の介護が必要になったため');
    // Nothing happened before 「完了」.
    expect((await applicationRow(id)).state).toBe('applied');
    const done = next.hiddenForm('#cancel-complete');
    const complete = await seekerClient.post(done.action, done.fields);
    expect(complete.status).toBe(303);
    expect(complete.location).toBe(`/mypage/applications/${id}?cancelled=1`);

    const row = await applicationRow(id);
    expect(row).toMatchObject({
      state: 'cancelled',
      cancelReason: 'other',
      cancelNote: '家族の介護が必要になったため',
      documentsErasedCause: 'cancelled',
    });
    expect(row.cancelledAt).toEqual(ctx.clock.now());
    expect(row.documentsErasedAt).toEqual(ctx.clock.now());
    // DR-2: the bytes are gone from disk; the rows stay without a storage key.
    expect(await onDisk(keys)).toEqual([]);
    expect(storage.deleted.sort()).toEqual([...keys].sort());
    const docs = await ctx.db
      .select()
      .from(applicationDocuments)
      .where(eq(applicationDocuments.applicationId, id));
    expect(docs.map((d) => d.storageKey)).toEqual([null, null]);
    const [ref] = await ctx.db.select().from(referrals).where(eq(referrals.id, referral.id));
    expect(ref!.state).toBe('declined');
    expect(ref!.declinedAt).toEqual(ctx.clock.now());

    const detail = await seekerClient.get(complete.location!);
    expect(detail.text('#cancelled-notice')).toContain(
      '求人者に、応募取り消し理由とともに応募の取り消しを通知しました',
    );
    expect(detail.text('#application-state')).toBe('取消');
    expect(detail.text('#documents-erased')).toBe('応募書類は削除されました。');
    expect(detail.text('#application-content')).toContain(
      '2026-11-22 09:59に削除しました（応募の取り消しのため）',
    );
    const after = await seekerClient.get('/mypage/activity/applications');
    expect(after.dom.querySelector(`#cancel-${id}`)).toBeNull();

    // CX-3 EM-2: the employer's notice with the reason, in MyPage and by mail.
    const home = await employerClient.get('/employer');
    expect(home.text('#employer-notice-list')).toContain(`応募が取り消されました：${job.jobNumber}`);
    expect(home.text('#employer-notice-list')).toContain(
      '応募取り消し理由：その他 家族の介護が必要になったため',
    );
    await ctx.drain();
    const mail = ctx.mailbox
      .to(employer.email)
      .find((m) => m.subject === '【ハローワーク】求人への応募が取り消されました');
    expect(mail?.text).toContain('応募取り消し理由：その他');
    expect(mail?.text).toContain('備考：家族の介護が必要になったため');
    expect(mail?.text).toContain(`/employer/applications/${id}`);
    const theirs = await employerClient.get(`/employer/applications/${id}`);
    expect(theirs.text('#application-state')).toBe('取消');
    expect(theirs.text('#application-content')).toContain('家族の介護が必要になったため');
    expect(theirs.text('#documents-erased')).toBe('応募書類は削除されました。');
    expect(theirs.text('#result-refusal')).toContain('求職者により取り消された');
    expect((await employerClient.get(`/employer/applications/${id}/documents/${docs[0]!.id}`)).status).toBe(
      404,
    );
  });

  it('CX-1 at 24:00:00 the cancel is refused: no button, the seed sentence, and 「完了」 changes nothing', async () => {
    const a = await applied();
    const { id, keys } = a;
    ctx.clock.advance(DAY);
    const { seekerClient } = await a.again();
    const list = await seekerClient.get('/mypage/activity/applications');
    expect(list.dom.querySelector(`#cancel-${id}`)).toBeNull();
    expect(list.text(`#cx-${id}`)).toBe(
      '応募から24時間を過ぎたため、求職者マイページから応募を取り消すことはできません。メッセージや電話などで必ず求人者に直接連絡をしてください。',
    );
    const form = await seekerClient.get(`/mypage/applications/${id}/cancel`);
    expect(form.status).toBe(409);
    expect(form.text('#cancel-refusal')).toContain(
      'メッセージや電話などで必ず求人者に直接連絡をしてください',
    );
    const complete = await seekerClient.post(`/mypage/applications/${id}/cancel/complete`, OTHER);
    expect(complete.status).toBe(409);
    expect((await applicationRow(id)).state).toBe('applied');
    expect(await onDisk(keys)).toHaveLength(2);
    expect(
      await ctx.db.select().from(inboxMessages).where(eq(inboxMessages.kind, 'application.cancelled')),
    ).toEqual(
      expect.not.arrayContaining([
        expect.objectContaining({ data: expect.objectContaining({ applicationId: id }) }),
      ]),
    );
  });

  it('CX-1 a confirmation page opened at 23:59:58 and 「完了」 sent at 24:00:00 is refused on the server', async () => {
    const a = await applied({ documents: 0 });
    const { id } = a;
    ctx.clock.advance(DAY - 2 * SECOND);
    const { seekerClient } = await a.again();
    await seekerClient.get(`/mypage/applications/${id}/cancel`);
    const next = await seekerClient.post(`/mypage/applications/${id}/cancel`, { action: 'next', ...OTHER });
    expect(next.h1()).toBe('求人応募取り消し確認画面');
    ctx.clock.advance(2 * SECOND);
    const done = next.hiddenForm('#cancel-complete');
    const complete = await seekerClient.post(done.action, done.fields);
    expect(complete.status).toBe(409);
    expect((await applicationRow(id)).state).toBe('applied');
  });

  it('CX-2 「その他」 without 備考 is refused next to 備考 with the choice kept; 301 characters are refused, 300 pass; the notice must be ticked', async () => {
    const { id, seekerClient } = await applied({ documents: 0 });
    const base = `/mypage/applications/${id}/cancel`;
    await seekerClient.get(base);
    const missing = await seekerClient.post(base, {
      action: 'next',
      reason: 'other',
      note: '',
      consent: 'yes',
    });
    expect(missing.status).toBe(400);
    expect(missing.fieldError('note')).toBe(
      '応募取り消し理由で「その他」を選択した場合は、備考欄に理由を入力してください',
    );
    expect(missing.checked('reason', 'other')).toBe(true);
    expect(missing.summary()).toContain(
      '応募取り消し理由で「その他」を選択した場合は、備考欄に理由を入力してください',
    );

    const long = await seekerClient.post(base, {
      action: 'next',
      reason: 'other',
      note: 'あ'.repeat(301),
      consent: 'yes',
    });
    expect(long.status).toBe(400);
    expect(long.fieldError('note')).toBe('備考欄は全角300文字以内で入力してください');
    expect(long.value('note')).toHaveLength(301);

    const unticked = await seekerClient.post(base, { action: 'next', reason: 'health', note: '' });
    expect(unticked.status).toBe(400);
    expect(unticked.fieldError('consent')).toBe('注意文を確認してチェックしてください');
    const none = await seekerClient.post(base, { action: 'next', consent: 'yes' });
    expect(none.fieldError('reason')).toBe('応募取り消し理由を選択してください');

    // 「完了」 posted by hand with what the form refuses changes nothing.
    for (const fields of [
      { reason: 'other', note: '', consent: 'yes' },
      { reason: 'other', note: 'あ'.repeat(301), consent: 'yes' },
      { reason: 'family', note: '', consent: '' },
      { reason: 'bored', note: '', consent: 'yes' },
    ]) {
      const forged = await seekerClient.post(`${base}/complete`, fields);
      expect(forged.status).toBe(400);
    }
    expect((await applicationRow(id)).state).toBe('applied');

    // 入力画面に戻る keeps what was typed; 300 characters pass.
    const ok = await seekerClient.post(base, {
      action: 'next',
      reason: 'other',
      note: 'あ'.repeat(300),
      consent: 'yes',
    });
    expect(ok.h1()).toBe('求人応募取り消し確認画面');
    const back = ok.hiddenForm('#cancel-back');
    const again = await seekerClient.post(back.action, { ...back.fields, action: 'back' });
    expect(again.h1()).toBe('求人応募取り消し画面');
    expect(again.value('note')).toBe('あ'.repeat(300));
    expect(again.checked('reason', 'other')).toBe(true);
    const done = ok.hiddenForm('#cancel-complete');
    expect((await seekerClient.post(done.action, done.fields)).status).toBe(303);
    expect((await applicationRow(id)).cancelNote).toBe('あ'.repeat(300));
  });

  it('CX-1 a double-submitted 「完了」 (ten concurrent posts) cancels once and notifies the employer once', async () => {
    const { id, keys, seekerClient, employer } = await applied();
    const next = await seekerClient.post(`/mypage/applications/${id}/cancel`, {
      action: 'next',
      reason: 'found_job',
      note: '',
      consent: 'yes',
    });
    const done = next.hiddenForm('#cancel-complete');
    const token = next.csrf();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => seekerClient.post(done.action, done.fields, { csrf: token })),
    );
    expect(new Set(results.map((r) => `${r.status} ${r.location}`))).toEqual(
      new Set([`303 /mypage/applications/${id}?cancelled=1`]),
    );
    const notices = await ctx.db
      .select()
      .from(inboxMessages)
      .where(eq(inboxMessages.kind, 'application.cancelled'));
    expect(notices.filter((n) => (n.data as { applicationId: string }).applicationId === id)).toHaveLength(1);
    const mails = await ctx.db
      .select()
      .from(mailDeliveries)
      .where(eq(mailDeliveries.kind, 'application.cancelled'));
    expect(mails.filter((m) => (m.data as { applicationId: string }).applicationId === id)).toHaveLength(1);
    expect(storage.deleted.sort()).toEqual([...keys].sort());
    await ctx.drain();
    expect(ctx.mailbox.to(employer.email).filter((m) => m.subject.includes('取り消されました'))).toHaveLength(
      1,
    );
    // Replayed later (the back button): the same page, nothing new.
    const replay = await seekerClient.post(done.action, done.fields, { csrf: token });
    expect(replay.location).toBe(`/mypage/applications/${id}?cancelled=1`);
  });

  it('G-2 another seeker cannot open or send the cancel of an application that is not theirs', async () => {
    const { id } = await applied({ documents: 0 });
    const other = await createSeeker(ctx.deps);
    const otherClient = await client('seeker', other.email, other.password);
    expect((await otherClient.get(`/mypage/applications/${id}/cancel`)).status).toBe(404);
    await otherClient.get('/mypage');
    expect((await otherClient.post(`/mypage/applications/${id}/cancel/complete`, OTHER)).status).toBe(404);
    expect((await applicationRow(id)).state).toBe('applied');
  });
});

describe('EM-3 選考結果', () => {
  it('EM-3 DR-2 the employer registers 不採用 (相違 なし): the seeker gets a 選考結果通知 message and mail, sees it under 紹介状・選考結果通知, staff see it, the files are gone', async () => {
    const a = await applied();
    const { id, keys, seeker, job } = a;
    const page = await a.employerClient.get(`/employer/applications/${id}`);
    expect(page.text('#result-title')).toBe('選考結果の登録');
    expect(page.text('#result-form')).toContain('求人票の労働条件と採用条件の相違');
    // 相違 is required; あり needs what differs.
    const missing = await a.employerClient.post(`/employer/applications/${id}/result`, {
      result: 'not_hired',
    });
    expect(missing.status).toBe(400);
    expect(missing.fieldError('conditionsDiffer')).toBe('求人票の労働条件と採用条件の相違を選択してください');
    expect(missing.checked('result', 'not_hired')).toBe(true);
    const noNote = await a.employerClient.post(`/employer/applications/${id}/result`, {
      result: 'hired',
      conditionsDiffer: 'yes',
      conditionsNote: '',
    });
    expect(noNote.status).toBe(400);
    expect(noNote.fieldError('conditionsNote')).toBe('相違が「あり」の場合は、相違の内容を入力してください');
    expect((await applicationRow(id)).state).toBe('applied');

    ctx.clock.advance(3 * DAY);
    const { seekerClient, employerClient } = await a.again();
    await employerClient.get(`/employer/applications/${id}`);
    const done = await employerClient.post(`/employer/applications/${id}/result`, {
      result: 'not_hired',
      conditionsDiffer: 'no',
      conditionsNote: '',
    });
    expect(done.status).toBe(303);
    const row = await applicationRow(id);
    expect(row).toMatchObject({
      state: 'not_hired',
      conditionsDiffer: false,
      documentsErasedCause: 'decided',
    });
    expect(row.decidedAt).toEqual(ctx.clock.now());
    expect(await onDisk(keys)).toEqual([]);
    const after = await employerClient.get(done.location!);
    expect(after.text('#decided-notice')).toContain('選考結果を登録しました');
    expect(after.text('#registered-result')).toContain('不採用');
    expect(after.dom.querySelector('#result-form')).toBeNull();
    expect(after.text('#documents-erased')).toBe('応募書類は削除されました。');

    // The seeker: a Hello Work message and a mail, and 紹介状・選考結果通知.
    const [message] = await ctx.db
      .select()
      .from(inboxMessages)
      .where(
        and(
          eq(inboxMessages.recipientAccountId, seeker.account.id),
          eq(inboxMessages.kind, 'application.decided'),
        ),
      );
    expect(message).toBeDefined();
    const opened = await seekerClient.get(`/mypage/messages/${message!.id}`);
    expect(opened.text('#message-decided')).toContain(`求人番号 ${job.jobNumber}`);
    expect(opened.text('#message-result')).toBe('不採用');
    await ctx.drain();
    const mail = ctx.mailbox.to(seeker.email).find((m) => m.subject === '【ハローワーク】選考結果通知');
    expect(mail?.text).toContain('選考結果：不採用');
    expect(mail?.text).toContain(`/mypage/applications/${id}/results`);
    const results = await seekerClient.get(`/mypage/applications/${id}/results`);
    expect(results.h1()).toBe('紹介状・選考結果通知');
    expect(results.text('#selection-result')).toContain('不採用');
    expect(results.text('#selection-result')).toMatch(/求人票の労働条件と採用条件の相違\s*なし/);
    expect(results.dom.querySelector('#results-letter-link')).not.toBeNull();
    const list = await seekerClient.get('/mypage/activity/applications');
    expect(list.text('#application-list')).toContain('不採用');
    expect(list.dom.querySelector(`#cancel-${id}`)).toBeNull();
    // Cancelling a decided application is refused.
    expect((await seekerClient.get(`/mypage/applications/${id}/cancel`)).status).toBe(409);

    // Staff see it on the seeker's page.
    const staff = await createStaff(ctx.deps);
    const staffClient = await client('staff', staff.email, staff.password);
    const staffPage = await staffClient.get(`/staff/seekers/${seeker.seeker.id}`);
    expect(staffPage.text('#staff-applications')).toContain(job.jobNumber);
    expect(staffPage.text('#staff-applications')).toContain('不採用');
    expect(staffPage.text('#staff-applications')).toContain('選考結果の登録のため');

    // The same result again is its repeat; another result is refused.
    const repeat = await employerClient.post(`/employer/applications/${id}/result`, {
      result: 'not_hired',
      conditionsDiffer: 'no',
    });
    expect(repeat.status).toBe(303);
    const other = await employerClient.post(`/employer/applications/${id}/result`, {
      result: 'hired',
      conditionsDiffer: 'no',
    });
    expect(other.status).toBe(409);
    expect((await applicationRow(id)).state).toBe('not_hired');
    const decided = await ctx.db
      .select()
      .from(inboxMessages)
      .where(eq(inboxMessages.kind, 'application.decided'));
    expect(decided.filter((m) => (m.data as { applicationId: string }).applicationId === id)).toHaveLength(1);
  });

  it('EM-3 採用 with 相違 あり keeps what differs and shows it to the seeker', async () => {
    const { id, seekerClient, employerClient } = await applied({ documents: 0 });
    await employerClient.get(`/employer/applications/${id}`);
    const done = await employerClient.post(`/employer/applications/${id}/result`, {
      result: 'hired',
      conditionsDiffer: 'yes',
      conditionsNote: '月給は求人票より1万円高い21万円',
    });
    expect(done.status).toBe(303);
    expect(await applicationRow(id)).toMatchObject({
      state: 'hired',
      conditionsDiffer: true,
      conditionsNote: '月給は求人票より1万円高い21万円',
    });
    const results = await seekerClient.get(`/mypage/applications/${id}/results`);
    expect(results.text('#selection-result')).toContain('採用');
    expect(results.text('#selection-result')).toContain('月給は求人票より1万円高い21万円');
  });

  it('EM-3 DR-1 a result is refused after the retention end (the page says why) and accepted on its last day', async () => {
    const a = await applied();
    const b = await applied({ documents: 0 });
    // Both jobs became 無効 on 2026-11-25: kept through 2027-02-28 (翌々々月末).
    for (const job of [a.job, b.job]) {
      await ctx.db
        .update(jobPostings)
        .set({ status: 'invalid', closedOn: '2026-11-25' })
        .where(eq(jobPostings.id, job.id));
    }
    // 2027-02-28 23:59:59 in Tokyo: the last second of the retention.
    ctx.clock.set('2027-02-28T14:45:00Z');
    const aClient = (await a.again()).employerClient;
    const bClient = (await b.again()).employerClient;
    ctx.clock.set('2027-02-28T14:59:59Z');
    const last = await aClient.get(`/employer/applications/${a.id}`);
    expect(last.dom.querySelector('#result-form')).not.toBeNull();
    expect(last.text('#application-content')).toContain(
      '2027年3月1日に削除されます（求人無効後翌々々月末の経過後',
    );
    const ok = await aClient.post(`/employer/applications/${a.id}/result`, {
      result: 'not_hired',
      conditionsDiffer: 'no',
    });
    expect(ok.status).toBe(303);
    // 2027-03-01 00:00:00 in Tokyo: over.
    ctx.clock.set('2027-02-28T15:00:00Z');
    const over = await bClient.get(`/employer/applications/${b.id}`);
    expect(over.dom.querySelector('#result-form')).toBeNull();
    expect(over.text('#result-refusal')).toBe(
      '求人無効後翌々々月末が経過し、応募書類の保存期間が終了したため、選考結果は登録できません。',
    );
    const refused = await bClient.post(`/employer/applications/${b.id}/result`, {
      result: 'not_hired',
      conditionsDiffer: 'no',
    });
    expect(refused.status).toBe(409);
    expect(refused.text('#result-refusal')).toContain('選考結果は登録できません');
    expect((await applicationRow(b.id)).state).toBe('applied');
    // With N = 2 (翌々月末) the page says so.
    ctx.deps.config.documentRetentionMonths = 2;
    ctx.clock.set('2027-02-01T03:00:00Z');
    const two = await (await b.again()).employerClient.get(`/employer/applications/${b.id}`);
    expect(two.text('#result-refusal')).toContain('求人無効後翌々月末が経過し');
  });

  it('G-2 another employer cannot see or decide an application to a job that is not theirs', async () => {
    const { id } = await applied({ documents: 0 });
    const other = await createEmployer(ctx.deps);
    const c = await client('employer', other.email, other.password);
    expect((await c.get(`/employer/applications/${id}`)).status).toBe(404);
    await c.get('/employer');
    expect(
      (await c.post(`/employer/applications/${id}/result`, { result: 'hired', conditionsDiffer: 'no' }))
        .status,
    ).toBe(404);
    expect((await applicationRow(id)).state).toBe('applied');
  });
});

describe('DR-1 DR-2 the daily retention run', () => {
  /** An application whose job became 無効 on `closedOn`, with two files on disk. */
  async function closedOn(day: string | null) {
    const a = await applied();
    if (day) {
      await ctx.db
        .update(jobPostings)
        .set({ status: 'invalid', closedOn: day })
        .where(eq(jobPostings.id, a.job.id));
    }
    return a;
  }
  const run = () => runDocumentRetention({ ...ctx.deps, storage });

  it('DR-1 on the day before the boundary nothing is erased; the day after, the due files are gone from disk, noted, logged and shown', async () => {
    const due = await closedOn('2026-11-25');
    const later = await closedOn('2026-12-01');
    const open = await closedOn(null);
    const before = await due.seekerClient.get('/mypage/activity/applications');
    expect(before.text('#application-list')).toContain(
      '2027年3月1日に削除されます（求人無効後翌々々月末の経過後',
    );
    const openList = await open.seekerClient.get('/mypage/activity/applications');
    expect(openList.text('#application-list')).toContain(
      '求人が無効になった後、翌々々月末が経過した時点で削除されます',
    );

    // 2027-02-28 23:59 in Tokyo (14:59 UTC): the last day of the retention.
    ctx.clock.set('2027-02-28T14:59:00Z');
    expect(await run()).toMatchObject({ documents: 0 });
    expect(await onDisk(due.keys)).toHaveLength(2);
    expect((await applicationRow(due.id)).documentsErasedAt).toBeNull();

    // 2027-03-01 00:30 in Tokyo (15:30 UTC the day before): due.
    ctx.clock.set('2027-02-28T15:30:00Z');
    const result = await run();
    expect(result.documents).toBeGreaterThanOrEqual(2);
    expect(await onDisk(due.keys)).toEqual([]);
    expect(await onDisk(later.keys)).toHaveLength(2);
    expect(await onDisk(open.keys)).toHaveLength(2);
    const row = await applicationRow(due.id);
    expect(row.documentsErasedCause).toBe('retention');
    expect(row.documentsErasedAt).toEqual(ctx.clock.now());
    expect(row.state).toBe('applied');
    expect(ctx.logs).toContainEqual(
      expect.objectContaining({
        msg: 'documents erased',
        applicationId: due.id,
        cause: 'retention',
        documents: 2,
      }),
    );
    const signedIn = await due.again();
    const seekerPage = await signedIn.seekerClient.get(`/mypage/applications/${due.id}`);
    expect(seekerPage.text('#documents-erased')).toBe('応募書類は削除されました。');
    expect(seekerPage.text('#application-content')).toContain(
      '2027-03-01 00:30に削除しました（保存期間の経過のため）',
    );
    const employerPage = await signedIn.employerClient.get(`/employer/applications/${due.id}`);
    expect(employerPage.text('#documents-erased')).toBe('応募書類は削除されました。');
    expect(employerPage.dom.querySelector('#result-form')).toBeNull();
    // Run again: nothing more.
    storage.reset();
    await run();
    expect(storage.deleted.filter((k) => due.keys.includes(k))).toEqual([]);
    // The next month-end, the December job is due.
    ctx.clock.set('2027-03-31T15:30:00Z');
    await run();
    expect(await onDisk(later.keys)).toEqual([]);
    expect(await onDisk(open.keys)).toHaveLength(2);
  });

  it('DR-1 a run killed half-way and run again erases each due document once and nothing early', async () => {
    const due = [await closedOn('2026-10-10'), await closedOn('2026-10-20'), await closedOn('2026-10-31')];
    const early = await closedOn('2026-11-01');
    const dueKeys = due.flatMap((a) => a.keys);
    ctx.clock.set('2027-02-01T00:00:00Z'); // 2027-02-01 09:00 in Tokyo: October's are due, November's not
    storage.hangOnDelete(4);
    // The first run stops for good at its fourth delete (a worker killed): never awaited again.
    void run();
    await expect.poll(() => storage.deleted.length).toBe(3);
    const markedAt = ctx.clock.now();
    for (const a of due) expect((await applicationRow(a.id)).documentsErasedAt).toEqual(markedAt);
    expect((await onDisk(dueKeys)).length).toBe(3);

    ctx.clock.advance(60 * 60 * SECOND);
    const again = await run();
    expect(again.resumed).toBeGreaterThanOrEqual(2);
    expect(await onDisk(dueKeys)).toEqual([]);
    // Each due file deleted once (the killed run's fourth delete never happened).
    expect([...storage.deleted].sort()).toEqual([...dueKeys].sort());
    // Noted once, by the first run.
    for (const a of due) expect((await applicationRow(a.id)).documentsErasedAt).toEqual(markedAt);
    // Nothing early.
    expect(await onDisk(early.keys)).toHaveLength(2);
    expect((await applicationRow(early.id)).documentsErasedAt).toBeNull();
  });

  it('DR-2 a cancel whose storage failed is finished by the next retention run', async () => {
    const { id, keys, seekerClient } = await applied();
    const failing = storage.delete.bind(storage);
    storage.delete = async () => {
      throw new Error('storage unavailable');
    };
    try {
      const { complete } = await cancel(seekerClient, id, { reason: 'family', note: '', consent: 'yes' });
      expect(complete!.status).toBe(303);
    } finally {
      storage.delete = failing;
    }
    expect((await applicationRow(id)).state).toBe('cancelled');
    expect(await onDisk(keys)).toHaveLength(2);
    // Hidden from both MyPages at once, erased for good by the run.
    expect((await seekerClient.get(`/mypage/applications/${id}`)).text('#documents-erased')).toBe(
      '応募書類は削除されました。',
    );
    const result = await run();
    expect(result.resumed).toBeGreaterThanOrEqual(1);
    expect(await onDisk(keys)).toEqual([]);
  });
});

describe('DR-1 the apply form states the configured period', () => {
  it('DR-1 翌々々月末 by default and 翌々月末 with DOCUMENT_RETENTION_MONTHS=2', async () => {
    const employer = await createEmployer(ctx.deps);
    const job = await createJob(
      ctx.deps,
      { documentMethods: ['mypage', 'post'], acceptsOnlineApplication: true },
      employer.employer,
    );
    const seeker = await createSeeker(ctx.deps);
    const c = await client('seeker', seeker.email, seeker.password);
    const three = await c.get(`/mypage/jobs/${job.jobNumber}/apply`);
    expect(three.text('#document-notes')).toContain('求人無効後翌々々月末が経過した時点で');
    ctx.deps.config.documentRetentionMonths = 2;
    const two = await c.get(`/mypage/jobs/${job.jobNumber}/apply`);
    expect(two.text('#document-notes')).toContain('求人無効後翌々月末が経過した時点で');
    expect(two.text('#document-notes')).not.toContain('翌々々月末');
  });
});
