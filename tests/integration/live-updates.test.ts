/**
 * Live updates of the seeker's pages (SPEC IP-1, IP-2, MS-4, OR-3, MP-5; ADR 0018): the event
 * stream at /mypage/events, fed by LISTEN/NOTIFY through the live feed, and the fragments its script
 * swaps in. Staff send through the app with CSRF, exactly as in information/referrals/notices tests.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../src/db/schema/index.ts';
import { insertCounselling } from '../../src/modules/counselling/counselling.repository.ts';
import { addDays, tokyoDate } from '../../src/platform/dates.ts';
import {
  createEmployer,
  createJob,
  createSeeker,
  createStaff,
  type SeekerOptions,
} from '../support/factories.ts';
import type { Page, TestClient } from '../support/http.ts';
import { signInAs } from '../support/sign-in.ts';
import { SseReader } from '../support/sse.ts';
import { createTestContext, DEFAULT_NOW, type Sibling, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());
afterEach(() => ctx.clock.set(DEFAULT_NOW));

let ipCounter = 10;
const nextIp = () => `198.51.104.${ipCounter++}`;
const open: SseReader[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

async function signedIn(
  role: 'staff' | 'seeker',
  who: { email: string; password: string },
  app: { client(ip?: string): TestClient } = ctx,
): Promise<TestClient> {
  const client = app.client(nextIp());
  await signInAs(client, role, who.email, who.password);
  return client;
}

/** Opens the seeker's event stream (the way the page's script does) and waits for its `ready` event. */
async function stream(client: TestClient, headers: Record<string, string> = {}, query = '') {
  const res = await client.raw(`/mypage/events${query}`, headers);
  expect(res.status).toBe(200);
  const reader = new SseReader(res);
  open.push(reader);
  await reader.next('ready');
  return reader;
}

async function seekerWithStream(o: SeekerOptions = {}) {
  const seeker = await createSeeker(ctx.deps, o);
  const client = await signedIn('seeker', seeker);
  return { seeker, client, events: await stream(client) };
}

async function staffOf(officeCode = '13010') {
  const staff = await createStaff(ctx.deps, { officeCode });
  return { staff, client: await signedIn('staff', staff) };
}

const informationKey = (p: Page) =>
  p.dom.querySelector('#information-form input[name="key"]')?.getAttribute('value') ?? '';

/** 情報提供 from the staff seeker page, with the page's CSRF token and one-time key. */
async function sendInformation(staff: TestClient, seekerId: string, jobNumbers: string[]) {
  const detail = await staff.get(`/staff/seekers/${seekerId}`);
  const result = await staff.post(`/staff/seekers/${seekerId}/information`, {
    jobNumbers: jobNumbers.join('\n'),
    key: informationKey(detail),
  });
  expect(result.status).toBe(200);
  return result;
}

async function aJob() {
  const employer = await createEmployer(ctx.deps);
  return createJob(ctx.deps, { officeCode: '13010' }, employer.employer);
}

const data = (e: { data: string }) => JSON.parse(e.data) as { id: string; kind: string; unread: number };

describe('IP-1 the event stream', () => {
  it('IP-1 MP-5 without a session the stream is refused with 401, not a stream or a redirect; staff get 403', async () => {
    const anonymous = await ctx.client(nextIp()).raw('/mypage/events');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type') ?? '').not.toContain('text/event-stream');
    expect(anonymous.headers.get('location')).toBeNull();
    const fragment = await ctx.client(nextIp()).raw('/mypage/fragments/nav-unread');
    expect(fragment.status).toBe(401);
    const { client } = await staffOf();
    const asStaff = await client.raw('/mypage/events');
    expect(asStaff.status).toBe(403);
    expect(asStaff.headers.get('content-type') ?? '').not.toContain('text/event-stream');
  });

  it('IP-1 the stream is text/event-stream, not stored, not buffered, and starts with `ready` at the inbox cursor', async () => {
    const seeker = await createSeeker(ctx.deps);
    const client = await signedIn('seeker', seeker);
    const res = await client.raw('/mypage/events');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-accel-buffering')).toBe('no');
    const reader = new SseReader(res);
    open.push(reader);
    const ready = await reader.next('ready');
    expect(ready.id).toBe('0');
  });

  it('IP-1 MS-4 staff send 情報提供: the stream gets an inbox event with the kind and unread count; the fragments show the jobs and the count', async () => {
    const { seeker, client, events } = await seekerWithStream();
    const job = await aJob();
    const { client: staff } = await staffOf();
    await sendInformation(staff, seeker.seeker.id, [job.jobNumber]);
    const event = await events.next('inbox');
    expect(event.id).toBe('1');
    expect(data(event)).toMatchObject({ kind: 'information.jobs', unread: 1 });
    expect(events.named('inbox')).toHaveLength(1);

    const panel = await client.get('/mypage/fragments/home-information');
    expect(panel.status).toBe(200);
    expect(panel.headers.get('cache-control')).toBe('no-store');
    expect(panel.text('#home-information-panel')).toContain(job.posting.title);
    expect(panel.html).not.toContain('<html');
    const nav = await client.get('/mypage/fragments/nav-unread');
    expect(nav.text('#nav-unread')).toContain('未読1件');
    const list = await client.get('/mypage/fragments/messages-list');
    expect(list.text('#messages-list')).toContain('ハローワークからの求人情報');
  });

  it('OR-3 MS-4 staff send a referral: the stream gets a referral.sent event and the ホーム panel fragment shows the sentence', async () => {
    const { staff, client: staffClient } = await staffOf();
    const { seeker, client, events } = await seekerWithStream();
    await insertCounselling(ctx.db, {
      seekerId: seeker.seeker.id,
      staffId: staff.staff.id,
      heldOn: addDays(tokyoDate(ctx.clock.now()), -1),
      desiredConditions: '介護職',
      notes: '',
      now: ctx.clock.now(),
    });
    const job = await aJob();
    await staffClient.get(`/staff/seekers/${seeker.seeker.id}`);
    const input = await staffClient.post(`/staff/seekers/${seeker.seeker.id}/referrals`, {
      jobNumbers: job.jobNumber,
    });
    expect(input.status).toBe(303);
    await staffClient.get(input.location!);
    const sent = await staffClient.post(`/staff/seekers/${seeker.seeker.id}/referrals/send`, {});
    expect(sent.status).toBe(200);
    const event = await events.next('inbox');
    expect(data(event)).toMatchObject({ kind: 'referral.sent', unread: 1 });
    const panel = await client.get('/mypage/fragments/home-referrals');
    expect(panel.text('#referrals-sentence')).toBe(
      'オンラインハローワーク紹介対象求人 全1件中最新の求人を表示しています。',
    );
  });

  it('IP-2 an office-wide お知らせ reaches every open stream of the office once; a seeker of another office hears nothing', async () => {
    const office = '27010';
    const inOffice = (o: SeekerOptions = {}) =>
      createSeeker(ctx.deps, {
        ...o,
        extra: { officeCode: office, seekerNumber: `${office}-${crypto.randomUUID().slice(0, 8)}` },
      });
    const a = await inOffice();
    const b = await inOffice();
    const other = await createSeeker(ctx.deps);
    const streams = [await stream(await signedIn('seeker', a)), await stream(await signedIn('seeker', b))];
    const elsewhere = await stream(await signedIn('seeker', other));
    const { client } = await staffOf(office);
    await client.get('/staff/notices/new');
    const confirm = await client.post('/staff/notices/new', { title: '合同面接会', body: '11月30日です。' });
    const form = confirm.dom.querySelector('#office-notice-send')!;
    const hidden = Object.fromEntries(
      form
        .querySelectorAll('input[type="hidden"]')
        .map((i) => [i.getAttribute('name')!, i.getAttribute('value') ?? ''])
        .filter(([name]) => name !== '_csrf'),
    );
    const sent = await client.post('/staff/notices/send', hidden);
    expect(sent.text('#notice-result')).toContain('2人の求職者にお知らせを送信しました。');
    for (const s of streams) expect(data(await s.next('inbox'))).toMatchObject({ kind: 'notice.sent' });

    // The other seeker's own message arrives after the notice was published: had the notice reached
    // that stream, it would have come first.
    const { client: home } = await staffOf();
    const job = await aJob();
    await sendInformation(home, other.seeker.id, [job.jobNumber]);
    await elsewhere.next('inbox');
    expect(elsewhere.named('inbox').map((e) => data(e).kind)).toEqual(['information.jobs']);
    for (const s of streams) expect(s.named('inbox')).toHaveLength(1);
  });

  it('IP-1 G-2 another seeker’s stream gets nothing of a 情報提供 to this seeker', async () => {
    const mine = await seekerWithStream();
    const theirs = await seekerWithStream();
    const { client: staff } = await staffOf();
    const job = await aJob();
    await sendInformation(staff, mine.seeker.seeker.id, [job.jobNumber]);
    await mine.events.next('inbox');
    await sendInformation(staff, theirs.seeker.seeker.id, [job.jobNumber]);
    await theirs.events.next('inbox');
    expect(theirs.events.named('inbox')).toHaveLength(1);
    expect(data(theirs.events.named('inbox')[0]!).id).not.toBe(data(mine.events.named('inbox')[0]!).id);
    expect(mine.events.named('inbox')).toHaveLength(1);
  });
});

describe('MS-4 resuming without loss', () => {
  it('MS-4 a reconnect with Last-Event-ID gets exactly what it missed, once and in order', async () => {
    const { seeker, client, events } = await seekerWithStream();
    const { client: staff } = await staffOf();
    const job = await aJob();
    await sendInformation(staff, seeker.seeker.id, [job.jobNumber]);
    const first = await events.next('inbox');
    await events.close();
    await sendInformation(staff, seeker.seeker.id, [job.jobNumber]);
    await sendInformation(staff, seeker.seeker.id, [job.jobNumber]);

    const resumed = await stream(client, { 'Last-Event-ID': first.id! });
    await resumed.next('inbox', 2);
    expect(resumed.named('inbox').map((e) => e.id)).toEqual(['2', '3']);
    // Live events keep coming on the resumed stream, without repeating anything.
    await sendInformation(staff, seeker.seeker.id, [job.jobNumber]);
    await resumed.next('inbox', 3);
    expect(resumed.named('inbox').map((e) => e.id)).toEqual(['2', '3', '4']);
    expect(data(resumed.named('inbox')[2]!).unread).toBe(4);
  });

  it('MS-4 the page records its cursor; a stream opened from it gets what arrived between the page and the stream', async () => {
    const seeker = await createSeeker(ctx.deps);
    const client = await signedIn('seeker', seeker);
    const home = await client.get('/mypage');
    const live = home.dom.querySelector('live-updates#live-updates')!;
    expect(live.getAttribute('data-src')).toBe('/mypage/events');
    const cursor = live.getAttribute('data-cursor')!;
    expect(cursor).toBe('0');
    expect(live.getAttribute('data-announce')).toBe('ハローワークから新しいメッセージが届きました。');
    const region = home.dom.querySelector('#live-announcer')!;
    expect(region.getAttribute('role')).toBe('status');
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.textContent).toBe('');
    expect(home.dom.querySelector('#home-information-panel')?.getAttribute('data-live-fragment')).toBe(
      '/mypage/fragments/home-information',
    );
    expect(home.dom.querySelector('#home-referrals-panel')?.getAttribute('data-live-kinds')).toBe(
      'referral.sent',
    );
    expect(home.dom.querySelector('#nav-unread')?.getAttribute('data-live-fragment')).toBe(
      '/mypage/fragments/nav-unread',
    );

    const { client: staff } = await staffOf();
    await sendInformation(staff, seeker.seeker.id, [(await aJob()).jobNumber]);
    const late = await stream(client, {}, `?lastEventId=${cursor}`);
    expect(data(await late.next('inbox'))).toMatchObject({ kind: 'information.jobs' });
    // The header (a browser's own reconnect) wins over the page's cursor in the address.
    const reconnect = await stream(client, { 'Last-Event-ID': '1' }, `?lastEventId=${cursor}`);
    await sendInformation(staff, seeker.seeker.id, [(await aJob()).jobNumber]);
    expect((await reconnect.next('inbox')).id).toBe('2');
    expect(reconnect.named('inbox')).toHaveLength(1);
  });

  it('MS-4 only page 1 of メッセージ is swapped live; a cursor from nowhere is brought back to the inbox', async () => {
    const { seeker, client } = await seekerWithStream();
    const first = await client.get('/mypage/messages');
    expect(first.dom.querySelector('#messages-list')?.getAttribute('data-live-fragment')).toBe(
      '/mypage/fragments/messages-list',
    );
    const second = await client.get('/mypage/messages?page=2');
    expect(second.dom.querySelector('#messages-list')?.getAttribute('data-live-fragment')).toBe(
      '/mypage/fragments/messages-list',
    ); // one page only, so page 2 is page 1
    const invented = await stream(client, { 'Last-Event-ID': '999999' });
    expect(invented.named('ready')[0]!.id).toBe('0');
    const { client: staff } = await staffOf();
    await sendInformation(staff, seeker.seeker.id, [(await aJob()).jobNumber]);
    expect((await invented.next('inbox')).id).toBe('1');
  });
});

describe('MP-5 streams end with the session', () => {
  it('MP-5 signing out ends the stream with an `end` event', async () => {
    const { client, events } = await seekerWithStream();
    await client.get('/mypage');
    const out = await client.post('/logout', {});
    expect(out.status).toBe(303);
    const end = await events.next('end');
    expect(JSON.parse(end.data)).toEqual({ reason: 'session-ended' });
    await events.end();
    expect((await client.raw('/mypage/events')).status).toBe(401);
  });

  it('MP-5 a session ended elsewhere (row deleted) or past its idle limit is closed at the next heartbeat; a live one gets a heartbeat comment', async () => {
    const one = await seekerWithStream();
    const two = await seekerWithStream();
    const three = await seekerWithStream();
    await ctx.db.delete(sessions).where(eq(sessions.accountId, one.seeker.account.id));
    await ctx.deps.liveFeed.heartbeat();
    await one.events.end();
    expect(one.events.named('end')).toHaveLength(1);
    await two.events.until(() => two.events.comments > 0, 'a heartbeat');
    expect(two.events.ended).toBe(false);

    ctx.clock.set('2026-11-21T01:31:00Z'); // 31 minutes after sign-in: idle
    await ctx.deps.liveFeed.heartbeat();
    await two.events.end();
    await three.events.end();
    expect(three.events.named('end')).toHaveLength(1);
  });

  it('MP-5 the stream and the fragments do not keep an unattended session alive', async () => {
    const seeker = await createSeeker(ctx.deps);
    const client = await signedIn('seeker', seeker);
    ctx.clock.set('2026-11-21T01:20:00Z');
    expect((await client.raw('/mypage/fragments/nav-unread')).status).toBe(200);
    await stream(client);
    ctx.clock.set('2026-11-21T01:35:00Z'); // 35 minutes after the person's last request
    const page = await client.get('/mypage');
    expect(page.status).toBe(303);
    expect(page.location).toContain('/login');
  });

  it('IP-1 at shutdown every stream ends without `end`, with a retry hint of 1–5 s (the browser reconnects elsewhere); later connections end at once', async () => {
    const other = await ctx.sibling();
    try {
      const seeker = await createSeeker(ctx.deps);
      const client = await signedIn('seeker', seeker, other);
      const events = await stream(client);
      expect(other.deps.liveFeed.size()).toBe(1);
      await other.deps.liveFeed.close();
      await events.end();
      expect(events.named('end')).toHaveLength(0);
      // The ready event's 3 s, then the shutdown's hint, spread so streams do not return all at once.
      expect(events.retries).toHaveLength(2);
      expect(events.retries[1]).toBeGreaterThanOrEqual(1000);
      expect(events.retries[1]).toBeLessThan(5000);
      const late = new SseReader(await client.raw('/mypage/events'));
      await late.end();
    } finally {
      await other.close();
    }
  });
});

describe('IP-1 two web servers on one database', () => {
  it.skipIf(!process.env.DATABASE_URL)(
    'IP-1 sent through server A, received on a stream of server B (PostgreSQL: two compositions, two pools, two LISTENs, B over real HTTP)',
    async () => {
      const b = await ctx.sibling();
      const server = createServer(getRequestListener(b.app.fetch));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const abort = new AbortController();
      try {
        expect(b.deps.dbHandle).not.toBe(ctx.deps.dbHandle);
        const seeker = await createSeeker(ctx.deps);
        const seekerOnB = await signedIn('seeker', seeker, b);
        const { port } = server.address() as AddressInfo;
        const res = await fetch(`http://127.0.0.1:${port}/mypage/events`, {
          headers: { cookie: seekerOnB.cookieHeader(), 'x-test-client-ip': '203.0.113.30' },
          signal: abort.signal,
        });
        expect(res.headers.get('content-type')).toContain('text/event-stream');
        expect(res.headers.get('x-accel-buffering')).toBe('no');
        expect(res.headers.get('cache-control')).toBe('no-store');
        const events = new SseReader(res);
        open.push(events);
        await events.next('ready');
        const { client: staffOnA } = await staffOf();
        await sendInformation(staffOnA, seeker.seeker.id, [(await aJob()).jobNumber]);
        expect(data(await events.next('inbox'))).toMatchObject({ kind: 'information.jobs', unread: 1 });
        expect(ctx.deps.liveFeed.size()).toBe(0);
        expect(b.deps.liveFeed.size()).toBe(1);
      } finally {
        abort.abort();
        await b.deps.liveFeed.close();
        await new Promise((resolve) => server.close(resolve));
        await b.close();
      }
    },
  );

  it.skipIf(Boolean(process.env.DATABASE_URL))(
    'IP-1 two app instances on one PGlite (one process, so one handle): sent through A, received on B',
    async () => {
      const b: Sibling = await ctx.sibling();
      try {
        expect(b.deps.liveFeed).not.toBe(ctx.deps.liveFeed);
        const seeker = await createSeeker(ctx.deps);
        const events = await stream(await signedIn('seeker', seeker, b));
        const { client: staffOnA } = await staffOf();
        await sendInformation(staffOnA, seeker.seeker.id, [(await aJob()).jobNumber]);
        expect(data(await events.next('inbox'))).toMatchObject({ kind: 'information.jobs' });
        expect(b.deps.liveFeed.size()).toBe(1);
      } finally {
        await b.close();
      }
    },
  );
});

describe('IP-1 no stored page', () => {
  it('IP-1 without JavaScript the content is there on reload', async () => {
    const seeker = await createSeeker(ctx.deps);
    const client = await signedIn('seeker', seeker);
    const { client: staff } = await staffOf();
    const job = await aJob();
    await sendInformation(staff, seeker.seeker.id, [job.jobNumber]);
    const home = await client.get('/mypage');
    expect(home.text('#home-information-panel')).toContain(job.posting.title);
    expect(home.text('#nav-unread')).toContain('未読1件');
    expect(home.dom.querySelector('live-updates')?.getAttribute('data-cursor')).toBe('1');
  });
});
