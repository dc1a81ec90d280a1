/**
 * The one outbound path (ADR 0013, SPEC G-3, MS-4, MP-9): notify() inside the use case's
 * transaction writes the inbox row and the delivery record, queues the mail by id and publishes a
 * live event on commit; the worker renders the mail in the recipient's stored language.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { accounts, inboxMessages, mailDeliveries, seekers } from '../../src/db/schema/index.ts';
import { runHousekeeping } from '../../src/modules/accounts/housekeeping.job.ts';
import { completeOpen, requestOpenCode } from '../../src/modules/accounts/open-mypage.ts';
import { requestPasswordReset } from '../../src/modules/accounts/reset-password.ts';
import { createLiveEvents, type LiveEvent } from '../../src/modules/notifications/live-events.ts';
import { notify, notifyMany } from '../../src/modules/notifications/notify.ts';
import { completeSignup } from '../../src/modules/registration/complete-signup.ts';
import { requestSignupCode } from '../../src/modules/registration/request-signup-code.ts';
import { expiryWarningJob } from '../../src/modules/seekers/expiry-warning.job.ts';
import { addDays, tokyoDate } from '../../src/platform/dates.ts';
import { createSeeker, createStaff, PASSWORD, uniqueEmail } from '../support/factories.ts';
import { codeIn } from '../support/mailbox.ts';
import { signInAs } from '../support/sign-in.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

const deliveriesOf = (accountId: string) =>
  ctx.db.select().from(mailDeliveries).where(eq(mailDeliveries.recipientAccountId, accountId));
const inboxOf = (accountId: string) =>
  ctx.db.select().from(inboxMessages).where(eq(inboxMessages.recipientAccountId, accountId));
const mailJobs = async () =>
  (
    await queryRows<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from pgboss.job where name = 'mail.send' and state in ('created', 'retry')`,
    )
  )[0]!.n;

const registered = (accountId: string) =>
  ctx.db.transaction((tx) =>
    notify(ctx.deps, tx, {
      recipient: { accountId },
      kind: 'seeker.registered',
      data: { name: '通知 花子', seekerNumber: '13010-00000001', validUntil: '2027-01-31', opened: true },
    }),
  );

async function staffPage(seekerId: string) {
  const staff = await createStaff(ctx.deps);
  const client = ctx.client();
  await signInAs(client, 'staff', staff.email, staff.password);
  return client.get(`/staff/seekers/${seekerId}`);
}

describe('G-3 the recipient’s language', () => {
  it('G-3 a seeker who signs in in English is mailed in English by the worker; staff-registered people stay in Japanese', async () => {
    const english = await createSeeker(ctx.deps, { validUntil: addDays(tokyoDate(ctx.clock.now()), 3) });
    const japanese = await createSeeker(ctx.deps, { validUntil: addDays(tokyoDate(ctx.clock.now()), 3) });
    const client = ctx.client();
    await client.get('/locale?lang=en&next=/');
    await signInAs(client, 'seeker', english.email, english.password);
    const [stored] = await ctx.db.select().from(accounts).where(eq(accounts.id, english.account.id));
    expect(stored?.locale).toBe('en');

    await ctx.deps.queue.enqueue(expiryWarningJob, {});
    await ctx.drain();
    expect(ctx.mailbox.last(english.email)?.subject).toBe('Your job seeker registration expires soon');
    expect(ctx.mailbox.last(english.email)?.text).toContain('Dear');
    expect(ctx.mailbox.last(japanese.email)?.subject).toBe('求職登録の有効期限が近づいています');
  });

  it('MP-6 an internet signup in English: the key mail (no account yet) is English and the new account keeps English', async () => {
    const email = uniqueEmail('signup-en');
    await requestSignupCode(ctx.deps, { email, locale: 'en', ip: '198.51.100.20' });
    await ctx.drain();
    const mail = ctx.mailbox.last(email);
    expect(mail?.text).toContain('Verification key');
    const [delivery] = await ctx.db.select().from(mailDeliveries).where(eq(mailDeliveries.toAddress, email));
    expect(delivery).toMatchObject({ recipientAccountId: null, locale: 'en', status: 'sent' });
    const result = await completeSignup(ctx.deps, {
      email,
      password: PASSWORD,
      code: codeIn(mail),
      ip: '198.51.100.20',
      locale: 'en',
    });
    expect(result.ok).toBe(true);
    const [account] = await ctx.db.select().from(accounts).where(eq(accounts.email, email));
    expect(account?.locale).toBe('en');
  });

  it('MP-2 opening MyPage in English mails the key in English and stores English on the account', async () => {
    const seeker = await createSeeker(ctx.deps, { opened: false, birthDate: '1991-02-03' });
    await requestOpenCode(ctx.deps, {
      role: 'seeker',
      email: seeker.email,
      proof: '1991-02-03',
      locale: 'en',
      ip: '198.51.100.21',
    });
    await ctx.drain();
    const mail = ctx.mailbox.last(seeker.email);
    expect(mail?.text).toContain('Dear 試験 太郎');
    const result = await completeOpen(ctx.deps, {
      role: 'seeker',
      email: seeker.email,
      password: PASSWORD,
      code: codeIn(mail),
      ip: '198.51.100.21',
      locale: 'en',
    });
    expect(result.ok).toBe(true);
    const [account] = await ctx.db.select().from(accounts).where(eq(accounts.id, seeker.account.id));
    expect(account?.locale).toBe('en');
  });

  it('G-3 switching language while signed in changes the stored locale', async () => {
    const seeker = await createSeeker(ctx.deps);
    const client = ctx.client();
    await signInAs(client, 'seeker', seeker.email, seeker.password);
    const locale = async () =>
      (await ctx.db.select().from(accounts).where(eq(accounts.id, seeker.account.id)))[0]?.locale;
    expect(await locale()).toBe('ja');
    await client.get('/locale?lang=en&next=/mypage');
    expect(await locale()).toBe('en');
    await client.get('/locale?lang=ja&next=/mypage');
    expect(await locale()).toBe('ja');
  });
});

describe('G-3 delivery records', () => {
  it('G-3 MS-4 a notice writes an inbox row and a delivery that goes queued → sent, shown to staff', async () => {
    const seeker = await createSeeker(ctx.deps);
    const notified = await registered(seeker.account.id);
    const [queued] = await deliveriesOf(seeker.account.id);
    expect(queued).toMatchObject({ status: 'queued', attempts: 0, kind: 'seeker.registered', locale: 'ja' });
    expect(queued?.messageId).toBe(notified?.messageId);
    const [message] = await inboxOf(seeker.account.id);
    expect(message).toMatchObject({ kind: 'seeker.registered', senderKind: 'hello_work', readAt: null });

    // The job carries the delivery's id, not the mail.
    const [job] = await queryRows<{ data: { p: unknown } }>(
      ctx.db,
      sql`select data from pgboss.job where name = 'mail.send' and state = 'created'`,
    );
    expect(job?.data.p).toEqual({ deliveryId: queued!.id });

    expect(await ctx.drain()).toBe(1);
    expect(ctx.mailbox.last(seeker.email)?.subject).toBe('求職登録完了のお知らせ');
    const [sent] = await deliveriesOf(seeker.account.id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(sent?.sentAt).toEqual(ctx.clock.now());

    const res = await staffPage(seeker.seeker.id);
    const rows = res.dom.querySelectorAll('#deliveries tbody tr');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.text).toContain('求職登録完了のお知らせ');
    expect(rows[0]?.text).toContain('送信済み');
  });

  it('G-3 a mail the SMTP server refuses is recorded as failed with the reason, without the address', async () => {
    const seeker = await createSeeker(ctx.deps);
    ctx.mailbox.refuse(seeker.email);
    await registered(seeker.account.id);
    await expect(ctx.drain()).rejects.toThrow();
    const [failed] = await deliveriesOf(seeker.account.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed?.lastError).toContain('550');
    expect(failed?.lastError).not.toContain(seeker.email);
    expect(failed?.sentAt).toBeNull();

    const res = await staffPage(seeker.seeker.id);
    const row = res.dom.querySelector('#deliveries tbody tr');
    expect(row?.text).toContain('送信失敗');
    expect(row?.text).toContain('550');
    expect(row?.text).not.toContain(seeker.email);
  });

  it('G-3 staff also see the mails sent to the address before it had an account (the signup key)', async () => {
    const email = uniqueEmail('before-account');
    await ctx.db.transaction((tx) =>
      notify(ctx.deps, tx, {
        recipient: { email, locale: 'ja' },
        kind: 'account.signup_key',
        data: { code: '112233', expires: ctx.clock.now().toISOString() },
      }),
    );
    await ctx.drain();
    const seeker = await createSeeker(ctx.deps, { email });
    const res = await staffPage(seeker.seeker.id);
    const row = res.dom.querySelector('#deliveries tbody tr');
    expect(row?.text).toContain('マイページ開設の認証キー');
    expect(row?.text).toContain('送信済み');
    expect(res.html).not.toContain('112233');
  });

  it('G-3 a rolled-back transaction leaves no inbox row, no delivery and no job', async () => {
    const seeker = await createSeeker(ctx.deps);
    const jobsBefore = await mailJobs();
    await expect(
      ctx.db.transaction(async (tx) => {
        await notify(ctx.deps, tx, {
          recipient: { accountId: seeker.account.id },
          kind: 'seeker.registered_at_office',
          data: { name: '取消 次郎', seekerNumber: '13010-00000002', validUntil: '2027-01-31' },
        });
        throw new Error('the use case failed after notifying');
      }),
    ).rejects.toThrow('the use case failed');
    expect(await inboxOf(seeker.account.id)).toHaveLength(0);
    expect(await deliveriesOf(seeker.account.id)).toHaveLength(0);
    expect(await mailJobs()).toBe(jobsBefore);
    expect(await ctx.drain()).toBe(0);
    expect(ctx.mailbox.to(seeker.email)).toHaveLength(0);
  });
});

describe('G-3 mailed codes', () => {
  it('G-3 the reset key reaches the mail, then is scrubbed from the stored delivery; no inbox row', async () => {
    const seeker = await createSeeker(ctx.deps);
    await requestPasswordReset(ctx.deps, {
      role: 'seeker',
      email: seeker.email,
      locale: 'ja',
      ip: '198.51.100.7',
    });
    const [queued] = await deliveriesOf(seeker.account.id);
    expect(queued?.data).toHaveProperty('code');
    await ctx.drain();
    const code = codeIn(ctx.mailbox.last(seeker.email));
    const [sent] = await deliveriesOf(seeker.account.id);
    expect(sent?.status).toBe('sent');
    expect(sent?.data).not.toHaveProperty('code');
    expect(JSON.stringify(sent?.data)).not.toContain(code);
    expect(await inboxOf(seeker.account.id)).toHaveLength(0);
    const jobs = await queryRows<{ data: unknown }>(
      ctx.db,
      sql`select data from pgboss.job where name = 'mail.send'`,
    );
    expect(JSON.stringify(jobs)).not.toContain(code);
  });

  it('G-3 a code whose mail never went out is scrubbed by housekeeping and then not mailed', async () => {
    const seeker = await createSeeker(ctx.deps);
    await requestPasswordReset(ctx.deps, {
      role: 'seeker',
      email: seeker.email,
      locale: 'ja',
      ip: '198.51.100.8',
    });
    ctx.clock.advanceMinutes(61);
    expect((await runHousekeeping(ctx.deps)).scrubbedCodes).toBe(1);
    const [scrubbed] = await deliveriesOf(seeker.account.id);
    expect(scrubbed?.data).not.toHaveProperty('code');
    await ctx.drain();
    expect(ctx.mailbox.to(seeker.email)).toHaveLength(0);
    const [failed] = await deliveriesOf(seeker.account.id);
    expect(failed).toMatchObject({ status: 'failed', lastError: 'code expired before sending' });
  });
});

describe('MP-9 the lapse warning goes through the queue', () => {
  it('MP-9 once per seeker and day, as an inbox message and a mail, even when the job runs again', async () => {
    const today = tokyoDate(ctx.clock.now());
    const seeker = await createSeeker(ctx.deps, { validUntil: addDays(today, 2), name: '期限 三郎' });
    const run = async () => {
      await ctx.deps.queue.enqueue(expiryWarningJob, {});
      await ctx.drain();
    };
    await run();
    // Even if the mark were lost (a crash between runs), the same day does not warn twice.
    await ctx.db.update(seekers).set({ expiryWarnedFor: null }).where(eq(seekers.id, seeker.seeker.id));
    await run();
    expect(ctx.mailbox.to(seeker.email)).toHaveLength(1);
    expect(await deliveriesOf(seeker.account.id)).toHaveLength(1);
    const inbox = await inboxOf(seeker.account.id);
    expect(inbox.map((m) => m.kind)).toEqual(['seeker.registration_expiring']);
  });
});

describe('G-3 MS-4 notifyMany (the batch form of notify, ADR 0018)', () => {
  it('G-3 MS-4 many at once: each is as notify would write it; a used dedupe key is skipped alone; an account’s messages are numbered in order', async () => {
    const a = await createSeeker(ctx.deps);
    const b = await createSeeker(ctx.deps);
    const expiring = (accountId: string, validUntil: string, dedupeKey?: string) => ({
      recipient: { accountId },
      kind: 'seeker.registration_expiring' as const,
      data: { name: '一括 太郎', validUntil },
      ...(dedupeKey ? { dedupeKey } : {}),
    });
    const first = await ctx.db.transaction((tx) =>
      notify(ctx.deps, tx, expiring(a.account.id, '2027-01-31', 'batch:a')),
    );
    expect(first).not.toBeNull();
    const jobsBefore = await mailJobs();
    const results = await ctx.db.transaction((tx) =>
      notifyMany(ctx.deps, tx, [
        expiring(a.account.id, '2027-02-28', 'batch:a'), // used before: skipped
        expiring(a.account.id, '2027-03-31'),
        expiring(b.account.id, '2027-04-30'),
        expiring(a.account.id, '2027-05-31'),
      ]),
    );
    expect(results[0]).toBeNull();
    expect(results.slice(1).every((r) => r?.messageId && r.deliveryId)).toBe(true);
    expect(await mailJobs()).toBe(jobsBefore + 3);
    const inboxA = (await inboxOf(a.account.id)).sort((x, y) => x.seq! - y.seq!);
    expect(inboxA.map((m) => [m.seq, (m.data as { validUntil: string }).validUntil])).toEqual([
      [1, '2027-01-31'],
      [2, '2027-03-31'],
      [3, '2027-05-31'],
    ]);
    expect((await inboxOf(b.account.id)).map((m) => m.seq)).toEqual([1]);
    const deliveries = await deliveriesOf(a.account.id);
    expect(deliveries).toHaveLength(3);
    expect(deliveries.every((d) => inboxA.some((m) => m.id === d.messageId))).toBe(true);
    await ctx.drain();
  });
});

describe('IP-1 live events', () => {
  it('IP-1 a listener hears ids only, after commit, and nothing after a rollback', async () => {
    const seeker = await createSeeker(ctx.deps);
    const live = createLiveEvents(ctx.deps.dbHandle);
    const heard: LiveEvent[] = [];
    const raw: string[] = [];
    const stop = await live.subscribe((e) => {
      heard.push(e);
      raw.push(JSON.stringify(e));
    });
    try {
      let inside = -1;
      const notified = await ctx.db.transaction(async (tx) => {
        const r = await notify(ctx.deps, tx, {
          recipient: { accountId: seeker.account.id },
          kind: 'seeker.registration_expiring',
          data: { name: '生配信 四郎', validUntil: '2027-01-31' },
        });
        // Not yet committed: nobody has heard of it.
        await new Promise((resolve) => setTimeout(resolve, 100));
        inside = heard.filter((e) => e.messageId === r?.messageId).length;
        return r;
      });
      await waitFor(() => heard.some((e) => e.messageId === notified?.messageId));
      expect(inside).toBe(0);
      const event = heard.find((e) => e.messageId === notified?.messageId);
      expect(event).toEqual({
        accountId: seeker.account.id,
        messageId: notified!.messageId,
        deliveryId: notified!.deliveryId,
      });
      expect(raw.join()).not.toContain(seeker.email);
      expect(raw.join()).not.toContain('生配信');

      const before = heard.length;
      await ctx.db
        .transaction(async (tx) => {
          await notify(ctx.deps, tx, {
            recipient: { accountId: seeker.account.id },
            kind: 'seeker.registration_expiring',
            data: { name: '生配信 四郎', validUntil: '2027-02-28' },
          });
          throw new Error('rollback');
        })
        .catch(() => {});
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(heard.length).toBe(before);
    } finally {
      await stop();
      await live.close();
      await ctx.drain();
    }
  });

  it('IP-1 the composition hands every process its live events (deps.liveEvents)', async () => {
    const seeker = await createSeeker(ctx.deps);
    const heard: LiveEvent[] = [];
    const stop = await ctx.deps.liveEvents.subscribe((e) => heard.push(e));
    try {
      const notified = await ctx.db.transaction((tx) =>
        notify(ctx.deps, tx, {
          recipient: { accountId: seeker.account.id },
          kind: 'seeker.registration_expiring',
          data: { name: '生配信 五郎', validUntil: '2027-03-31' },
        }),
      );
      await waitFor(() => heard.some((e) => e.messageId === notified?.messageId));
    } finally {
      await stop();
      await ctx.drain();
    }
  });
});

async function waitFor(check: () => boolean, ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting for a live event');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
