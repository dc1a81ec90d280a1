/**
 * The mail job's idempotency key (issue 15 F3, ADR 0013, SPEC G-3): a mail's Message-ID is derived
 * from its delivery, so the same delivery sent twice (the worker killed after the SMTP server took
 * the mail but before the delivery was marked sent) is the same message, and two deliveries never
 * share one. Regression: the Message-ID used to be random per send.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailMessageId } from '../../src/adapters/mail/mailer.ts';
import { createSmtpMailer } from '../../src/adapters/mail/smtp-mailer.ts';
import { mailDeliveries } from '../../src/db/schema/index.ts';
import { deliverMail } from '../../src/modules/notifications/mail.job.ts';
import { notify } from '../../src/modules/notifications/notify.ts';
import { createSeeker } from '../support/factories.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

const registered = (accountId: string) =>
  ctx.db.transaction((tx) =>
    notify(ctx.deps, tx, {
      recipient: { accountId },
      kind: 'seeker.registered',
      data: { name: '通知 花子', seekerNumber: '13010-00000001', validUntil: '2027-01-31', opened: true },
    }),
  );

describe('G-3 one Message-ID per delivery (mail idempotency key)', () => {
  it('G-3 mailMessageId is stable per delivery, distinct across deliveries, on the site host', () => {
    const a = '0b9f3c0e-1d2a-4c3b-9e8f-7a6b5c4d3e2f';
    const b = '1b9f3c0e-1d2a-4c3b-9e8f-7a6b5c4d3e2f';
    expect(mailMessageId(a, 'https://hellowork.example.jp/')).toBe(`<delivery.${a}@hellowork.example.jp>`);
    expect(mailMessageId(a, 'http://localhost')).toBe(mailMessageId(a.toUpperCase(), 'http://localhost'));
    expect(mailMessageId(a, 'http://localhost')).not.toBe(mailMessageId(b, 'http://localhost'));
  });

  it('G-3 a delivery sent again after a crash before it was marked sent carries the same Message-ID', async () => {
    const seeker = await createSeeker(ctx.deps);
    const other = await createSeeker(ctx.deps);
    const first = await registered(seeker.account.id);
    const second = await registered(other.account.id);
    ctx.mailbox.clear();
    const mailer = createSmtpMailer(ctx.mailbox.url, ctx.deps.config.mail.from);
    const ports = { db: ctx.db, clock: ctx.clock, mailer, baseUrl: ctx.deps.config.baseUrl };
    try {
      expect(await deliverMail(ports, first!.deliveryId!)).toBe('sent');
      // The crash: the SMTP server has the mail, the delivery row was never marked sent.
      await ctx.db
        .update(mailDeliveries)
        .set({ status: 'queued', sentAt: null })
        .where(eq(mailDeliveries.id, first!.deliveryId!));
      expect(await deliverMail(ports, first!.deliveryId!)).toBe('sent');
      expect(await deliverMail(ports, second!.deliveryId!)).toBe('sent');
    } finally {
      await mailer.close();
    }
    const toSeeker = ctx.mailbox.to(seeker.email);
    expect(toSeeker).toHaveLength(2);
    expect(toSeeker[0]!.messageId).toBe(mailMessageId(first!.deliveryId!, ctx.deps.config.baseUrl));
    expect(toSeeker[1]!.messageId).toBe(toSeeker[0]!.messageId);
    const toOther = ctx.mailbox.to(other.email);
    expect(toOther[0]!.messageId).toBe(mailMessageId(second!.deliveryId!, ctx.deps.config.baseUrl));
    expect(toOther[0]!.messageId).not.toBe(toSeeker[0]!.messageId);
  });
});
