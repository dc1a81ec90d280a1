/**
 * お知らせ (SPEC IP-2, G-2, G-3, MS-4; ADR 0017): staff send a notice to one seeker or to every fully
 * registered seeker of their office (with a confirmation step showing how many); one notice per
 * person, mailed; a double send sends once; another office's seekers get nothing.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, inboxMessages } from '../../src/db/schema/index.ts';
import { sendOfficeNotice } from '../../src/modules/information/send-notice.ts';
import { createSeeker, createStaff, type SeekerOptions } from '../support/factories.ts';
import type { Page, TestClient } from '../support/http.ts';
import { signInAs } from '../support/sign-in.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

let ipCounter = 10;
const nextIp = () => `198.51.103.${ipCounter++}`;

async function signedIn(role: 'staff' | 'seeker', email: string, password: string): Promise<TestClient> {
  const client = ctx.client(nextIp());
  await signInAs(client, role, email, password);
  return client;
}

const inboxOf = (accountId: string) =>
  ctx.db.select().from(inboxMessages).where(eq(inboxMessages.recipientAccountId, accountId));

const keyOf = (p: Page) => p.dom.querySelector('#notice-form input[name="key"]')?.getAttribute('value') ?? '';

const seekerIn = (officeCode: string, o: SeekerOptions = {}) =>
  createSeeker(ctx.deps, {
    ...o,
    ...(o.kind === 'internet'
      ? {}
      : { extra: { officeCode, seekerNumber: `${officeCode}-${crypto.randomUUID().slice(0, 8)}` } }),
  });

describe('IP-2 a notice to one seeker', () => {
  it('IP-2 G-3 MS-4 staff send a notice from the seeker page: it is in メッセージ with its title, 「ハローワークから」, and mailed', async () => {
    const staff = await createStaff(ctx.deps);
    const seeker = await createSeeker(ctx.deps);
    const client = await signedIn('staff', staff.email, staff.password);
    const detail = await client.get(`/staff/seekers/${seeker.seeker.id}`);
    ctx.mailbox.clear();
    const result = await client.post(`/staff/seekers/${seeker.seeker.id}/notices`, {
      title: '年末年始の開庁日',
      body: '12月29日から1月3日は閉庁します。\n1月4日から開庁します。',
      key: keyOf(detail),
    });
    expect(result.status).toBe(200);
    expect(result.text('#notice-result')).toContain('お知らせを送信しました。');
    await ctx.drain();
    const mail = ctx.mailbox.last(seeker.email)!;
    expect(mail.subject).toBe('【ハローワーク】年末年始の開庁日');
    expect(mail.text).toContain('12月29日から1月3日は閉庁します。');
    const seekerClient = await signedIn('seeker', seeker.email, seeker.password);
    const list = await seekerClient.get('/mypage/messages');
    expect(list.text('#messages tbody')).toContain('年末年始の開庁日');
    expect(list.text('#messages tbody')).toContain('ハローワークから');
    const [msg] = await inboxOf(seeker.account.id);
    const opened = await seekerClient.get(`/mypage/messages/${msg!.id}`);
    expect(opened.h1()).toBe('年末年始の開庁日');
    expect(opened.text('#message-notice')).toContain('1月4日から開庁します。');
  });

  it('IP-2 G-3 English seeker: the mail frame is English, the staff text as written', async () => {
    const staff = await createStaff(ctx.deps);
    const seeker = await createSeeker(ctx.deps);
    await ctx.db.update(accounts).set({ locale: 'en' }).where(eq(accounts.id, seeker.account.id));
    const client = await signedIn('staff', staff.email, staff.password);
    const detail = await client.get(`/staff/seekers/${seeker.seeker.id}`);
    await client.post(`/staff/seekers/${seeker.seeker.id}/notices`, {
      title: 'Office hours',
      body: 'Closed on 29 December.',
      key: keyOf(detail),
    });
    await ctx.drain();
    const mail = ctx.mailbox.last(seeker.email)!;
    expect(mail.subject).toBe('[Hello Work] Office hours');
    expect(mail.text).toContain('Hello Work has a notice for you.');
  });

  it('IP-2 the title is at most 100 characters counted as graphemes, the body at most 2,000', async () => {
    const staff = await createStaff(ctx.deps);
    const seeker = await createSeeker(ctx.deps);
    const client = await signedIn('staff', staff.email, staff.password);
    let detail = await client.get(`/staff/seekers/${seeker.seeker.id}`);
    const family = '👨‍👩‍👧';
    const ok = await client.post(`/staff/seekers/${seeker.seeker.id}/notices`, {
      title: family.repeat(100),
      body: 'あ'.repeat(2000),
      key: keyOf(detail),
    });
    expect(ok.status).toBe(200);
    detail = await client.get(`/staff/seekers/${seeker.seeker.id}`);
    const tooLong = await client.post(`/staff/seekers/${seeker.seeker.id}/notices`, {
      title: family.repeat(101),
      body: 'あ'.repeat(2001),
      key: keyOf(detail),
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.summary()).toEqual([
      '件名は100文字以内で入力してください',
      '本文は2000文字以内で入力してください',
    ]);
    expect(await inboxOf(seeker.account.id)).toHaveLength(1);
  });

  it('IP-2 a double click sends once; an internet-only seeker is refused; CSRF and the home office are checked', async () => {
    const staff = await createStaff(ctx.deps);
    const seeker = await createSeeker(ctx.deps);
    const client = await signedIn('staff', staff.email, staff.password);
    const detail = await client.get(`/staff/seekers/${seeker.seeker.id}`);
    const fields = { title: '件名', body: '本文', key: keyOf(detail) };
    const [a, b] = await Promise.all([
      client.post(`/staff/seekers/${seeker.seeker.id}/notices`, fields),
      client.post(`/staff/seekers/${seeker.seeker.id}/notices`, fields),
    ]);
    expect([a.text('#notice-result'), b.text('#notice-result')].join(' ')).toContain('既に送信済み');
    expect(await inboxOf(seeker.account.id)).toHaveLength(1);

    const internet = await createSeeker(ctx.deps, { kind: 'internet' });
    const page = await client.get(`/staff/seekers/${internet.seeker.id}`);
    expect(page.dom.querySelector('#notice-form')).toBeNull();
    expect(page.text('#notice-refused')).toContain('インターネットでの登録のみの求職者には送信できません');

    const noToken = await client.post(
      `/staff/seekers/${seeker.seeker.id}/notices`,
      { ...fields, key: crypto.randomUUID() },
      { csrf: false },
    );
    expect(noToken.status).toBe(403);
    const other = await createStaff(ctx.deps, { officeCode: '13020' });
    const otherClient = await signedIn('staff', other.email, other.password);
    const otherPage = await otherClient.get(`/staff/seekers/${seeker.seeker.id}`);
    expect(otherPage.dom.querySelector('#notice-form')).toBeNull();
    const refused = await otherClient.post(`/staff/seekers/${seeker.seeker.id}/notices`, {
      ...fields,
      key: crypto.randomUUID(),
    });
    expect(refused.status).toBe(403);
    expect(await inboxOf(seeker.account.id)).toHaveLength(1);
  });
});

describe('IP-2 a notice to every seeker of the office', () => {
  it('IP-2 G-2 G-3 the confirmation shows how many; each fully registered seeker of the office gets one, no one else; a repeated 送信 sends nothing more', async () => {
    const office = '27010';
    const staff = await createStaff(ctx.deps, { officeCode: office });
    const mine = [await seekerIn(office), await seekerIn(office), await seekerIn(office)];
    const lapsed = await seekerIn(office, { validUntil: '2026-01-31' });
    const inactive = await seekerIn(office, { active: false });
    const notOpened = await seekerIn(office, { opened: false });
    const otherOffice = await seekerIn('27020');
    const client = await signedIn('staff', staff.email, staff.password);
    const home = await client.get('/staff');
    expect(home.dom.querySelector('a[href="/staff/notices/new"]')).not.toBeNull();
    await client.get('/staff/notices/new');
    const confirm = await client.post('/staff/notices/new', {
      title: '合同面接会のご案内',
      body: '11月30日に開催します。',
    });
    expect(confirm.status).toBe(200);
    expect(confirm.h1()).toBe('お知らせの送信内容確認');
    expect(confirm.text('#notice-recipients')).toBe('3人の求職者に送信します。');
    const form = confirm.dom.querySelector('#office-notice-send')!;
    const hidden = Object.fromEntries(
      form
        .querySelectorAll('input[type="hidden"]')
        .map((i) => [i.getAttribute('name')!, i.getAttribute('value') ?? ''])
        .filter(([name]) => name !== '_csrf'),
    );
    ctx.mailbox.clear();
    const sent = await client.post('/staff/notices/send', hidden);
    expect(sent.status).toBe(200);
    expect(sent.text('#notice-result')).toContain('3人の求職者にお知らせを送信しました。');
    for (const s of mine) expect(await inboxOf(s.account.id)).toHaveLength(1);
    for (const s of [lapsed, inactive, notOpened, otherOffice])
      expect(await inboxOf(s.account.id)).toEqual([]);
    await ctx.drain();
    for (const s of mine) expect(ctx.mailbox.to(s.email)).toHaveLength(1);
    expect(ctx.mailbox.to(otherOffice.email)).toHaveLength(0);

    // The back button and 送信 again (a double click): nothing more is sent.
    const again = await client.post('/staff/notices/send', hidden);
    expect(again.text('#notice-result')).toContain('既に送信済み');
    for (const s of mine) expect(await inboxOf(s.account.id)).toHaveLength(1);
  });

  it('IP-2 the confirmation step cannot be skipped or altered', async () => {
    const staff = await createStaff(ctx.deps, { officeCode: '27010' });
    const client = await signedIn('staff', staff.email, staff.password);
    await client.get('/staff/notices/new');
    const forged = await client.post('/staff/notices/send', {
      title: '件名',
      body: '本文',
      key: crypto.randomUUID(),
      sig: 'x',
    });
    expect(forged.status).toBe(400);
    const confirm = await client.post('/staff/notices/new', { title: '件名', body: '本文' });
    const form = confirm.dom.querySelector('#office-notice-send')!;
    const hidden = Object.fromEntries(
      form
        .querySelectorAll('input[type="hidden"]')
        .map((i) => [i.getAttribute('name')!, i.getAttribute('value') ?? ''])
        .filter(([name]) => name !== '_csrf'),
    );
    const altered = await client.post('/staff/notices/send', { ...hidden, body: '書き換えた本文' });
    expect(altered.status).toBe(400);
    const noToken = await client.post('/staff/notices/send', hidden, { csrf: false });
    expect(noToken.status).toBe(403);
  });

  it('IP-2 sends in batches (one transaction each) and every recipient gets exactly one', async () => {
    const office = '27020';
    const before = await sendOfficeNotice(
      ctx.deps,
      { staffOfficeCode: office, title: 't', body: 'b', key: crypto.randomUUID() },
      2,
    );
    const extra = [await seekerIn(office), await seekerIn(office), await seekerIn(office)];
    const key = crypto.randomUUID();
    const result = await sendOfficeNotice(
      ctx.deps,
      { staffOfficeCode: office, title: '件名', body: '本文', key },
      2,
    );
    expect(result).toEqual({ recipients: before.recipients + 3, sent: before.recipients + 3 });
    for (const s of extra) expect(await inboxOf(s.account.id)).toHaveLength(1);
    expect(
      await sendOfficeNotice(ctx.deps, { staffOfficeCode: office, title: '件名', body: '本文', key }, 2),
    ).toEqual({
      recipients: before.recipients + 3,
      sent: 0,
    });
  });

  it('IP-2 G-2 only staff reach the notice pages', async () => {
    const seeker = await createSeeker(ctx.deps);
    const client = await signedIn('seeker', seeker.email, seeker.password);
    const p = await client.get('/staff/notices/new');
    expect([303, 403]).toContain(p.status);
  });
});
