import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmployer } from '../support/factories.ts';
import type { TestClient } from '../support/http.ts';
import { signInAs } from '../support/sign-in.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { createJobFor, isIndexed, leafletJobForm } from './jobs-fixtures.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

async function employerClient() {
  const made = await createEmployer(ctx.deps);
  const client = ctx.client();
  await signInAs(client, 'employer', made.email, made.password);
  return { client, employer: made.employer };
}

/** The id in a /employer/jobs/:id… location. */
const idIn = (location: string | null) => Number(/\/employer\/jobs\/(\d+)/.exec(location ?? '')?.[1]);

async function submitNew(client: TestClient, fields: Record<string, string | string[] | undefined>) {
  await client.get('/employer/jobs/new');
  return client.post('/employer/jobs/new', fields);
}

describe('EM-4 the employer’s 求人票', () => {
  it('EM-4 「一時保存」 keeps what was typed, explains the field it could not read, and lists the draft', async () => {
    const { client } = await employerClient();
    const form = await client.get('/employer/jobs/new');
    expect(form.h1()).toBe('求人票の作成');
    // Pre-filled from the 事業所.
    expect(form.value('city')).toBe('千代田区');
    expect(form.dom.querySelector('input[value="mypage"]')?.parentNode?.textContent).toContain(
      '求職者マイページからの登録',
    );

    const page = await client.post('/employer/jobs/new', {
      intent: 'draft',
      title: '介護福祉士',
      wageMin: '２０５，０００',
      annualHolidays: '４００',
      hoursStart1: '９：００',
    });
    expect(page.status).toBe(400);
    expect(page.fieldError('annualHolidays')).toBe('年間休日数は366以下で入力してください');
    expect(page.text('main')).toContain('入力内容に誤りがある項目を除いて一時保存しました');
    expect(page.value('annualHolidays')).toBe('４００');
    expect(page.value('title')).toBe('介護福祉士');
    const action = page.dom.querySelector('form.job-form')?.getAttribute('action') ?? '';
    expect(action).toMatch(/^\/employer\/jobs\/\d+\/edit$/);

    const edit = await client.get(action);
    expect(edit.value('title')).toBe('介護福祉士');
    expect(edit.value('wageMin')).toBe('205000');
    expect(edit.value('hoursStart1')).toBe('09:00');
    expect(edit.value('annualHolidays')).toBe('');
    expect(edit.value('openings')).toBe('');

    const list = await client.get('/employer/jobs');
    expect(list.text('table')).toContain('介護福祉士');
    expect(list.text('table')).toContain('作成中');
  });

  it('EM-4 a 求人票 sent after the session timed out is kept and, after signing in again, sent with one button', async () => {
    const made = await createEmployer(ctx.deps);
    const client = ctx.client();
    await signInAs(client, 'employer', made.email, made.password);
    await client.get('/employer/jobs/new');
    ctx.clock.advanceMinutes(40);
    const fields = {
      intent: 'draft',
      title: '訪問介護員',
      description: '利用者宅での身体介護・生活援助\n（1日4件程度）',
    };
    const sent = await client.post('/employer/jobs/new', fields);
    expect(sent.location).toBe('/employer/login?timeout=1&kept=1');
    expect((await signInAs(client, 'employer', made.email, made.password)).location).toBe('/kept-form');
    const offer = await client.get('/kept-form');
    expect(offer.dom.querySelector('.site-header')?.textContent).toContain('求人者マイページ');
    const { action, fields: kept } = offer.hiddenForm('form[action="/employer/jobs/new"]');
    const { _csrf: _, ...resend } = kept;
    const saved = await client.post(action, resend);
    expect(saved.status).toBe(303);
    const edit = await client.open(saved.location!);
    expect(edit.value('title')).toBe('訪問介護員');
    expect(edit.value('description')).toBe(fields.description);
  });

  it('EM-4 a clean 「一時保存」 goes back to the form with a notice', async () => {
    const { client } = await employerClient();
    const saved = await submitNew(client, { intent: 'draft', title: '調理補助' });
    expect(saved.status).toBe(303);
    const page = await client.open(saved.location!);
    expect(page.text('main')).toContain('一時保存しました。');
    expect(page.value('title')).toBe('調理補助');
  });

  it('EM-4 「受理を申し込む」 checks everything, with the message next to each field and the input kept', async () => {
    const { client } = await employerClient();
    const page = await submitNew(
      client,
      leafletJobForm({
        intent: 'submit',
        holidays: '',
        wageMax: '190000',
        hoursStart1: '25:00',
        ageMin: '12',
        documentMethods: [],
        allowanceAmount1: '',
      }),
    );
    expect(page.status).toBe(400);
    expect(page.fieldError('holidays')).toBe('休日等を入力してください');
    expect(page.fieldError('hoursStart1')).toBe('就業時間1の始業時刻の形式が正しくありません');
    expect(page.fieldError('ageMin')).toBe('年齢の下限（歳）は15以上で入力してください');
    expect(page.fieldError('documentMethods')).toBe('応募書類の送付方法を選択してください');
    expect(page.summary()).toContain('休日等を入力してください');
    expect(page.value('wageMax')).toBe('190000');
    expect(page.value('title')).toBe('介護福祉士');
    expect(page.checked('insurances', 'pension')).toBe(true);

    // With every field readable, the rules between fields speak.
    const ranges = await submitNew(
      client,
      leafletJobForm({ intent: 'submit', wageMax: '190000', allowanceAmount1: '' }),
    );
    expect(ranges.status).toBe(400);
    expect(ranges.fieldError('wageMax')).toBe(
      '賃金（手当等を含む）の上限（円）は205,000以上で入力してください',
    );
    expect(ranges.fieldError('allowanceAmount1')).toBe('手当1の金額（円）を入力してください');
    expect(await client.get('/employer/jobs').then((p) => p.text('main'))).toContain(
      '登録された求人票はありません',
    );
  });

  it('EM-4 a draft is submitted for 受理 (full-width input accepted) and is not searchable yet', async () => {
    const { client } = await employerClient();
    const draft = await submitNew(client, leafletJobForm({ intent: 'draft' }));
    expect(draft.status).toBe(303);
    const id = idIn(draft.location);
    await client.get(`/employer/jobs/${id}/edit`);
    const submitted = await client.post(
      `/employer/jobs/${id}/edit`,
      leafletJobForm({ intent: 'submit', wageMin: '２０５０００', hoursEnd1: '１７：００' }),
    );
    expect(submitted.status).toBe(303);
    expect(submitted.location).toBe(`/employer/jobs/${id}?saved=submitted`);
    const page = await client.open(submitted.location!);
    expect(page.text('main')).toContain('受理を申し込みました。');
    expect(page.text('main .status')).toBe('受理待ち');
    expect(await isIndexed(ctx.deps, id)).toBe(false);
  });

  it('EM-4 another employer gets 404 on the job, its form and its actions', async () => {
    const { client, employer } = await employerClient();
    const draft = await submitNew(client, leafletJobForm({ intent: 'draft' }));
    const id = idIn(draft.location);
    const { jobNumber: openNumber, id: openId } = await createJobFor(ctx.deps, employer.id);
    expect(openNumber).toBeTruthy();

    const other = await employerClient();
    await other.client.get('/employer/jobs');
    expect((await other.client.get(`/employer/jobs/${id}`)).status).toBe(404);
    expect((await other.client.get(`/employer/jobs/${id}/edit`)).status).toBe(404);
    expect(
      (await other.client.post(`/employer/jobs/${id}/edit`, leafletJobForm({ intent: 'submit' }))).status,
    ).toBe(404);
    const settings = await other.client.post(`/employer/jobs/${openId}/settings`, {
      documentMethods: ['post'],
      acceptsOnlineApplication: 'no',
      publicationScope: 'private',
    });
    expect(settings.status).toBe(404);
    expect(await isIndexed(ctx.deps, openId)).toBe(true);
    expect((await other.client.get('/employer/jobs/abc')).status).toBe(404);
    expect((await other.client.get('/employer/jobs')).text('main')).not.toContain('介護福祉士');
  });

  it('EM-4 on an open job only 応募書類の送付方法・オンライン自主応募・公開範囲 change, and search follows at once', async () => {
    const { client, employer } = await employerClient();
    const { id, jobNumber } = await createJobFor(ctx.deps, employer.id);
    const edit = await client.get(`/employer/jobs/${id}/edit`);
    expect(edit.status).toBe(303);
    expect(edit.location).toBe(`/employer/jobs/${id}`);

    const detail = await client.get(`/employer/jobs/${id}`);
    expect(detail.text('#job-settings')).toBe('応募書類の送付方法・オンライン自主応募・公開範囲の変更');
    expect(detail.checked('documentMethods', 'mypage')).toBe(true);
    const scopes = detail.dom
      .querySelectorAll('input[name="publicationScope"]')
      .map((i) => i.parentNode?.textContent.trim());
    expect(scopes).toEqual([
      '1. 事業所名等を含む求人情報を公開する',
      '2. 事業所名等を含まない求人情報を公開する',
      '3. 求人情報を公開しない',
    ]);

    const refused = await client.post(`/employer/jobs/${id}/settings`, {
      acceptsOnlineApplication: 'no',
      publicationScope: 'full',
    });
    expect(refused.status).toBe(400);
    expect(refused.fieldError('documentMethods')).toBe('応募書類の送付方法を選択してください');

    const hidden = await client.post(`/employer/jobs/${id}/settings`, {
      documentMethods: ['post'],
      acceptsOnlineApplication: 'no',
      publicationScope: 'private',
    });
    expect(hidden.status).toBe(303);
    expect((await client.open(hidden.location!)).text('main')).toContain('変更を保存しました。');
    expect(await isIndexed(ctx.deps, id)).toBe(false);
    expect((await ctx.client().get(`/jobs/${jobNumber}`)).status).toBe(404);

    await client.get(`/employer/jobs/${id}`);
    await client.post(`/employer/jobs/${id}/settings`, {
      documentMethods: ['post', 'email'],
      acceptsOnlineApplication: 'no',
      publicationScope: 'anonymous',
    });
    expect(await isIndexed(ctx.deps, id)).toBe(true);
    const publicPage = await ctx.client().get(`/jobs/${jobNumber}`);
    expect(publicPage.status).toBe(200);
    expect(publicPage.text('main')).toContain('オンライン自主応募は受け付けていません');
    expect(publicPage.text('main')).toContain('郵送、Eメール');
    expect(publicPage.text('main')).not.toContain(employer.name);
  });
});
