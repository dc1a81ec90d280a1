/**
 * The one way out (architecture habit 13, ADR 0013): a use case that tells a person something calls
 * `notify` inside its transaction. It writes the メッセージ inbox row (for kinds that belong there),
 * a delivery record whose id is the mail job's whole payload, and a live event that PostgreSQL
 * publishes on commit. Rolled back, none of them happened. The worker renders the mail.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from '../../db/client.ts';
import type { SenderKind } from '../../db/schema/notifications.ts';
import type { Ports } from '../../deps.ts';
import type { Locale } from '../../i18n/index.ts';
import { hasChannel, KINDS, type NotificationData, type NotificationKind } from './kinds.ts';
import { sendMailJob } from './mail.job.ts';
import {
  findAccountContacts,
  insertDeliveries,
  insertInboxMessages,
  linkDeliveriesToMessages,
  type NewDelivery,
  type NewInboxMessage,
  publishLiveEvents,
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
  /** Who the inbox row is from when not Hello Work: the other side of an application's thread. */
  sender?: { kind: Exclude<SenderKind, 'hello_work'>; id: string };
}

/** What notify uses: the clock for its rows and the queue for the mail job. */
export type NotifyPorts = Ports<'queue' | 'clock'>;

export interface Notified {
  messageId: string | null;
  deliveryId: string | null;
}

/** Tells one person; null when its dedupe key was used before (nothing is written then). */
export async function notify<K extends NotificationKind>(
  deps: NotifyPorts,
  tx: Transaction,
  n: Notification<K>,
): Promise<Notified | null> {
  const [result] = await notifyMany(deps, tx, [n]);
  return result ?? null;
}

/**
 * The same as `notify` for each notification, in a fixed number of statements however many there
 * are (an office-wide お知らせ to 500 people is seven statements, not 3,500; ADR 0018). Results are
 * in the order given.
 */
export async function notifyMany(
  deps: NotifyPorts,
  tx: Transaction,
  list: readonly Notification<NotificationKind>[],
): Promise<(Notified | null)[]> {
  if (list.length === 0) return [];
  const now = deps.clock.now();
  const accountIds = list.flatMap((n) => ('accountId' in n.recipient ? [n.recipient.accountId] : []));
  const contacts = await findAccountContacts(tx, accountIds);
  const planned = list.map((n) => {
    const spec = KINDS[n.kind];
    const data = spec.schema.parse(n.data) as Record<string, unknown>;
    const accountId = 'accountId' in n.recipient ? n.recipient.accountId : null;
    let to: { email: string; locale: Locale };
    if (accountId) {
      const contact = contacts.get(accountId);
      if (!contact) throw new Error(`notify: no account ${accountId}`);
      to = { email: contact.email, locale: n.recipient.locale ?? contact.locale };
    } else {
      to = n.recipient as { email: string; locale: Locale };
    }
    const deliveryId = hasChannel(n.kind, 'mail') ? randomUUID() : null;
    const messageId = accountId && hasChannel(n.kind, 'inbox') && !spec.secret ? randomUUID() : null;
    return { n, data, accountId, to, deliveryId, messageId };
  });

  const deliveries: NewDelivery[] = planned.flatMap((p) =>
    p.deliveryId
      ? [
          {
            id: p.deliveryId,
            recipientAccountId: p.accountId,
            toAddress: p.to.email,
            locale: p.to.locale,
            kind: p.n.kind,
            data: p.data,
            dedupeKey: p.n.dedupeKey ?? null,
            now,
          },
        ]
      : [],
  );
  const written = await insertDeliveries(tx, deliveries);
  // A delivery skipped for its dedupe key means this notification happened before: nothing more.
  const going = planned.filter((p) => !p.deliveryId || written.has(p.deliveryId));
  const messages: NewInboxMessage[] = going.flatMap((p) =>
    p.messageId && p.accountId
      ? [
          {
            id: p.messageId,
            recipientAccountId: p.accountId,
            kind: p.n.kind,
            data: p.data,
            now,
            sender: p.n.sender,
          },
        ]
      : [],
  );
  await insertInboxMessages(tx, messages);
  await linkDeliveriesToMessages(
    tx,
    going.flatMap((p) =>
      p.deliveryId && p.messageId ? [{ deliveryId: p.deliveryId, messageId: p.messageId }] : [],
    ),
  );
  await deps.queue.enqueueMany(
    sendMailJob,
    going.flatMap((p) => (p.deliveryId ? [{ deliveryId: p.deliveryId }] : [])),
    { tx },
  );
  await publishLiveEvents(
    tx,
    going.flatMap((p) =>
      p.accountId ? [{ accountId: p.accountId, messageId: p.messageId, deliveryId: p.deliveryId }] : [],
    ),
  );
  const kept = new Set(going);
  return planned.map((p) => (kept.has(p) ? { messageId: p.messageId, deliveryId: p.deliveryId } : null));
}
