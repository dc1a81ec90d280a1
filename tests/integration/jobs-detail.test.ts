import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOffice } from '../../src/modules/offices/offices.repository.ts';
import { createEmployer, createSeeker, createStaff } from '../support/factories.ts';
import type { Page } from '../support/http.ts';
import { signInAs } from '../support/sign-in.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { createJobFor } from './jobs-fixtures.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

const NOTICE =
  'この画面で表示される求人情報は雇用契約書ではありません。雇用時には必ず、書面により労働条件の提示を受けてください。';

/** The value shown next to a label in the 求人票's definition lists. */
function field(page: Page, label: string): string | undefined {
  const row = page.dom
    .querySelectorAll('.job-details .summary-list > div')
    .find((r) => r.querySelector('dt')?.textContent.trim() === label);
  return row?.querySelector('dd')?.textContent.replace(/\s+/g, ' ').trim();
}

/** No button or link offers to apply (応募 belongs to a later change). */
function applyControls(page: Page): string[] {
  return page.dom
    .querySelectorAll('main a, main button')
    .map((el) => el.textContent.trim())
    .filter((text) => text.includes('応募'));
}

async function signedIn(role: 'seeker' | 'staff', deps = ctx.deps) {
  const client = ctx.client();
  const user = role === 'seeker' ? await createSeeker(deps) : await createStaff(deps);
  await signInAs(client, role, user.email, user.password);
  return client;
}

describe('SR-4 job detail', () => {
  it('SR-4 SR-7 shows the contract notice and every group of the 求人票 for the leaflet job', async () => {
    const { employer } = await createEmployer(ctx.deps);
    const { jobNumber } = await createJobFor(ctx.deps, employer.id);
    const office = await findOffice(ctx.db, '13010');

    const page = await ctx.client().get(`/jobs/${jobNumber}`);
    expect(page.status).toBe(200);
    expect(page.h1()).toBe('介護福祉士');
    expect(page.text('main .notice')).toBe(NOTICE);
    expect(jobNumber).toMatch(/^13010-\d{8}$/);

    expect(field(page, '求人番号')).toBe(jobNumber);
    expect(field(page, '受付年月日')).toBe('2026年11月21日');
    expect(field(page, '紹介期限日')).toBe('2027年1月31日');
    expect(field(page, '受理安定所')).toBe(office!.name);
    expect(field(page, '求人区分')).toBe('一般（フルタイム）');
    expect(field(page, '産業分類')).toBe('医療，福祉');
    expect(field(page, '事業所番号')).toBe(employer.establishmentNumber);
    expect(field(page, '事業所名')).toBe(employer.name);
    expect(field(page, '所在地')).toBe('〒100-0001 東京都千代田区千代田1-1');
    expect(field(page, '従業員数')).toBe('企業全体 30人 ／ うち就業場所 10人');
    expect(field(page, '雇用形態')).toBe('正社員');
    expect(field(page, '雇用期間')).toBe('雇用期間の定めなし');
    expect(field(page, '就業場所')).toBe('東京都千代田区 霞が関1-2-2');
    expect(field(page, '最寄り駅')).toBe('霞ケ関駅 徒歩3分');
    expect(field(page, '年齢')).toBe('29歳以下');
    expect(field(page, '年齢制限の理由')).toContain('例外事由3号のイ');
    expect(field(page, '学歴')).toBe('不問');
    expect(field(page, '試用期間')).toBe('あり（3か月、労働条件変更なし）');
    expect(field(page, '基本給（a）')).toBe('185,000円～270,000円');
    expect(field(page, '定額的に支払われる手当（b）')).toBe('処遇改善手当 20,000円');
    expect(field(page, '固定残業代（c）')).toBe('なし');
    expect(field(page, '賃金（手当等を含む）')).toBe('月給 205,000円～290,000円');
    expect(field(page, '通勤手当')).toBe('実費支給（上限あり）月額：30,000円');
    expect(field(page, '賞与')).toBe('あり 年2回（計3.0か月分）');
    expect(field(page, '就業時間')).toBe('09:00～17:00');
    expect(field(page, '時間外労働')).toBe('あり（月平均10時間）');
    expect(field(page, '休憩時間（分）')).toBe('60分');
    expect(field(page, '年間休日数')).toBe('108日');
    expect(field(page, '週休二日制')).toBe('その他');
    expect(field(page, '加入保険等')).toBe('雇用・労災・健康・厚生');
    expect(field(page, '定年（歳）')).toBe('あり（一律65歳）');
    expect(field(page, '採用人数')).toBe('1人');
    expect(field(page, '選考方法')).toBe('書類選考、面接');
    expect(field(page, '選考結果通知（日以内）')).toBe('面接後7日以内');
    expect(field(page, '応募書類等')).toBe('履歴書（写真貼付）、職務経歴書');
    expect(field(page, '応募書類の送付方法')).toBe('求職者マイページからの登録、郵送');
    expect(field(page, '求人に関する特記事項')).toBe('応募前に職場見学ができます。お気軽にご相談ください。');
    expect(page.text('main')).toContain('オンライン自主応募を受け付けています');
    expect(page.text('.job-details .tags')).toContain('マイカー通勤可');
  });

  it('SR-4 AP-7 offers お気に入り保存 and オンライン自主応募 to an anonymous visitor as links to sign in; no referral apply', async () => {
    const { employer } = await createEmployer(ctx.deps);
    const { jobNumber } = await createJobFor(ctx.deps, employer.id);
    const page = await ctx.client().get(`/jobs/${jobNumber}`);
    const link = page.dom.querySelector(`main a[href="/login?next=/jobs/${jobNumber}"]`);
    expect(link?.textContent.trim()).toBe('お気に入り保存');
    expect(page.dom.querySelector('form[action="/mypage/favorites"]')).toBeNull();
    // The leaflet job takes オンライン自主応募 (AP-7); 応募（ハローワーク紹介） belongs to a target's own page.
    expect(applyControls(page)).toEqual(['オンライン自主応募']);
    const apply = page.dom.querySelector('#direct-apply a');
    expect(apply?.getAttribute('href')).toBe(`/login?next=/mypage/jobs/${jobNumber}/apply`);
  });

  it('SR-4 AP-7 gives a signed-in seeker お気に入り保存 as a form posting the 求人番号, and オンライン自主応募 to the apply form', async () => {
    const { employer } = await createEmployer(ctx.deps);
    const { jobNumber } = await createJobFor(ctx.deps, employer.id);
    const client = await signedIn('seeker');
    const page = await client.get(`/jobs/${jobNumber}`);
    expect(page.status).toBe(200);
    const form = page.dom.querySelector('main form[action="/mypage/favorites"]');
    expect(form?.getAttribute('method')).toBe('post');
    expect(form?.querySelector('input[name="jobNumber"]')?.getAttribute('value')).toBe(jobNumber);
    expect(form?.querySelector('input[name="_csrf"]')).not.toBeNull();
    expect(form?.querySelector('button')?.textContent.trim()).toBe('お気に入り保存');
    expect(applyControls(page)).toEqual(['オンライン自主応募']);
    expect(page.dom.querySelector('#direct-apply a')?.getAttribute('href')).toBe(
      `/mypage/jobs/${jobNumber}/apply`,
    );
    expect(page.headers.get('cache-control')).toContain('no-store');
  });

  it('SR-4 SR-5 an unknown or malformed 求人番号 is the 404 page; full-width digits find the job', async () => {
    const { employer } = await createEmployer(ctx.deps);
    const { jobNumber } = await createJobFor(ctx.deps, employer.id);
    const client = ctx.client();
    expect((await client.get('/jobs/13010-99999998')).status).toBe(404);
    const malformed = await client.get('/jobs/1301-0999999');
    expect(malformed.status).toBe(404);
    expect(malformed.h1()).toBe('ページが見つかりません');
    const wide = jobNumber!.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    expect((await client.get(`/jobs/${encodeURIComponent(wide)}`)).status).toBe(200);
  });
});

describe('SR-4 SR-7 公開範囲', () => {
  it('SR-4 公開範囲 2 hides 事業所名・所在地・事業所番号・電話 from seekers and visitors, not from staff or the owner', async () => {
    const { employer, email, password } = await createEmployer(ctx.deps);
    const { jobNumber } = await createJobFor(ctx.deps, employer.id, {
      overrides: { publicationScope: 'anonymous' },
    });
    for (const client of [ctx.client(), await signedIn('seeker')]) {
      const page = await client.get(`/jobs/${jobNumber}`);
      expect(page.status).toBe(200);
      const text = page.text('main');
      expect(text).not.toContain(employer.name);
      expect(text).not.toContain(employer.establishmentNumber);
      expect(text).not.toContain(employer.phone);
      expect(text).not.toContain('千代田1-1');
      expect(text).not.toContain('霞が関1-2-2');
      expect(field(page, '事業所名')).toBe('非公開');
      expect(field(page, '就業場所')).toBe('東京都千代田区');
      expect(field(page, '職種')).toBe('介護福祉士');
    }
    const staff = await (await signedIn('staff')).get(`/jobs/${jobNumber}`);
    expect(field(staff, '事業所名')).toBe(employer.name);
    expect(field(staff, '事業所番号')).toBe(employer.establishmentNumber);

    const owner = ctx.client();
    await signInAs(owner, 'employer', email, password);
    expect(field(await owner.get(`/jobs/${jobNumber}`), '事業所名')).toBe(employer.name);
  });

  it('SR-4 公開範囲 3 is 404 to visitors, seekers and other employers, but shown to staff and the owner', async () => {
    const { employer, email, password } = await createEmployer(ctx.deps);
    const { jobNumber } = await createJobFor(ctx.deps, employer.id, {
      overrides: { publicationScope: 'private' },
    });
    expect((await ctx.client().get(`/jobs/${jobNumber}`)).status).toBe(404);
    expect((await (await signedIn('seeker')).get(`/jobs/${jobNumber}`)).status).toBe(404);
    const other = await createEmployer(ctx.deps);
    const otherClient = ctx.client();
    await signInAs(otherClient, 'employer', other.email, other.password);
    expect((await otherClient.get(`/jobs/${jobNumber}`)).status).toBe(404);

    expect((await (await signedIn('staff')).get(`/jobs/${jobNumber}`)).status).toBe(200);
    const owner = ctx.client();
    await signInAs(owner, 'employer', email, password);
    const page = await owner.get(`/jobs/${jobNumber}`);
    expect(page.status).toBe(200);
    expect(page.dom.querySelector('main a[href^="/employer/jobs/"]')?.textContent).toBe('この求人を管理する');
  });

  it('SR-4 a job not yet accepted has no 求人番号 page: the public cannot reach it, other employers get 404', async () => {
    const { employer, email, password } = await createEmployer(ctx.deps);
    const { id } = await createJobFor(ctx.deps, employer.id, { accept: false });
    const other = await createEmployer(ctx.deps);
    const otherClient = ctx.client();
    await signInAs(otherClient, 'employer', other.email, other.password);
    expect((await otherClient.get(`/employer/jobs/${id}`)).status).toBe(404);
    const owner = ctx.client();
    await signInAs(owner, 'employer', email, password);
    const page = await owner.get(`/employer/jobs/${id}`);
    expect(page.status).toBe(200);
    expect(page.h1()).toBe('介護福祉士');
    expect(field(page, '求人番号')).toBe('未受理');
  });

  it('SR-4 a job past its 紹介期限日 says 「この求人は現在無効です」 and offers no お気に入り保存', async () => {
    const { employer } = await createEmployer(ctx.deps);
    const { jobNumber } = await createJobFor(ctx.deps, employer.id, { referralDeadline: '2026-11-22' });
    const client = await signedIn('seeker');
    const before = await client.get(`/jobs/${jobNumber}`);
    expect(before.text('main')).not.toContain('この求人は現在無効です');
    ctx.clock.advanceDays(2);
    try {
      const page = await client.get(`/jobs/${jobNumber}`);
      expect(page.status).toBe(200);
      expect(page.text('main')).toContain('この求人は現在無効です');
      expect(page.text('main .status')).toBe('無効');
      expect(page.dom.querySelector('form[action="/mypage/favorites"]')).toBeNull();
    } finally {
      ctx.clock.advanceDays(-2);
    }
  });

  it('SR-4 the detail page reads in English with the same groups', async () => {
    const { employer } = await createEmployer(ctx.deps);
    const { jobNumber } = await createJobFor(ctx.deps, employer.id);
    const client = ctx.client();
    await client.get('/locale?lang=en&next=/');
    const page = await client.get(`/jobs/${jobNumber}`);
    expect(page.status).toBe(200);
    expect(page.text('main')).toContain('is not an employment contract');
    expect(page.text('main')).toContain('Pay (including allowances)');
  });
});
