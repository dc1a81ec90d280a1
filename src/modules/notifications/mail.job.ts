/**
 * The mail job (ADR 0003, 0013): its payload is a delivery id, never the text. The handler renders
 * the mail in the recipient's language, sends it through the Mailer port and records the outcome;
 * a mailed code is scrubbed from the stored data as soon as the mail is out.
 */
import { z } from 'zod';
import { type Mailer, mailMessageId } from '../../adapters/mail/mailer.ts';
import type { Ports } from '../../deps.ts';
import { defineJob, type JobSpec } from '../../platform/queue.ts';
import { isNotificationKind, KINDS, scrubbed } from './kinds.ts';
import { findDelivery, markDeliveryFailed, markDeliverySent } from './notifications.repository.ts';
import { renderMail } from './render.ts';

const mailPayload = z.object({ deliveryId: z.string().uuid() });
export type MailPayload = z.infer<typeof mailPayload>;

/** The mail job's ports: the only code that holds the mailer. */
export type MailPorts = Ports<'db' | 'clock'> & {
  mailer: Mailer;
  baseUrl: string;
  /** Counts each send attempt (hellowork_mails_total, ADR 0028). */
  countMail?: (outcome: 'sent' | 'failed') => void;
};

export const sendMailJob: JobSpec<MailPayload> = {
  name: 'mail.send',
  version: 2,
  schema: mailPayload,
  retryLimit: 8,
  retryDelaySeconds: 20,
  deleteAfterSeconds: 3600,
};

/** A failure reason fit to keep and show staff: addresses masked, one line, bounded. */
export function failureReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .replace(/[^\s<>()"',;:@]+@[^\s<>()"',;:@]+/g, '<address>')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300);
}

export async function deliverMail(
  deps: MailPorts,
  deliveryId: string,
): Promise<'sent' | 'skipped' | 'failed'> {
  const { db, clock } = deps;
  const delivery = await findDelivery(db, deliveryId);
  // Gone with its account, or already sent by an earlier run of this job: nothing to do.
  if (!delivery || delivery.status === 'sent') return 'skipped';
  const { kind } = delivery;
  if (!isNotificationKind(kind)) {
    await markDeliveryFailed(db, delivery.id, { now: clock.now(), reason: `unknown kind ${kind}` });
    return 'failed';
  }
  const secret = KINDS[kind].secret;
  if (secret && !('code' in delivery.data)) {
    // Housekeeping scrubbed the code: it expired before the mail could go out. Do not retry.
    await markDeliveryFailed(db, delivery.id, { now: clock.now(), reason: 'code expired before sending' });
    return 'failed';
  }
  const mail = renderMail(kind, delivery.data, delivery.locale, deps.baseUrl);
  try {
    // One Message-ID per delivery: a send repeated after a crash (before markDeliverySent) is the same mail.
    await deps.mailer.send({
      to: delivery.toAddress,
      ...mail,
      messageId: mailMessageId(delivery.id, deps.baseUrl),
    });
  } catch (error) {
    deps.countMail?.('failed');
    await markDeliveryFailed(db, delivery.id, { now: clock.now(), reason: failureReason(error) });
    throw error;
  }
  deps.countMail?.('sent');
  await markDeliverySent(db, delivery.id, {
    now: clock.now(),
    data: secret ? scrubbed(delivery.data) : delivery.data,
  });
  return 'sent';
}

export const mailJobDefinition = (deps: MailPorts) =>
  defineJob(sendMailJob, async ({ deliveryId }) => {
    await deliverMail(deps, deliveryId);
  });
