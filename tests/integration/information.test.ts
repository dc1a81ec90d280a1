/**
 * 情報提供 (SPEC IP-1, MP-7, G-2, G-3, MS-4; ADR 0017): staff of the home office send jobs as information
 * to a fully registered seeker; one notice per batch in メッセージ and by mail; ホーム shows the jobs.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, inboxMessages } from '../../src/db/schema/index.ts';
import {
  createEmployer,
  createJob,
  createSeeker,
  createStaff,
  type SeekerOptions,
} from '../support/factories.ts';
import type { Page, TestClient } from '../support/http.ts';
import { signInAs } from '../support/sign-in.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

let ipCounter = 10;
const nextIp = () => `198.51.102.${ipCounter++}`;

async function signedIn(role: 'staff' | 'seeker', email: string, password: string): Promise<TestClient> {
  const client = ctx.client(nextIp());
  await signInAs(client, role, email, password);
  return client;
}

async function setup(o: { seeker?: SeekerOptions } = {}) {
  const staff = await createStaff(ctx.deps);
  const seeker = await createSeeker(ctx.deps, o.seeker);
  const employer = await createEmployer(ctx.deps);
  const job = await createJob(ctx.deps, { officeCode: '13010' }, employer.employer);
  const second = await createJob(ctx.deps, { officeCode: '13010' }, employer.employer);
  const client = await signedIn('staff', staff.email, staff.password);
  return { staff, seeker, employer, job, second, client };
}

const keyOf = (p: Page) =>
  p.dom.querySelector('#information-form input[name="key"]')?.getAttribute('value') ?? undefined;

/** Opens the seeker page and sends its 情報提供 form. */
async function send(client: TestClient, seekerId: string, jobNumbers: string[], key?: string) {
  const detail = await client.get(`/staff/seekers/${seekerId}`);
  const result = await client.post(`/staff/seekers/${seekerId}/information`, {
    jobNumbers: jobNumbers.join('\n'),
    key: key ?? keyOf(detail) ?? '',
  });
  return { detail, result };
}

const inboxOf = (accountId: string) =>
  ctx.db.select().from(inboxMessages).where(eq(inboxMessages.recipientAccountId, accountId));

describe('IP-1 情報提供', () => {
  it('IP-1 G-3 MS-4 staff send two jobs: one message 「ハローワークから」 listing both, one mail, the jobs on ホーム', async () => {
    const { seeker, job, second, client } = await setup();
    ctx.mailbox.clear();
    const { result } = await send(client, seeker.seeker.id, [job.jobNumber, second.jobNumber]);
    expect(result.status).toBe(200);
    expect(result.text('#information-result')).toContain('2件の求人情報を送信しました');
    const inbox = await inboxOf(seeker.account.id);
    expect(inbox.map((m) => [m.kind, m.senderKind])).toEqual([['information.jobs', 'hello_work']]);
    await ctx.drain();
    const mails = ctx.mailbox.to(seeker.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('【ハローワーク】ハローワークからの求人情報のお知らせ');
    expect(mails[0]!.text).toContain(`求人番号 ${job.jobNumber}`);
    expect(mails[0]!.text).toContain(`求人番号 ${second.jobNumber}`);

    const staffPage = await client.get(`/staff/seekers/${seeker.seeker.id}`);
    expect(staffPage.text('#information-sent')).toContain(job.jobNumber);

    const seekerClient = await signedIn('seeker', seeker.email, seeker.password);
    const list = await seekerClient.get('/mypage/messages');
    expect(list.text('#messages tbody')).toContain('ハローワークからの求人情報');
    expect(list.text('#messages tbody')).toContain('ハローワークから');
    const opened = await seekerClient.get(`/mypage/messages/${inbox[0]!.id}`);
    const links = opened.dom.querySelectorAll('#message-jobs a').map((a) => a.getAttribute('href'));
    expect(links).toEqual([`/jobs/${job.jobNumber}`, `/jobs/${second.jobNumber}`]);
    const home = await seekerClient.get('/mypage');
    expect(home.text('#home-information-jobs')).toContain('ハローワークからの求人情報');
    expect(home.text('#home-information-jobs')).toContain(job.posting.title);
    const details = home.dom.querySelectorAll('#home-information-jobs a').map((a) => a.getAttribute('href'));
    expect(details).toContain(`/jobs/${second.jobNumber}`);
  });

  it('IP-1 G-3 the mail and the message are in English for an English seeker', async () => {
    const { seeker, job, client } = await setup();
    await ctx.db.update(accounts).set({ locale: 'en' }).where(eq(accounts.id, seeker.account.id));
    await send(client, seeker.seeker.id, [job.jobNumber]);
    await ctx.drain();
    const mail = ctx.mailbox.last(seeker.email)!;
    expect(mail.subject).toBe('[Hello Work] Job information from Hello Work');
    expect(mail.text).toContain(`Job number ${job.jobNumber}`);
    expect(mail.text).toContain('Dear ');
  });

  it('IP-1 MP-7 an internet-only seeker is refused with the reason; no form, no message, no mail', async () => {
    const { seeker, job, client } = await setup({ seeker: { kind: 'internet' } });
    const detail = await client.get(`/staff/seekers/${seeker.seeker.id}`);
    expect(detail.dom.querySelector('#information-form')).toBeNull();
    expect(detail.text('#information-refused')).toContain(
      'インターネットでの登録のみの求職者には送信できません（ハローワークでの求職登録が必要です）。',
    );
    // Posted anyway (e.g. an old form): refused by the server with the reason.
    const result = await client.post(`/staff/seekers/${seeker.seeker.id}/information`, {
      jobNumbers: job.jobNumber,
      key: crypto.randomUUID(),
    });
    expect(result.status).toBe(409);
    expect(result.text('#information-refused')).toContain(
      'インターネットでの登録のみの求職者には送信できません',
    );
    expect(await inboxOf(seeker.account.id)).toEqual([]);
    await ctx.drain();
    expect(ctx.mailbox.to(seeker.email)).toHaveLength(0);
  });

  it('IP-1 a lapsed or 無効 registration is refused', async () => {
    const lapsed = await setup({ seeker: { validUntil: '2026-01-31' } });
    await lapsed.client.get(`/staff/seekers/${lapsed.seeker.seeker.id}`);
    const r1 = await lapsed.client.post(`/staff/seekers/${lapsed.seeker.seeker.id}/information`, {
      jobNumbers: lapsed.job.jobNumber,
      key: crypto.randomUUID(),
    });
    expect(r1.status).toBe(409);
    expect(r1.text('#information-refused')).toContain('求職登録の有効期限が過ぎているため送信できません。');
    const inactive = await setup({ seeker: { active: false } });
    await inactive.client.get(`/staff/seekers/${inactive.seeker.seeker.id}`);
    const r2 = await inactive.client.post(`/staff/seekers/${inactive.seeker.seeker.id}/information`, {
      jobNumbers: inactive.job.jobNumber,
      key: crypto.randomUUID(),
    });
    expect(r2.status).toBe(409);
    expect(r2.text('#information-refused')).toContain('求職登録が無効になっているため送信できません。');
    expect(await inboxOf(lapsed.seeker.account.id)).toEqual([]);
    expect(await inboxOf(inactive.seeker.account.id)).toEqual([]);
  });

  it('IP-1 an unknown 求人番号 is listed with its reason, the others are sent', async () => {
    const { seeker, job, client } = await setup();
    const { result } = await send(client, seeker.seeker.id, [job.jobNumber, '13010-77777777']);
    expect(result.text('#information-result')).toContain('1件の求人情報を送信しました');
    expect(result.text('#information-refused-jobs')).toContain('この求人番号の求人はありません。');
  });

  it('IP-1 a double click (same form key) sends once', async () => {
    const { seeker, job, client } = await setup();
    ctx.mailbox.clear();
    const detail = await client.get(`/staff/seekers/${seeker.seeker.id}`);
    const key = keyOf(detail)!;
    const [a, b] = await Promise.all([
      client.post(`/staff/seekers/${seeker.seeker.id}/information`, { jobNumbers: job.jobNumber, key }),
      client.post(`/staff/seekers/${seeker.seeker.id}/information`, { jobNumbers: job.jobNumber, key }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.text('#information-result'), b.text('#information-result')].join(' ')).toContain(
      '既に送信済み',
    );
    expect(await inboxOf(seeker.account.id)).toHaveLength(1);
    await ctx.drain();
    expect(ctx.mailbox.to(seeker.email)).toHaveLength(1);
  });

  it('IP-1 G-2 only staff of the home office may send; CSRF is checked', async () => {
    const { seeker, job, client } = await setup();
    const other = await createStaff(ctx.deps, { officeCode: '13020' });
    const otherClient = await signedIn('staff', other.email, other.password);
    const detail = await otherClient.get(`/staff/seekers/${seeker.seeker.id}`);
    expect(detail.dom.querySelector('#information-form')).toBeNull();
    const post = await otherClient.post(`/staff/seekers/${seeker.seeker.id}/information`, {
      jobNumbers: job.jobNumber,
      key: crypto.randomUUID(),
    });
    expect(post.status).toBe(403);
    await client.get(`/staff/seekers/${seeker.seeker.id}`);
    const noToken = await client.post(
      `/staff/seekers/${seeker.seeker.id}/information`,
      { jobNumbers: job.jobNumber, key: crypto.randomUUID() },
      { csrf: false },
    );
    expect(noToken.status).toBe(403);
    const seekerClient = await signedIn('seeker', seeker.email, seeker.password);
    await seekerClient.get('/mypage');
    const asSeeker = await seekerClient.post(`/staff/seekers/${seeker.seeker.id}/information`, {
      jobNumbers: job.jobNumber,
      key: crypto.randomUUID(),
    });
    expect([303, 403]).toContain(asSeeker.status);
    expect(await inboxOf(seeker.account.id)).toEqual([]);
  });
});
