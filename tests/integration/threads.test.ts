/**
 * Application threads end to end through HTTP with a fixed clock (SPEC MS-1..MS-3, G-2; issue 12;
 * ADR 0023): messages both ways with their inbox notice, mail and live event; unread counts; the
 * processing window, 無効 and an employer without MyPage refused on the server; another person's
 * thread a 404; interview slots offered, booked, changed, declined and cancelled, with the .ics.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { newStorageKey } from '../../src/adapters/storage/file-storage.ts';
import {
  applicationDocuments,
  inboxMessages,
  interviewOffers,
  seekers,
  threadEntries,
} from '../../src/db/schema/index.ts';
import { scanDocumentsJob } from '../../src/modules/applications/scan-documents.job.ts';
import { createApplication, createEmployer, createSeeker } from '../support/factories.ts';
import type { Page, TestClient } from '../support/http.ts';
import { signInAs } from '../support/sign-in.ts';
import { SseReader } from '../support/sse.ts';
import { createTestContext, DEFAULT_NOW, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());
const open: SseReader[] = [];
afterEach(async () => {
  ctx.clock.set(DEFAULT_NOW);
  ctx.mailbox.clear();
  for (const s of open.splice(0)) await s.close();
});

const MINUTE = 60_000;
let ip = 10;
const nextIp = () => `198.51.107.${ip++}`;
const byId = (page: Page, id: string) => page.dom.querySelector(`#${id}`)?.textContent.trim();

async function client(role: 'seeker' | 'employer', who: { email: string; password: string }) {
  const c = ctx.client(nextIp());
  await signInAs(c, role, who.email, who.password);
  return c;
}

/** A seeker's application to an opened employer's job, `minutesAgo` after 「応募」, both signed in. */
async function thread(
  o: { minutesAgo?: number; employerOpened?: boolean; documentsByMypage?: boolean } = {},
) {
  const seeker = await createSeeker(ctx.deps);
  const employer = await createEmployer(ctx.deps, { opened: o.employerOpened ?? true });
  const appliedAt = new Date(ctx.clock.now().getTime() - (o.minutesAgo ?? 10) * MINUTE);
  const { application, job } = await createApplication(ctx.deps, {
    seekerId: seeker.seeker.id,
    employer: employer.employer,
    appliedAt,
    ...(o.documentsByMypage ? { documentsByMypage: true } : {}),
  });
  const seekerClient = await client('seeker', seeker);
  const employerClient = o.employerOpened === false ? undefined : await client('employer', employer);
  return {
    seeker,
    employer,
    application,
    job,
    seekerClient,
    employerClient: employerClient as TestClient,
    seekerPath: `/mypage/applications/${application.id}/messages`,
    employerPath: `/employer/applications/${application.id}/messages`,
  };
}

/** Opens the thread page and posts its message form with `body`. */
async function write(c: TestClient, path: string, body: string): Promise<Page> {
  const page = await c.get(path);
  const form = page.hiddenForm('#message-form');
  return c.post(form.action, { ...form.fields, body });
}

const entriesOf = (applicationId: string) =>
  ctx.db.select().from(threadEntries).where(eq(threadEntries.applicationId, applicationId));

describe('messages (MS-1)', () => {
  it('MS-1 a seeker writes; the employer gets a notice in its MyPage and a mail without the text, and reads it', async () => {
    const t = await thread();
    const sent = await write(t.seekerClient, t.seekerPath, '面接の日程について\n相談させてください。');
    expect(sent.status).toBe(303);
    expect(sent.location).toBe(`${t.seekerPath}?done=text#thread`);
    const after = await t.seekerClient.open(sent.location!);
    expect(byId(after, 'thread-done')).toBe('メッセージを送信しました。');
    expect(after.text('#thread-entries')).toContain('相談させてください。');
    expect(after.text('#thread-entries .sender')).toBe('あなた');

    // The employer: 「メッセージ（1）」, its home notice, the inbox row with the unread count.
    const home = await t.employerClient.get('/employer');
    expect(home.text('#nav-unread')).toContain('1');
    expect(home.text('#employer-notice-list')).toContain('応募者からメッセージが届きました');
    const inbox = await t.employerClient.get('/employer/messages');
    expect(inbox.text('#employer-threads')).toContain(t.seeker.seeker.name);
    expect(inbox.text('#employer-threads')).toContain('未読メッセージ 1件');

    await ctx.drain();
    const mail = ctx.mailbox.last(t.employer.email);
    expect(mail?.subject).toBe('【ハローワーク】応募者からメッセージが届きました');
    expect(mail?.text).toContain(`http://localhost${t.employerPath}`);
    expect(mail?.text).not.toContain('相談させてください');
    expect(mail?.text).not.toContain(t.seeker.seeker.name);

    const read = await t.employerClient.get(t.employerPath);
    expect(read.status).toBe(200);
    expect(read.headers.get('cache-control')).toContain('no-store');
    expect(read.text('#thread-entries')).toContain(`${t.seeker.seeker.name}（応募者）`);
    expect(read.text('#thread-entries .badge--new')).toBe('未読');
    const [entry] = await entriesOf(t.application.id);
    expect(entry?.readAt).not.toBeNull();
    const again = await t.employerClient.get('/employer/messages');
    expect(again.text('#employer-threads')).not.toContain('未読メッセージ');
    expect((await t.employerClient.get('/employer')).text('#nav-unread')).toBe('');
    const notices = await ctx.db
      .select()
      .from(inboxMessages)
      .where(eq(inboxMessages.recipientAccountId, t.employer.account!.id));
    expect(
      notices.filter((n) => n.kind === 'application.message').map((n) => [n.senderKind, n.readAt !== null]),
    ).toEqual([['seeker', true]]);
  });

  it('MS-1 the employer answers; the seeker sees it marked 求人者から in メッセージ, with a mail, and in 応募中求人一覧 as unread', async () => {
    const t = await thread();
    expect((await write(t.employerClient, t.employerPath, 'ご応募ありがとうございます。')).status).toBe(303);
    const list = await t.seekerClient.get('/mypage/activity/applications');
    expect(byId(list, `unread-${t.application.id}`)).toBe('未読メッセージ 1件');
    const inbox = await t.seekerClient.get('/mypage/messages');
    expect(inbox.text()).toContain(`${t.employer.employer.name}からメッセージが届きました`);
    expect(inbox.text()).toContain('求人者から');
    await ctx.drain();
    const mail = ctx.mailbox.last(t.seeker.email);
    expect(mail?.subject).toBe('【ハローワーク】求人者からメッセージが届きました');
    expect(mail?.text).toContain(`http://localhost${t.seekerPath}`);
    expect(mail?.text).not.toContain('ありがとうございます');

    const page = await t.seekerClient.get(t.seekerPath);
    expect(page.text('#thread-entries')).toContain(`${t.employer.employer.name}（求人者）`);
    // Opening the thread marks the inbox notice read too: the navigation count is gone.
    expect((await t.seekerClient.get('/mypage')).text('#nav-unread')).toBe('');
    expect(
      byId(await t.seekerClient.get('/mypage/activity/applications'), `unread-${t.application.id}`),
    ).toBeUndefined();
  });

  it('MS-1 what anyone writes is text: no markup, no links, line breaks kept', async () => {
    const t = await thread();
    const body =
      '<script>alert(1)</script>\n<a href="https://evil.example">こちら</a> https://evil.example/login';
    await write(t.employerClient, t.employerPath, body);
    const page = await t.seekerClient.get(t.seekerPath);
    const entry = page.dom.querySelector('#thread-entries .thread-entry__body')!;
    expect(entry.textContent).toBe(body);
    expect(entry.querySelector('script, a')).toBeNull();
    expect(page.dom.querySelector('a[href^="https://evil"]')).toBeNull();
  });

  it('MS-1 refuses an empty or over-long message next to the field, keeping what was typed', async () => {
    const t = await thread();
    const empty = await write(t.seekerClient, t.seekerPath, '  \n ');
    expect(empty.status).toBe(400);
    expect(empty.summary()).toEqual(['メッセージ本文を入力してください。']);
    const long = 'あ'.repeat(2001);
    const over = await write(t.seekerClient, t.seekerPath, long);
    expect(over.status).toBe(400);
    expect(over.text('#f-body-error')).toBe('2,000文字以内で入力してください。');
    expect(over.value('body')).toBe(long);
    expect(await entriesOf(t.application.id)).toHaveLength(0);
  });

  it('MS-1 the same form sent twice writes one message and one notice', async () => {
    const t = await thread();
    const page = await t.seekerClient.get(t.seekerPath);
    const form = page.hiddenForm('#message-form');
    const [a, b] = await Promise.all([
      t.seekerClient.post(form.action, { ...form.fields, body: '一度だけ' }),
      t.seekerClient.post(form.action, { ...form.fields, body: '一度だけ' }),
    ]);
    expect([a.status, b.status]).toEqual([303, 303]);
    expect(await entriesOf(t.application.id)).toHaveLength(1);
    const notices = await ctx.db
      .select()
      .from(inboxMessages)
      .where(
        and(
          eq(inboxMessages.recipientAccountId, t.employer.account!.id),
          eq(inboxMessages.kind, 'application.message'),
        ),
      );
    expect(notices).toHaveLength(1);
  });

  it('MS-1 a new message reaches the other side’s open event stream', async () => {
    const t = await thread();
    const res = await t.employerClient.raw('/employer/events');
    expect(res.status).toBe(200);
    const events = new SseReader(res);
    open.push(events);
    await events.next('ready');
    await write(t.seekerClient, t.seekerPath, 'ライブで届きますか');
    const event = await events.next('inbox');
    expect(JSON.parse(event.data)).toMatchObject({ kind: 'application.message', unread: 1 });
    const fragment = await t.employerClient.get(`${t.employerPath}/fragments/entries`);
    expect(fragment.text('#thread-entries')).toContain('ライブで届きますか');
    expect((await t.employerClient.get('/employer/fragments/nav-unread')).text('#nav-unread')).toBe('');
  });
});

describe('when nobody may write (MS-1..MS-3)', () => {
  it('MS-2 is refused during the processing window after 「応募」 and allowed once it has passed', async () => {
    const t = await thread({ minutesAgo: 4 });
    const list = await t.seekerClient.get('/mypage/activity/applications');
    expect(list.dom.querySelector(`#new-message-${t.application.id}`)).toBeNull();
    expect(list.text(`#nm-${t.application.id}`)).toContain(
      '応募の処理中のため、新規メッセージを作成できません。',
    );
    const page = await t.seekerClient.get(t.seekerPath);
    expect(byId(page, 'thread-refusal')).toContain('応募の処理中');
    expect(page.dom.querySelector('#message-form')).toBeNull();
    // A form kept from earlier (or made up) is refused on the server too, both ways.
    const key = randomUUID();
    const csrf = page.csrf();
    const refused = await t.seekerClient.post(t.seekerPath, { key, body: 'まだ早い' }, { csrf });
    expect(refused.status).toBe(409);
    expect(refused.text('.form-refusal')).toContain('応募の処理中');
    await t.employerClient.get(t.employerPath);
    expect((await t.employerClient.post(t.employerPath, { key, body: '早い' })).status).toBe(409);
    expect(await entriesOf(t.application.id)).toHaveLength(0);

    ctx.clock.advance(60_000);
    expect(
      byId(await t.seekerClient.get('/mypage/activity/applications'), `new-message-${t.application.id}`),
    ).toBe('新規メッセージを作成');
    expect((await write(t.seekerClient, t.seekerPath, 'もう送れます')).status).toBe(303);
  });

  it('MS-2 stays refused while a document waits for its virus scan', async () => {
    const t = await thread({ minutesAgo: 60 });
    await ctx.db.insert(applicationDocuments).values({
      seekerId: t.seeker.seeker.id,
      applicationId: t.application.id,
      kind: 'resume',
      originalName: '履歴書.pdf',
      fileType: 'pdf',
      contentType: 'application/pdf',
      size: 10,
      sha256: '0'.repeat(64),
      storageKey: 'pending-key',
      position: 0,
      scanState: 'pending',
      createdAt: ctx.clock.now(),
    });
    expect((await write(t.seekerClient, t.seekerPath, 'x').catch(() => undefined))?.status).not.toBe(303);
    const page = await t.seekerClient.get(t.seekerPath);
    expect(byId(page, 'thread-refusal')).toContain('応募の処理中');
    await ctx.db
      .update(applicationDocuments)
      .set({ scanState: 'clean' })
      .where(eq(applicationDocuments.applicationId, t.application.id));
    expect((await write(t.seekerClient, t.seekerPath, '確認が終わりました')).status).toBe(303);
  });

  it('AP-5 MS-2 a document whose stored bytes are gone or changed is withheld as unreadable at once, so the thread opens', async () => {
    const t = await thread({ minutesAgo: 60, documentsByMypage: true });
    const kept = await ctx.deps.storage.put(newStorageKey(), new TextEncoder().encode('%PDF-1.7 履歴書'));
    const doc = (name: string, storageKey: string, sha256: string, position: number) => ({
      seekerId: t.seeker.seeker.id,
      applicationId: t.application.id,
      kind: 'resume' as const,
      originalName: name,
      fileType: 'pdf' as const,
      contentType: 'application/pdf',
      size: 10,
      sha256,
      storageKey,
      position,
      scanState: 'pending' as const,
      createdAt: ctx.clock.now(),
    });
    await ctx.db
      .insert(applicationDocuments)
      .values([
        doc('消えた履歴書.pdf', newStorageKey(), '0'.repeat(64), 0),
        doc('変わった履歴書.pdf', kept.key, '1'.repeat(64), 1),
      ]);
    await ctx.deps.queue.enqueue(scanDocumentsJob, { applicationId: t.application.id });
    expect(await ctx.drain()).toBeGreaterThan(0);

    const docs = await ctx.db
      .select()
      .from(applicationDocuments)
      .where(eq(applicationDocuments.applicationId, t.application.id));
    expect(docs.map((d) => [d.originalName, d.scanState, d.scanFinding, d.storageKey]).sort()).toEqual([
      ['変わった履歴書.pdf', 'withheld', 'unreadable:sha256_mismatch', null],
      ['消えた履歴書.pdf', 'withheld', 'unreadable:missing', null],
    ]);
    // The changed bytes are not kept either: nothing unscanned stays in storage.
    expect(await ctx.deps.storage.exists(kept.key)).toBe(false);

    const notices = await ctx.db
      .select()
      .from(inboxMessages)
      .where(eq(inboxMessages.recipientAccountId, t.seeker.account.id));
    const withheld = notices.filter((n) => n.kind === 'document.withheld');
    expect(withheld.map((n) => (n.data as { reason?: string }).reason)).toEqual(['unreadable', 'unreadable']);
    const mail = ctx.mailbox.last(t.seeker.email);
    expect(mail?.text).toContain('システム内で読み取れなくなった');
    expect(mail?.text).not.toContain('ウイルス');

    const detail = await t.seekerClient.get(`/mypage/applications/${t.application.id}`);
    expect(detail.text('#document-list')).toContain('送付できません（ファイルを読み取れません）');
    const seen = await t.employerClient.get(`/employer/applications/${t.application.id}`);
    expect(seen.text('#document-list')).toContain('ファイルを読み取れなくなったため送付されませんでした');
    expect(seen.text('#document-list')).not.toContain('ウイルス');
    // No document waits for a scan any more: writing is open.
    expect((await write(t.seekerClient, t.seekerPath, '書類を別の方法で送ります')).status).toBe(303);
  });

  it('MS-3 is refused both ways while the seeker’s registration is 無効', async () => {
    const t = await thread();
    const page = await t.seekerClient.get(t.seekerPath);
    const form = page.hiddenForm('#message-form');
    const employerPage = await t.employerClient.get(t.employerPath);
    const employerForm = employerPage.hiddenForm('#message-form');
    await ctx.db.update(seekers).set({ active: false }).where(eq(seekers.id, t.seeker.seeker.id));

    const refused = await t.seekerClient.post(form.action, { ...form.fields, body: '無効中' });
    expect(refused.status).toBe(409);
    expect(refused.text('.form-refusal')).toBe('求職登録が無効のため、送ることができませんでした。');
    expect(refused.value('body')).toBe('無効中');
    const employerRefused = await t.employerClient.post(employerForm.action, {
      ...employerForm.fields,
      body: '連絡',
    });
    expect(employerRefused.status).toBe(409);
    expect(byId(await t.employerClient.get(t.employerPath), 'thread-refusal')).toBe(
      'この応募者の求職登録が無効になっているため、メッセージを送ることができません。',
    );
    const list = await t.seekerClient.get('/mypage/activity/applications');
    expect(list.text(`#nm-${t.application.id}`)).toContain('求職登録が無効のため');
    expect(await entriesOf(t.application.id)).toHaveLength(0);
  });

  it('MS-1 is refused when the employer has not opened 求人者マイページ, with the reason shown', async () => {
    const t = await thread({ employerOpened: false });
    const list = await t.seekerClient.get('/mypage/activity/applications');
    expect(list.text(`#nm-${t.application.id}`)).toContain('求人者マイページを開設していないため');
    const page = await t.seekerClient.get(t.seekerPath);
    expect(page.dom.querySelector('#message-form')).toBeNull();
    const refused = await t.seekerClient.post(
      t.seekerPath,
      { key: randomUUID(), body: '届かない' },
      { csrf: page.csrf() },
    );
    expect(refused.status).toBe(409);
    expect(await entriesOf(t.application.id)).toHaveLength(0);
  });
});

describe('another person’s thread (G-2)', () => {
  it('G-2 another seeker or another employer gets the 404 page for every route, and nothing is written', async () => {
    const t = await thread();
    await write(t.employerClient, t.employerPath, '本人だけが読めます');
    const otherSeeker = await client('seeker', await createSeeker(ctx.deps));
    const otherEmployer = await client('employer', await createEmployer(ctx.deps));
    for (const [c, path] of [
      [otherSeeker, t.seekerPath],
      [otherEmployer, t.employerPath],
    ] as const) {
      const page = await c.get(path);
      expect(page.status).toBe(404);
      expect(page.text()).not.toContain('本人だけが読めます');
      expect((await c.get(`${path}/fragments/entries`)).status).toBe(404);
      await c.get('/');
      expect((await c.post(path, { key: randomUUID(), body: 'なりすまし' })).status).toBe(404);
    }
    // An employer's URL is not a seeker's and the other way round.
    expect((await t.seekerClient.get(t.employerPath)).status).toBe(403);
    expect(await entriesOf(t.application.id)).toHaveLength(1);
  });
});

/** The employer's offer form, filled. */
async function offer(t: Awaited<ReturnType<typeof thread>>, slots: [string, string][], extra = {}) {
  const page = await t.employerClient.get(t.employerPath);
  const form = page.hiddenForm('#offer-form');
  const fields: Record<string, string> = {
    ...(form.fields as Record<string, string>),
    mode: 'in_person',
    place: '東京都千代田区千代田1-1 本社3階',
    duration: '60',
    note: '面接の候補です。',
    ...extra,
  };
  slots.forEach(([date, time], n) => {
    fields[`slot_${n}_date`] = date;
    fields[`slot_${n}_time`] = time;
  });
  return t.employerClient.post(form.action, fields);
}

async function seekerForm(
  t: Awaited<ReturnType<typeof thread>>,
  selector: string,
  fields: Record<string, string>,
) {
  const page = await t.seekerClient.get(t.seekerPath);
  const form = page.hiddenForm(selector);
  return t.seekerClient.post(form.action, { ...form.fields, ...fields });
}

const slotValue = (page: Page, label: string) => {
  const input = page.dom
    .querySelectorAll('#book-form input[name="slot"]')
    .find((i) => page.dom.querySelector(`label[for="${i.getAttribute('id')}"]`)?.textContent.includes(label));
  if (!input) throw new Error(`no slot ${label}`);
  return input.getAttribute('value')!;
};

const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

describe('interview slots', () => {
  it('the employer offers two slots; the seeker books one; both get a notice and an .ics whose DTSTART is that slot', async () => {
    const t = await thread();
    const offered = await offer(t, [
      ['2026-11-25', '10:00'],
      ['2026-11-26', '14:30'],
    ]);
    expect(offered.status).toBe(303);
    await ctx.drain();
    expect(ctx.mailbox.last(t.seeker.email)?.subject).toBe('【ハローワーク】面接日程の候補が届きました');

    const page = await t.seekerClient.get(t.seekerPath);
    expect(page.text('#interview-summary')).toContain('回答待ち');
    expect(page.text('#thread-entries')).toContain('面接日程の候補：2件');
    const booked = await seekerForm(t, '#book-form', {
      slot: slotValue(page, '2026年11月26日（木）14:30'),
      note: 'よろしくお願いします。',
    });
    expect(booked.status).toBe(303);
    const after = await t.seekerClient.open(booked.location!);
    expect(after.text('#interview-summary')).toContain('2026年11月26日（木）14:30');
    expect(after.text('#interview-summary')).toContain('予約済み');

    await ctx.drain();
    const mail = ctx.mailbox.last(t.employer.email);
    expect(mail?.subject).toBe('【ハローワーク】面接日程が予約されました');
    expect(mail?.text).toContain('面接日時：2026年11月26日（木）14:30');
    // The booking is confirmed to the seeker too, from Hello Work, with the time.
    const confirmation = ctx.mailbox
      .to(t.seeker.email)
      .find((m) => m.subject === '【ハローワーク】面接日程の予約を受け付けました');
    expect(confirmation?.text).toContain('面接日時：2026年11月26日（木）14:30');
    const inbox = await t.seekerClient.get('/mypage/messages');
    expect(inbox.text()).toContain('面接日程の予約を受け付けました');

    for (const [c, path] of [
      [t.seekerClient, t.seekerPath],
      [t.employerClient, t.employerPath],
    ] as const) {
      const link = (await c.get(path)).dom.querySelector('#interview-ics')!.getAttribute('href')!;
      const res = await c.raw(link);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="interview.ics"');
      const ics = unfold(await res.text());
      expect(ics).toContain('\r\nDTSTART:20261126T053000Z\r\n');
      expect(ics).toContain('\r\nDTEND:20261126T063000Z\r\n');
      expect(ics).toContain('LOCATION:東京都千代田区千代田1-1 本社3階');
    }
  });

  it('the seeker changes to another slot (same event, higher SEQUENCE); the employer cancels; the .ics cancels it', async () => {
    const t = await thread();
    await offer(t, [
      ['2026-11-25', '10:00'],
      ['2026-11-26', '14:30'],
    ]);
    let page = await t.seekerClient.get(t.seekerPath);
    await seekerForm(t, '#book-form', { slot: slotValue(page, '11月25日') });
    const icsPath = (await t.seekerClient.get(t.seekerPath)).dom
      .querySelector('#interview-ics')!
      .getAttribute('href')!;
    const first = unfold(await (await t.seekerClient.raw(icsPath)).text());
    page = await t.seekerClient.get(t.seekerPath);
    expect(page.text('#book-form legend')).toContain('変更先の面接日時');
    expect((await seekerForm(t, '#book-form', { slot: slotValue(page, '11月26日') })).status).toBe(303);
    const second = unfold(await (await t.seekerClient.raw(icsPath)).text());
    const uid = (s: string) => /\r\nUID:([^\r]+)/.exec(s)?.[1];
    const seq = (s: string) => Number(/\r\nSEQUENCE:(\d+)/.exec(s)?.[1]);
    expect(uid(second)).toBe(uid(first));
    expect(seq(second)).toBeGreaterThan(seq(first));
    expect(second).toContain('DTSTART:20261126T053000Z');

    const employerPage = await t.employerClient.get(t.employerPath);
    const form = employerPage.hiddenForm('#cancel-interview-form');
    const cancelled = await t.employerClient.post(form.action, { ...form.fields, note: '都合により' });
    expect(cancelled.status).toBe(303);
    const third = unfold(await (await t.seekerClient.raw(icsPath)).text());
    expect(third).toContain('STATUS:CANCELLED');
    expect(third).toContain('METHOD:CANCEL');
    expect(seq(third)).toBeGreaterThan(seq(second));
    const seekerPage = await t.seekerClient.get(t.seekerPath);
    expect(seekerPage.text('#thread-entries')).toContain('面接のキャンセル：2026年11月26日（木）14:30');
    expect(seekerPage.text('#thread-entries')).toContain('都合により');
    expect(seekerPage.dom.querySelector('#book-form')).toBeNull();
    await ctx.drain();
    expect(ctx.mailbox.to(t.seeker.email).map((m) => m.subject)).toContain(
      '【ハローワーク】面接がキャンセルされました',
    );
  });

  it('the seeker asks for other dates; the employer offers new ones, which replace the old', async () => {
    const t = await thread();
    await offer(t, [['2026-11-25', '10:00']]);
    const declined = await seekerForm(t, '#decline-form', { note: '平日の午後なら伺えます。' });
    expect(declined.status).toBe(303);
    const employerPage = await t.employerClient.get(t.employerPath);
    expect(employerPage.text('#interview-summary')).toContain('別の日程を希望');
    expect(employerPage.text('#thread-entries')).toContain('平日の午後なら伺えます。');
    await offer(t, [['2026-11-27', '15:00']], { mode: 'online', place: 'https://meet.example.jp/abc' });
    const page = await t.seekerClient.get(t.seekerPath);
    expect(page.text('#interview-summary')).toContain('オンライン');
    // The meeting link is text, not a link.
    expect(page.dom.querySelector('a[href="https://meet.example.jp/abc"]')).toBeNull();
    expect(page.dom.querySelectorAll('#book-form input[name="slot"]')).toHaveLength(1);
    const states = await ctx.db
      .select({ state: interviewOffers.state })
      .from(interviewOffers)
      .where(eq(interviewOffers.applicationId, t.application.id));
    expect(states.map((s) => s.state).sort()).toEqual(['declined', 'open']);
  });

  it('a booking replaced by new slots is superseded, and a stale booking form is refused', async () => {
    const t = await thread();
    await offer(t, [['2026-11-25', '10:00']]);
    const stale = await t.seekerClient.get(t.seekerPath);
    const staleForm = stale.hiddenForm('#book-form');
    const staleSlot = slotValue(stale, '11月25日');
    await offer(t, [['2026-11-28', '11:00']]);
    const refused = await t.seekerClient.post(staleForm.action, { ...staleForm.fields, slot: staleSlot });
    expect(refused.status).toBe(409);
    expect(refused.text('.form-refusal')).toContain('締め切られています');
  });

  it('refuses a slot in the past, none, or an unchosen slot, next to the field with the input kept', async () => {
    const t = await thread();
    const past = await offer(t, [
      ['2026-11-21', '10:30'], // 30 minutes after now (10:00 in Tokyo)
      ['2026-11-30', '10:00'],
    ]);
    expect(past.status).toBe(400);
    expect(past.text('#f-slot_0_date-error')).toBe('候補1は、いまから1時間以上先の日時を入力してください。');
    expect(past.value('slot_1_date')).toBe('2026-11-30');
    expect(past.value('place')).toBe('東京都千代田区千代田1-1 本社3階');
    const none = await offer(t, []);
    expect(none.status).toBe(400);
    expect(none.summary()).toContain('候補の日時を1件以上入力してください。');
    await offer(t, [['2026-11-30', '10:00']]);
    const unchosen = await seekerForm(t, '#book-form', {});
    expect(unchosen.status).toBe(400);
    expect(unchosen.summary()).toEqual(['面接日時を選択してください。']);
    // A seeker cannot offer slots, and an employer cannot book one.
    expect((await t.seekerClient.post(`${t.seekerPath}/interviews`, { key: randomUUID() })).status).toBe(404);
  });

  it('G-2 another seeker cannot download the .ics or book a slot of someone else’s thread', async () => {
    const t = await thread();
    await offer(t, [['2026-11-30', '10:00']]);
    const page = await t.seekerClient.get(t.seekerPath);
    const form = page.hiddenForm('#book-form');
    const slot = slotValue(page, '11月30日');
    await t.seekerClient.post(form.action, { ...form.fields, slot });
    const ics = (await t.seekerClient.get(t.seekerPath)).dom
      .querySelector('#interview-ics')!
      .getAttribute('href')!;
    const other = await client('seeker', await createSeeker(ctx.deps));
    expect((await other.raw(ics)).status).toBe(404);
    await other.get('/mypage');
    expect((await other.post(form.action, { key: randomUUID(), slot })).status).toBe(404);
  });
});
