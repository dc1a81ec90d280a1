/**
 * 新着求人 alerts for saved conditions (ADR 0025, AL-1..AL-7): set on the saved-conditions page,
 * found through the search module, mailed once per day through the in-process SMTP server, and
 * stopped by the mail's signed link without signing in.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { savedSearches } from '../../src/db/schema/index.ts';
import { search as jaSearch } from '../../src/i18n/ja/search.ts';
import { alertSlot } from '../../src/modules/search/alerts.rules.ts';
import { alertSlotJob, sendAllAlerts } from '../../src/modules/search/new-job-alerts.job.ts';
import { saveSearch } from '../../src/modules/search/save-search.ts';
import { listSavedSearches } from '../../src/modules/search/seeker-lists.repository.ts';
import { createJob, createSeeker } from '../support/factories.ts';
import { signInAs } from '../support/sign-in.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  // 2026-11-21 10:00 in Tokyo.
  ctx = await createTestContext({ now: '2026-11-21T01:00:00Z' });
});
afterAll(() => ctx?.close());

const DEADLINE = '2027-01-31';
const job = (title: string, acceptedOn: string, extra: Record<string, unknown> = {}) =>
  createJob(ctx.deps, { title, acceptedOn, referralDeadline: DEADLINE, ...extra });

/** A seeker with one saved search `kw=<word>`, signed in; the alert set through the page. */
async function seekerWithAlert(word: string, frequency: 'daily' | 'weekly', o: { active?: boolean } = {}) {
  const s = await createSeeker(ctx.deps, { name: '通知 花子', ...o });
  await saveSearch(ctx.deps, {
    seekerId: s.seeker.id,
    query: `kw=${word}`,
    defaultName: jaSearch.saved.defaultName,
  });
  const [saved] = await listSavedSearches(ctx.db, s.seeker.id);
  const client = ctx.client();
  await signInAs(client, 'seeker', s.email, s.password);
  const page = await client.get('/mypage/searches');
  expect(page.status).toBe(200);
  const res = await client.post(`/mypage/searches/${saved!.id}/alert`, { frequency });
  expect(res.status).toBe(303);
  return { ...s, savedId: saved!.id, client };
}

const runAlerts = async () => {
  await sendAllAlerts(ctx.deps, { pauseMs: 0 });
  await ctx.drain();
};
const stopLinkIn = (text: string) => /http:\/\/localhost(\/alerts\/stop\/\S+)/.exec(text)?.[1] ?? '';

describe('AL new-job alerts', () => {
  it('AL-1 AL-2 AL-3 the mail holds exactly the matching jobs accepted since the last alert, once a day', async () => {
    const s = await seekerWithAlert('ヒバリ検証', 'daily');
    const row = (await ctx.db.select().from(savedSearches).where(eq(savedSearches.id, s.savedId)))[0]!;
    expect(row.alertFrequency).toBe('daily');
    // Switched on at 10:00 on 11-21 in Tokyo: jobs from the start of that day on.
    expect(row.alertCutoff?.toISOString()).toBe('2026-11-20T15:00:00.000Z');
    expect(row.alertSlot).toBe(alertSlot(s.seeker.id));

    const before = await job('ヒバリ検証の事務（前日）', '2026-11-20');
    const fresh = await job('ヒバリ検証の事務', '2026-11-21');
    const hidden = await job('ヒバリ検証の倉庫', '2026-11-21', { publicationScope: 'anonymous' });
    const other = await job('まったく別の求人', '2026-11-21');
    // Same day, still 10:00: nothing is due yet.
    await runAlerts();
    expect(ctx.mailbox.to(s.email)).toHaveLength(0);

    // 2026-11-22 07:00 in Tokyo (22:00 UTC the day before): the 11-21 jobs are due.
    ctx.clock.set('2026-11-21T22:00:00Z');
    const tomorrow = await job('ヒバリ検証の配送', '2026-11-22');
    await runAlerts();
    const mails = ctx.mailbox.to(s.email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe('【ハローワーク】新着求人のお知らせ（検索条件1）');
    expect(mail.text).toContain('通知 花子 様');
    expect(mail.text).toContain('新着求人が2件');
    expect(mail.text).toContain(fresh.jobNumber);
    expect(mail.text).toContain(hidden.jobNumber);
    for (const j of [before, other, tomorrow]) expect(mail.text).not.toContain(j.jobNumber);
    // The card's key fields: employer only where 公開範囲 shows it, place and wage.
    expect(mail.text).toContain(`事業所名：${fresh.employer.name}`);
    expect(mail.text).toContain('事業所名：（非公開）');
    expect(mail.text).toContain('就業場所：東京都千代田区');
    expect(mail.text).toMatch(/賃金：(月給|日給|時給) /);
    expect(mail.text).toContain('http://localhost/jobs?kw=');
    expect(mail.text).toContain('new=2');

    // The job runs again the same day (and the slot job once more through the queue): no second mail.
    await runAlerts();
    await ctx.deps.queue.enqueue(alertSlotJob, { day: '2026-11-22', slot: alertSlot(s.seeker.id) });
    await ctx.drain();
    expect(ctx.mailbox.to(s.email)).toHaveLength(1);

    // The next day: the job accepted on 11-22 only.
    ctx.clock.set('2026-11-22T22:00:00Z');
    await runAlerts();
    const second = ctx.mailbox.last(s.email)!;
    expect(ctx.mailbox.to(s.email)).toHaveLength(2);
    expect(second.text).toContain(tomorrow.jobNumber);
    for (const j of [before, fresh, hidden, other]) expect(second.text).not.toContain(j.jobNumber);

    // A day without new jobs sends nothing.
    ctx.clock.set('2026-11-23T22:00:00Z');
    await runAlerts();
    expect(ctx.mailbox.to(s.email)).toHaveLength(2);
  });

  it('AL-2 weekly: on the 7th day since switching on, with the whole week’s jobs', async () => {
    ctx.clock.set('2026-12-01T01:00:00Z'); // 12-01 10:00 in Tokyo
    const s = await seekerWithAlert('ツグミ検証', 'weekly');
    const a = await job('ツグミ検証の受付', '2026-12-01');
    const b = await job('ツグミ検証の清掃', '2026-12-04');
    ctx.clock.set('2026-12-06T22:00:00Z'); // 12-07: the 6th day
    await runAlerts();
    expect(ctx.mailbox.to(s.email)).toHaveLength(0);
    ctx.clock.set('2026-12-07T22:00:00Z'); // 12-08: the 7th day
    await runAlerts();
    const mail = ctx.mailbox.last(s.email)!;
    expect(ctx.mailbox.to(s.email)).toHaveLength(1);
    expect(mail.text).toContain(a.jobNumber);
    expect(mail.text).toContain(b.jobNumber);
    expect(mail.text).toContain('毎週のお知らせ');
  });

  it('AL-6 the signed link turns the alert off without signing in; a GET changes nothing; tampered links are refused', async () => {
    ctx.clock.set('2026-12-10T01:00:00Z');
    const s = await seekerWithAlert('カワセミ検証', 'daily');
    await job('カワセミ検証の調理', '2026-12-10');
    ctx.clock.set('2026-12-10T22:00:00Z');
    await runAlerts();
    const path = stopLinkIn(ctx.mailbox.last(s.email)?.text ?? '');
    expect(path).toMatch(/^\/alerts\/stop\//);

    const anonymous = ctx.client('198.51.100.7');
    const confirm = await anonymous.get(path);
    expect(confirm.status).toBe(200);
    expect(confirm.h1()).toBe('新着求人のお知らせの停止');
    expect(confirm.text()).toContain('検索条件1');
    const stillOn = await ctx.db.select().from(savedSearches).where(eq(savedSearches.id, s.savedId));
    expect(stillOn[0]!.alertFrequency).toBe('daily');

    // Tampered: the id of another saved search with this one's signature, or a changed signature.
    const other = await seekerWithAlert('カワセミ別件', 'daily');
    const token = decodeURIComponent(path.slice('/alerts/stop/'.length));
    const [, mac] = token.split('.');
    for (const bad of [`${other.savedId}.${mac}`, `${s.savedId}.${mac}x`, 'nonsense']) {
      const refused = await anonymous.get(`/alerts/stop/${encodeURIComponent(bad)}`);
      expect(refused.status).toBe(404);
      expect(refused.h1()).toBe('このリンクは使えません');
      const posted = await anonymous.post(
        `/alerts/stop/${encodeURIComponent(bad)}`,
        {},
        { csrf: confirm.csrf() },
      );
      expect(posted.status).toBe(404);
    }
    const otherRow = await ctx.db.select().from(savedSearches).where(eq(savedSearches.id, other.savedId));
    expect(otherRow[0]!.alertFrequency).toBe('daily');

    // Without the CSRF token the POST is refused too.
    const noCsrf = await anonymous.post(path, {}, { csrf: false });
    expect(noCsrf.status).toBe(403);

    await anonymous.get(path);
    const done = await anonymous.post(path, {});
    expect(done.status).toBe(200);
    expect(done.text()).toContain('新着求人のお知らせメールを停止しました');
    const off = await ctx.db.select().from(savedSearches).where(eq(savedSearches.id, s.savedId));
    expect(off[0]!.alertFrequency).toBe('off');
    expect(off[0]!.alertCutoff).toBeNull();

    // No more mail.
    await job('カワセミ検証の販売', '2026-12-11');
    ctx.clock.set('2026-12-11T22:00:00Z');
    await runAlerts();
    expect(ctx.mailbox.to(s.email)).toHaveLength(1);
    // The link again: already stopped.
    expect((await anonymous.get(path)).text()).toContain('すでに停止されています');
  });

  it('AL-7 no alerts for a 無効 or lapsed registration, and the page says so', async () => {
    ctx.clock.set('2026-12-15T01:00:00Z');
    const inactive = await seekerWithAlert('ウグイス検証', 'daily');
    const lapsed = await seekerWithAlert('ウグイス検証', 'daily');
    const { seekers } = await import('../../src/db/schema/index.ts');
    await ctx.db.update(seekers).set({ active: false }).where(eq(seekers.id, inactive.seeker.id));
    await ctx.db.update(seekers).set({ validUntil: '2026-12-15' }).where(eq(seekers.id, lapsed.seeker.id));
    await job('ウグイス検証の保育', '2026-12-15');
    ctx.clock.set('2026-12-15T22:00:00Z'); // 12-16: the lapsed one ended on 12-15
    await runAlerts();
    expect(ctx.mailbox.to(inactive.email)).toHaveLength(0);
    expect(ctx.mailbox.to(lapsed.email)).toHaveLength(0);
    const client = ctx.client();
    await signInAs(client, 'seeker', inactive.email, inactive.password);
    const page = await client.get('/mypage/searches');
    expect(page.status).toBe(200);
    expect(page.text()).toContain('新着求人のお知らせメールは送られません');
  });

  it('AL-1 only the seeker’s own saved search can be set, and only to off, daily or weekly', async () => {
    ctx.clock.set('2026-12-20T01:00:00Z');
    const owner = await seekerWithAlert('モズ検証', 'daily');
    const intruder = await seekerWithAlert('モズ別件', 'daily');
    await intruder.client.get('/mypage/searches');
    const res = await intruder.client.post(`/mypage/searches/${owner.savedId}/alert`, { frequency: 'off' });
    expect(res.status).toBe(404);
    const bad = await owner.client.post(`/mypage/searches/${owner.savedId}/alert`, { frequency: 'hourly' });
    expect(bad.status).toBe(400);
    const row = await ctx.db.select().from(savedSearches).where(eq(savedSearches.id, owner.savedId));
    expect(row[0]!.alertFrequency).toBe('daily');
    const page = await owner.client.get('/mypage/searches');
    expect(page.text()).toContain('現在の設定：毎日');
  });
});
