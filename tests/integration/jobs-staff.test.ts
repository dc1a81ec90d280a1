import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countSearchableJobs, findJobById } from '../../src/modules/jobs/jobs.repository.ts';
import { createEmployer, createSeeker, createStaff } from '../support/factories.ts';
import type { TestClient } from '../support/http.ts';
import { signInAs } from '../support/sign-in.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { createJobFor, isIndexed, leafletJobForm } from './jobs-fixtures.ts';

let ctx: TestContext;
let staff: TestClient;
beforeAll(async () => {
  ctx = await createTestContext();
  const made = await createStaff(ctx.deps);
  staff = ctx.client();
  await signInAs(staff, 'staff', made.email, made.password);
});
afterAll(() => ctx?.close());

/** An employer's job submitted for 受理 through its MyPage. */
async function submittedJob(overrides: Record<string, string | string[]> = {}) {
  const made = await createEmployer(ctx.deps);
  const client = ctx.client();
  await signInAs(client, 'employer', made.email, made.password);
  await client.get('/employer/jobs/new');
  const res = await client.post('/employer/jobs/new', leafletJobForm({ intent: 'submit', ...overrides }));
  expect(res.status).toBe(303);
  const id = Number(/\/employer\/jobs\/(\d+)/.exec(res.location ?? '')?.[1]);
  return { id, employer: made.employer, client };
}

const now = () => ctx.clock.now();

describe('ST-3 受理', () => {
  it('ST-3 SR-5 staff accept a submitted job: 求人番号 of the office, 受付年月日 today, 紹介期限日 翌々月末, searchable', async () => {
    const { id, employer } = await submittedJob();
    const list = await staff.get('/staff/jobs');
    expect(list.text('main')).toContain('受理待ちの求人');
    expect(list.dom.querySelector(`a[href="/staff/jobs/${id}"]`)?.textContent).toBe('介護福祉士');
    expect(list.text('main')).toContain(employer.name);
    const searchableBefore = await countSearchableJobs(ctx.db, now());
    expect(await isIndexed(ctx.deps, id)).toBe(false);

    const detail = await staff.get(`/staff/jobs/${id}`);
    expect(detail.text('main .status')).toBe('受理待ち');
    expect(detail.text('#job-accept')).toBe('受理');
    const accepted = await staff.post(`/staff/jobs/${id}/accept`, { referralDeadline: '' });
    expect(accepted.status).toBe(303);
    const page = await staff.open(accepted.location!);
    const job = (await findJobById(ctx.db, id))!.job;
    expect(job.jobNumber).toMatch(/^\d{5}-\d{8}$/);
    expect(job.jobNumber!.slice(0, 5)).toBe('13010');
    expect(job.status).toBe('open');
    expect(job.acceptedOn).toBe('2026-11-21');
    expect(job.referralDeadline).toBe('2027-01-31');
    expect(page.text('main')).toContain(
      `受理しました。求人番号は ${job.jobNumber}、紹介期限日は 2027年1月31日 です。`,
    );
    expect(page.dom.querySelector('#job-accept')).toBeNull();

    expect(await isIndexed(ctx.deps, id)).toBe(true);
    expect(await countSearchableJobs(ctx.db, now())).toBe(searchableBefore + 1);
    const publicPage = await ctx.client().get(`/jobs/${job.jobNumber}`);
    expect(publicPage.status).toBe(200);
    expect(publicPage.text('main')).not.toContain('この求人は現在無効です');

    // A second 受理 (a stale page, a double click) changes nothing and says why.
    const again = await staff.post(`/staff/jobs/${id}/accept`, { referralDeadline: '' });
    expect(again.status).toBe(409);
    expect(again.text('main')).toContain('この求人はすでに受理されているか、受理できない状態です。');
    expect((await findJobById(ctx.db, id))!.job.jobNumber).toBe(job.jobNumber);
  });

  it('ST-3 a 紹介期限日 in the past or after 翌々月末 is refused next to the field; an earlier one is kept', async () => {
    const { id } = await submittedJob();
    await staff.get(`/staff/jobs/${id}`);
    const past = await staff.post(`/staff/jobs/${id}/accept`, { referralDeadline: '2026-11-20' });
    expect(past.status).toBe(400);
    expect(past.fieldError('referralDeadline')).toBe(
      '紹介期限日は本日（2026年11月21日）以降の日付を入力してください',
    );
    expect(past.value('referralDeadline')).toBe('2026-11-20');
    const late = await staff.post(`/staff/jobs/${id}/accept`, { referralDeadline: '2027-02-01' });
    expect(late.status).toBe(400);
    expect(late.fieldError('referralDeadline')).toBe(
      '紹介期限日は翌々月末（2027年1月31日）までの日付を入力してください',
    );
    const bad = await staff.post(`/staff/jobs/${id}/accept`, { referralDeadline: '2026-02-30' });
    expect(bad.fieldError('referralDeadline')).toBe(
      '紹介期限日は実在する日付を 2000-01-31 の形式で入力してください',
    );
    expect((await findJobById(ctx.db, id))!.job.status).toBe('submitted');

    const ok = await staff.post(`/staff/jobs/${id}/accept`, { referralDeadline: '２０２６／１２／１５' });
    expect(ok.status).toBe(303);
    expect((await findJobById(ctx.db, id))!.job.referralDeadline).toBe('2026-12-15');
  });

  it('ST-3 a draft with missing fields cannot be accepted; staff are sent to edit it', async () => {
    const made = await createEmployer(ctx.deps);
    const client = ctx.client();
    await signInAs(client, 'employer', made.email, made.password);
    await client.get('/employer/jobs/new');
    const res = await client.post('/employer/jobs/new', { intent: 'draft', title: '調理師' });
    const id = Number(/\/employer\/jobs\/(\d+)/.exec(res.location ?? '')?.[1]);
    const page = await staff.get(`/staff/jobs/${id}`);
    expect(page.text('section[aria-labelledby="job-accept"]')).toContain('未入力または誤りのある項目');
    expect(page.dom.querySelector(`form[action="/staff/jobs/${id}/accept"]`)).toBeNull();
    const forced = await staff.post(`/staff/jobs/${id}/accept`, { referralDeadline: '' });
    expect(forced.status).toBe(400);
    expect((await findJobById(ctx.db, id))!.job.status).toBe('draft');
  });
});

describe('ST-3 無効・取下げ', () => {
  it('ST-3 「無効にする」 needs a reason, then removes the job from search at once and the detail says it is invalid', async () => {
    const { employer } = await createEmployer(ctx.deps);
    const { id, jobNumber } = await createJobFor(ctx.deps, employer.id);
    expect(await isIndexed(ctx.deps, id)).toBe(true);

    await staff.get(`/staff/jobs/${id}`);
    const refused = await staff.post(`/staff/jobs/${id}/close`, { kind: 'invalid', reason: '' });
    expect(refused.status).toBe(400);
    expect(refused.fieldError('reason')).toBe('理由を入力してください');
    expect(await isIndexed(ctx.deps, id)).toBe(true);

    const closed = await staff.post(`/staff/jobs/${id}/close`, { kind: 'invalid', reason: '充足のため' });
    expect(closed.status).toBe(303);
    const after = await staff.open(closed.location!);
    expect(after.text('main')).toContain('求人を無効にしました。');
    expect(after.text('main')).toContain('理由：充足のため');
    expect(await isIndexed(ctx.deps, id)).toBe(false);
    const job = (await findJobById(ctx.db, id))!.job;
    expect(job.status).toBe('invalid');
    expect(job.closedOn).toBe('2026-11-21');
    expect(job.closedReason).toBe('充足のため');

    const seeker = await createSeeker(ctx.deps);
    const client = ctx.client();
    await signInAs(client, 'seeker', seeker.email, seeker.password);
    const page = await client.get(`/jobs/${jobNumber}`);
    expect(page.status).toBe(200);
    expect(page.text('main')).toContain('この求人は現在無効です');
    expect(page.dom.querySelector('form[action="/mypage/favorites"]')).toBeNull();
  });

  it('ST-3 「取り下げる」 withdraws the job: out of search, and shown as invalid', async () => {
    const { employer } = await createEmployer(ctx.deps);
    const { id, jobNumber } = await createJobFor(ctx.deps, employer.id);
    await staff.get(`/staff/jobs/${id}`);
    const closed = await staff.post(`/staff/jobs/${id}/close`, {
      kind: 'withdrawn',
      reason: '事業所からの申出',
    });
    expect(closed.location).toBe(`/staff/jobs/${id}?saved=withdrawn`);
    expect(await isIndexed(ctx.deps, id)).toBe(false);
    expect((await findJobById(ctx.db, id))!.job.status).toBe('withdrawn');
    const page = await ctx.client().get(`/jobs/${jobNumber}`);
    expect(page.text('main')).toContain('この求人は現在無効です');
    expect(page.dom.querySelector(`a[href^="/login?next="]`)).toBeNull();
    const staffPage = await staff.get(`/staff/jobs/${id}`);
    expect(staffPage.text('main')).toContain('この求人は2026年11月21日に「取下げ」となりました。');
    expect(staffPage.dom.querySelector('#job-close')).toBeNull();
  });
});

describe('ST-3 registering and finding jobs', () => {
  it('ST-3 staff register a job for the employer chosen by 事業所番号, then accept it', async () => {
    const { employer } = await createEmployer(ctx.deps);
    await staff.get('/staff/jobs/new');
    const unknown = await staff.post(
      '/staff/jobs/new',
      leafletJobForm({ intent: 'submit', establishmentNumber: '9999-999999-9' }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.fieldError('establishmentNumber')).toBe('この事業所番号の事業所は見つかりません');
    expect(unknown.value('title')).toBe('介護福祉士');

    const digits = employer.establishmentNumber.replace(/-/g, '');
    const wide = digits.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const made = await staff.post(
      '/staff/jobs/new',
      leafletJobForm({ intent: 'submit', establishmentNumber: wide }),
    );
    expect(made.status).toBe(303);
    const id = Number(/\/staff\/jobs\/(\d+)/.exec(made.location ?? '')?.[1]);
    const page = await staff.open(made.location!);
    expect(page.text('main')).toContain('求人票を登録しました。');
    expect((await findJobById(ctx.db, id))!.job.employerId).toBe(employer.id);

    const accepted = await staff.post(`/staff/jobs/${id}/accept`, { referralDeadline: '' });
    expect(accepted.status).toBe(303);
    expect(await isIndexed(ctx.deps, id)).toBe(true);
  });

  it('ST-3 staff correct an open job; the change reaches search in the same step', async () => {
    const { employer } = await createEmployer(ctx.deps);
    const { id, jobNumber } = await createJobFor(ctx.deps, employer.id);
    const form = await staff.get(`/staff/jobs/${id}/edit`);
    expect(form.value('title')).toBe('介護福祉士');
    expect(form.dom.querySelector('button[value="draft"]')).toBeNull();
    const saved = await staff.post(
      `/staff/jobs/${id}/edit`,
      leafletJobForm({ title: '介護職員（夜勤あり）', publicationScope: 'private' }),
    );
    expect(saved.status).toBe(303);
    expect((await findJobById(ctx.db, id))!.job.status).toBe('open');
    expect(await isIndexed(ctx.deps, id)).toBe(false);
    expect((await ctx.client().get(`/jobs/${jobNumber}`)).status).toBe(404);
    expect((await staff.get(`/jobs/${jobNumber}`)).h1()).toBe('介護職員（夜勤あり）');
  });

  it('EM-4 AP-7 a job of an employer without 求人者マイページ cannot accept オンライン自主応募: refused next to the field, input kept', async () => {
    const MESSAGE =
      'この事業所は求人者マイページを開設していないため、オンライン自主応募を受け付けることはできません（応募を受け取る画面がありません）。求人者マイページを開設してから設定してください';
    for (const unopened of [{ withLogin: false }, { opened: false }]) {
      const { employer } = await createEmployer(ctx.deps, unopened);
      await staff.get('/staff/jobs/new');
      const refused = await staff.post(
        '/staff/jobs/new',
        leafletJobForm({
          intent: 'submit',
          establishmentNumber: employer.establishmentNumber,
          acceptsOnlineApplication: 'yes',
        }),
      );
      expect(refused.status).toBe(400);
      expect(refused.fieldError('acceptsOnlineApplication')).toBe(MESSAGE);
      expect(refused.value('title')).toBe('介護福祉士');
      const { listEmployerJobs } = await import('../../src/modules/jobs/jobs.repository.ts');
      expect(await listEmployerJobs(ctx.db, employer.id)).toHaveLength(0);

      // Without online direct applications the job is registered; switching them on later is refused too.
      const made = await staff.post(
        '/staff/jobs/new',
        leafletJobForm({
          intent: 'submit',
          establishmentNumber: employer.establishmentNumber,
          acceptsOnlineApplication: 'no',
        }),
      );
      expect(made.status).toBe(303);
      const id = Number(/\/staff\/jobs\/(\d+)/.exec(made.location ?? '')?.[1]);
      await staff.get(`/staff/jobs/${id}/edit`);
      const edit = await staff.post(
        `/staff/jobs/${id}/edit`,
        leafletJobForm({ intent: 'submit', acceptsOnlineApplication: 'yes' }),
      );
      expect(edit.status).toBe(400);
      expect(edit.fieldError('acceptsOnlineApplication')).toBe(MESSAGE);
      expect((await findJobById(ctx.db, id))!.job.acceptsOnlineApplication).toBe(false);
    }
  });

  it('ST-3 staff look a job up by 求人番号 (full-width accepted); an unknown number is explained', async () => {
    const { employer } = await createEmployer(ctx.deps);
    const { id, jobNumber } = await createJobFor(ctx.deps, employer.id);
    const wide = jobNumber!
      .replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
      .replace('-', 'ー');
    const found = await staff.get(`/staff/jobs?number=${encodeURIComponent(wide)}`);
    expect(found.status).toBe(303);
    expect(found.location).toBe(`/staff/jobs/${id}`);
    const missing = await staff.get('/staff/jobs?number=13010-99999997');
    expect(missing.status).toBe(400);
    expect(missing.fieldError('number')).toBe('この求人番号の求人は見つかりません');
    const malformed = await staff.get('/staff/jobs?number=12345');
    expect(malformed.fieldError('number')).toBe('求人番号は 13010-09999999 の形式で入力してください');
  });
});

describe('G-2 roles on job pages', () => {
  it('G-2 a seeker gets 403 on /employer/jobs and /staff/jobs; an employer gets 403 on /staff/jobs', async () => {
    const seeker = await createSeeker(ctx.deps);
    const client = ctx.client();
    await signInAs(client, 'seeker', seeker.email, seeker.password);
    expect((await client.get('/employer/jobs')).status).toBe(403);
    expect((await client.get('/employer/jobs/new')).status).toBe(403);
    expect((await client.get('/staff/jobs')).status).toBe(403);
    expect((await client.get('/staff/jobs/new')).status).toBe(403);

    const employer = await createEmployer(ctx.deps);
    const employerClient = ctx.client();
    await signInAs(employerClient, 'employer', employer.email, employer.password);
    expect((await employerClient.get('/staff/jobs')).status).toBe(403);

    const anonymous = await ctx.client().get('/employer/jobs');
    expect(anonymous.status).toBe(303);
    expect(anonymous.location).toContain('/employer/login');
  });
});
