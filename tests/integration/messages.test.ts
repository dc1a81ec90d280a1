/**
 * メッセージ (SPEC MS-4, G-2): the seeker's inbox, newest first and paged, marked 「ハローワークから」,
 * read state and the unread count in the navigation; only the seeker's own messages open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertInboxMessage } from '../../src/modules/notifications/notifications.repository.ts';
import { createEmployer, createJob, createSeeker } from '../support/factories.ts';
import type { TestClient } from '../support/http.ts';
import { signInAs } from '../support/sign-in.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

let ipCounter = 10;
const nextIp = () => `198.51.101.${ipCounter++}`;

async function seekerWithClient(o: Parameters<typeof createSeeker>[1] = {}) {
  const seeker = await createSeeker(ctx.deps, o);
  const client: TestClient = ctx.client(nextIp());
  await signInAs(client, 'seeker', seeker.email, seeker.password);
  return { seeker, client };
}

/** A message at a given minute after 2026-11-01 09:00 JST. */
async function message(accountId: string, minute: number, validUntil = '2027-02-28') {
  return insertInboxMessage(ctx.db, {
    recipientAccountId: accountId,
    kind: 'seeker.registration_expiring',
    data: { name: `試験 ${minute}`, validUntil },
    now: new Date(Date.UTC(2026, 10, 1, 0, minute)),
  });
}

const rows = (p: { dom: { querySelectorAll: (s: string) => { textContent: string }[] } }) =>
  p.dom.querySelectorAll('#messages tbody tr').map((tr) => tr.textContent.replace(/\s+/g, ' ').trim());

describe('MS-4 the seeker inbox', () => {
  it('MS-4 an empty inbox says so and the navigation shows no count', async () => {
    const { client } = await seekerWithClient();
    const p = await client.get('/mypage/messages');
    expect(p.status).toBe(200);
    expect(p.h1()).toBe('メッセージ');
    expect(p.text('#messages-none')).toBe('メッセージはありません。');
    expect(p.text('#nav-unread')).toBe('');
  });

  it('MS-4 messages are listed newest first, each 「ハローワークから」 and 未読, with the unread count in the navigation', async () => {
    const { seeker, client } = await seekerWithClient();
    await message(seeker.account.id, 1);
    await message(seeker.account.id, 3);
    await message(seeker.account.id, 2);
    const p = await client.get('/mypage/messages');
    const links = p.dom.querySelectorAll('#messages tbody a');
    expect(links.map((a) => a.textContent.trim())).toEqual([
      '求職登録の有効期限のお知らせ',
      '求職登録の有効期限のお知らせ',
      '求職登録の有効期限のお知らせ',
    ]);
    const r = rows(p);
    expect(r).toHaveLength(3);
    expect(r[0]).toContain('09:03');
    expect(r[1]).toContain('09:02');
    expect(r[2]).toContain('09:01');
    for (const row of r) {
      expect(row).toContain('ハローワークから');
      expect(row).toContain('未読');
    }
    expect(p.text('#messages-summary')).toBe('全3件（未読3件）');
    expect(p.text('#nav-unread')).toBe('（3）未読3件');
    const nav = p.dom.querySelector('.site-nav a[href="/mypage/messages"]')!;
    expect(nav.textContent.replace(/\s+/g, ' ')).toContain('メッセージ（3）');
    // The count is in the navigation of every seeker page.
    const home = await client.get('/mypage');
    expect(home.text('#nav-unread')).toBe('（3）未読3件');
  });

  it('MS-4 opening a message shows it, marks it read and the unread count falls', async () => {
    const { seeker, client } = await seekerWithClient();
    await message(seeker.account.id, 1);
    const id = await message(seeker.account.id, 2, '2027-03-31');
    const opened = await client.get(`/mypage/messages/${id}`);
    expect(opened.status).toBe(200);
    expect(opened.h1()).toBe('求職登録の有効期限のお知らせ');
    expect(opened.text('#message')).toContain('ハローワークから');
    expect(opened.text('#message')).toContain('試験 2 さんの求職登録の有効期限は2027年3月31日です。');
    expect(opened.text('#nav-unread')).toBe('（1）未読1件');
    const list = await client.get('/mypage/messages');
    const r = rows(list);
    expect(r[0]).toContain('既読');
    expect(r[1]).toContain('未読');
    expect(list.text('#messages-summary')).toBe('全2件（未読1件）');
    // Opening again keeps it read.
    await client.get(`/mypage/messages/${id}`);
    expect((await client.get('/mypage/messages')).text('#nav-unread')).toBe('（1）未読1件');
  });

  it('MS-4 English: the same messages in the reader’s language', async () => {
    const { seeker, client } = await seekerWithClient();
    const id = await message(seeker.account.id, 1);
    await client.get('/locale?lang=en&next=/mypage/messages');
    const p = await client.get('/mypage/messages');
    expect(p.h1()).toBe('Messages');
    expect(rows(p)[0]).toContain('From Hello Work');
    expect(p.text('#nav-unread')).toBe('(1)1 unread');
    const opened = await client.get(`/mypage/messages/${id}`);
    expect(opened.text('#message')).toContain('valid until 28 Feb 2027');
  });

  it('MS-4 paging: 20 a page, whole page numbers, links valid, out-of-range pages clamp', async () => {
    const { seeker, client } = await seekerWithClient();
    for (let i = 1; i <= 45; i++) await message(seeker.account.id, i);
    const first = await client.get('/mypage/messages');
    expect(rows(first)).toHaveLength(20);
    expect(rows(first)[0]).toContain('09:45');
    const pageLinks = first.dom.querySelectorAll('#messages-pages a').map((a) => a.getAttribute('href'));
    expect(pageLinks).toEqual([
      '/mypage/messages?page=2',
      '/mypage/messages?page=3',
      '/mypage/messages?page=2',
    ]);
    const third = await client.get('/mypage/messages?page=3');
    expect(rows(third)).toHaveLength(5);
    expect(rows(third)[4]).toContain('09:01');
    for (const href of third.dom.querySelectorAll('#messages-pages a').map((a) => a.getAttribute('href')!)) {
      expect((await client.get(href)).status).toBe(200);
    }
    expect(rows(await client.get('/mypage/messages?page=99'))).toEqual(rows(third));
    expect(rows(await client.get('/mypage/messages?page=1.5'))).toEqual(rows(first));
    expect(rows(await client.get('/mypage/messages?page=-2'))).toEqual(rows(first));
  });

  it('MS-4 a referral batch message lists its jobs with links to the job and 応募期限日', async () => {
    const { seeker, client } = await seekerWithClient();
    const employer = await createEmployer(ctx.deps);
    const job = await createJob(ctx.deps, { officeCode: '13010' }, employer.employer);
    const id = await insertInboxMessage(ctx.db, {
      recipientAccountId: seeker.account.id,
      kind: 'referral.sent',
      data: {
        name: seeker.seeker.name,
        jobs: [{ jobNumber: job.jobNumber, title: job.posting.title, applyBy: '2026-11-28' }],
      },
      now: ctx.clock.now(),
    });
    const list = await client.get('/mypage/messages');
    expect(rows(list)[0]).toContain('オンラインハローワーク紹介対象求人のお知らせ');
    expect(list.text('.message-summary')).toBe(`求人1件：${job.posting.title}`);
    const p = await client.get(`/mypage/messages/${id}`);
    const link = p.dom.querySelector('#message-jobs a')!;
    expect(link.getAttribute('href')).toBe(`/jobs/${job.jobNumber}`);
    expect(link.textContent.trim()).toBe(job.posting.title);
    expect(p.text('#message-jobs')).toContain('応募期限日：2026年11月28日');
    expect(p.text('#message-jobs')).toContain(`求人番号 ${job.jobNumber}`);
  });
});

describe('G-2 MS-4 only one’s own messages', () => {
  it('G-2 MS-4 another seeker’s message id is 404 and stays unread; a malformed id is 404', async () => {
    const a = await seekerWithClient();
    const b = await seekerWithClient();
    const id = await message(b.seeker.account.id, 1);
    const p = await a.client.get(`/mypage/messages/${id}`);
    expect(p.status).toBe(404);
    expect((await a.client.get('/mypage/messages/not-a-uuid')).status).toBe(404);
    expect((await b.client.get('/mypage/messages')).text('#nav-unread')).toBe('（1）未読1件');
    expect(rows(await a.client.get('/mypage/messages'))).toEqual([]);
  });

  it('G-2 MS-4 the inbox needs a signed-in seeker', async () => {
    const anonymous = ctx.client(nextIp());
    const p = await anonymous.get('/mypage/messages');
    expect(p.status).toBe(303);
  });
});
