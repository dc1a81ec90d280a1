/**
 * The one way out (architecture habit 13, ADR 0013): a use case that tells a person something calls
 * `notify` inside its transaction. It writes the メッセージ inbox row (for kinds that belong there),
 * a delivery record whose id is the mail job's whole payload, and a live event that PostgreSQL
 * publishes on commit. Rolled back, none of them happened. The worker renders the mail.
 */
import type { Transaction } from '../../db/client.ts';
import type { Ports } from '../../deps.ts';
import type { Locale } from '../../i18n/index.ts';
import { hasChannel, KINDS, type NotificationData, type NotificationKind } from './kinds.ts';
import { sendMailJob } from './mail.job.ts';
import {
  findAccountContact,
  insertDelivery,
  insertInboxMessage,
  linkDeliveryToMessage,
  publishLiveEvent,
} from './notifications.repository.ts';

/**
 * An account (its stored e-mail and language are used; `locale` overrides the language for a mail
 * that answers a request the person is making right now), or an address without an account yet.
 */
export type Recipient = { accountId: string; locale?: Locale } | { email: string; locale: Locale };

export interface Notification<K extends NotificationKind> {
  recipient: Recipient;
  kind: K;
  data: NotificationData<K>;
  /** At most one notification per key, ever (e.g. `expiry:<seeker>:<day>`); a repeat does nothing. */
  dedupeKey?: string;
}

/** What notify uses: the clock for its rows and the queue for the mail job. */
export type NotifyPorts = Ports<'queue' | 'clock'>;

export interface Notified {
  messageId: string | null;
  deliveryId: string | null;
}

export async function notify<K extends NotificationKind>(
  deps: NotifyPorts,
  tx: Transaction,
  n: Notification<K>,
): Promise<Notified | null> {
  const spec = KINDS[n.kind];
  const data = spec.schema.parse(n.data) as Record<string, unknown>;
  const now = deps.clock.now();
  const accountId = 'accountId' in n.recipient ? n.recipient.accountId : null;
  let to: { email: string; locale: Locale };
  if (accountId) {
    const contact = await findAccountContact(tx, accountId);
    if (!contact) throw new Error(`notify: no account ${accountId}`);
    to = { email: contact.email, locale: n.recipient.locale ?? contact.locale };
  } else {
    to = n.recipient as { email: string; locale: Locale };
  }

  let deliveryId: string | null = null;
  if (hasChannel(n.kind, 'mail')) {
    const id = await insertDelivery(tx, {
      recipientAccountId: accountId,
      toAddress: to.email,
      locale: to.locale,
      kind: n.kind,
      data,
      dedupeKey: n.dedupeKey ?? null,
      now,
    });
    if (!id) return null;
    deliveryId = id;
  }
  let messageId: string | null = null;
  if (accountId && hasChannel(n.kind, 'inbox') && !spec.secret) {
    messageId = await insertInboxMessage(tx, { recipientAccountId: accountId, kind: n.kind, data, now });
    if (deliveryId) await linkDeliveryToMessage(tx, deliveryId, messageId);
  }
  if (deliveryId) await deps.queue.enqueue(sendMailJob, { deliveryId }, { tx });
  if (accountId) await publishLiveEvent(tx, { accountId, messageId, deliveryId });
  return { messageId, deliveryId };
}
