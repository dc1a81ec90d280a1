/** Data access for the inbox (メッセージ), mail deliveries and live events (ADR 0013). */
import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client.ts';
import { accounts, inboxMessages, inboxSequences, mailDeliveries } from '../../db/schema/index.ts';
import type { SenderKind } from '../../db/schema/notifications.ts';
import type { Locale } from '../../i18n/index.ts';

export type MailDelivery = typeof mailDeliveries.$inferSelect;
export type InboxMessage = typeof inboxMessages.$inferSelect;

/** The PostgreSQL NOTIFY channel of live events; payloads carry ids only. */
export const LIVE_CHANNEL = 'hw_notifications';

/** The stored e-mail and language of each of these accounts (missing ones are absent). */
export async function findAccountContacts(
  db: Executor,
  accountIds: readonly string[],
): Promise<Map<string, { email: string; locale: Locale }>> {
  if (accountIds.length === 0) return new Map();
  const rows = await db
    .select({ id: accounts.id, email: accounts.email, locale: accounts.locale })
    .from(accounts)
    .where(inArray(accounts.id, [...new Set(accountIds)]));
  return new Map(rows.map((r) => [r.id, { email: r.email, locale: r.locale }]));
}

export async function setAccountLocale(db: Executor, accountId: string, locale: Locale): Promise<void> {
  await db.update(accounts).set({ locale }).where(eq(accounts.id, accountId));
}

export interface NewInboxMessage {
  id: string;
  recipientAccountId: string;
  kind: string;
  data: Record<string, unknown>;
  now: Date;
  /** Absent for Hello Work's own messages. */
  sender?: { kind: Exclude<SenderKind, 'hello_work'>; id: string };
}

/**
 * New inbox rows, each with its recipient's next sequence number (ADR 0018), in two statements. The
 * counter rows are taken in account-id order and stay locked until the caller's transaction ends:
 * a later message to the same account waits, and gets the next number only after these are
 * visible, so an account's numbers appear in commit order. Returns each message's number by id.
 */
export async function insertInboxMessages(
  db: Executor,
  rows: readonly NewInboxMessage[],
): Promise<Map<string, number>> {
  if (rows.length === 0) return new Map();
  const perAccount = new Map<string, number>();
  for (const r of rows) perAccount.set(r.recipientAccountId, (perAccount.get(r.recipientAccountId) ?? 0) + 1);
  const counters = await db
    .insert(inboxSequences)
    .values(
      [...perAccount]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([accountId, n]) => ({ accountId, lastSeq: n })),
    )
    .onConflictDoUpdate({
      target: inboxSequences.accountId,
      set: { lastSeq: sql`${inboxSequences.lastSeq} + excluded.last_seq` },
    })
    .returning({ accountId: inboxSequences.accountId, lastSeq: inboxSequences.lastSeq });
  // The batch's numbers of an account are the n up to its new last_seq, in the order given.
  const next = new Map(counters.map((c) => [c.accountId, c.lastSeq - perAccount.get(c.accountId)! + 1]));
  const seqs = new Map<string, number>();
  const values = rows.map((r) => {
    const seq = next.get(r.recipientAccountId)!;
    next.set(r.recipientAccountId, seq + 1);
    seqs.set(r.id, seq);
    return {
      id: r.id,
      recipientAccountId: r.recipientAccountId,
      senderKind: r.sender?.kind ?? ('hello_work' as const),
      senderId: r.sender?.id ?? null,
      kind: r.kind,
      data: r.data,
      createdAt: r.now,
      seq,
    };
  });
  await db.insert(inboxMessages).values(values);
  return seqs;
}

/** One inbox row (tests and single writes); see insertInboxMessages. Returns its id. */
export async function insertInboxMessage(db: Executor, row: Omit<NewInboxMessage, 'id'>): Promise<string> {
  const id = randomUUID();
  await insertInboxMessages(db, [{ ...row, id }]);
  return id;
}

/** The sequence number of the account's latest message (0 when it has none since ADR 0018). */
export async function currentInboxSeq(db: Executor, accountId: string): Promise<number> {
  const [row] = await db
    .select({ seq: inboxSequences.lastSeq })
    .from(inboxSequences)
    .where(eq(inboxSequences.accountId, accountId));
  return row?.seq ?? 0;
}

export interface InboxAfterRow {
  accountId: string;
  id: string;
  kind: string;
  seq: number;
  /** The account's unread count as of this read. */
  unread: number;
}

/**
 * For each (account, cursor): that account's messages with a sequence number above the cursor,
 * oldest first, at most `limit` each, with the account's unread count. One statement for many
 * accounts, so a notice to a thousand open streams is a handful of reads, not a thousand.
 */
export async function listInboxAfter(
  db: Executor,
  cursors: readonly { accountId: string; after: number }[],
  limit: number,
): Promise<InboxAfterRow[]> {
  if (cursors.length === 0) return [];
  const values = sql.join(
    cursors.map((c) => sql`(${c.accountId}::uuid, ${c.after}::int)`),
    sql`, `,
  );
  const rows = await queryRows<{ account_id: string; id: string; kind: string; seq: number; unread: number }>(
    db,
    sql`with c(account_id, after) as (values ${values})
        select c.account_id, m.id, m.kind, m.seq,
               (select count(*)::int from inbox_messages u
                 where u.recipient_account_id = c.account_id and u.read_at is null) as unread
          from c
          join lateral (
            select i.id, i.kind, i.seq from inbox_messages i
             where i.recipient_account_id = c.account_id and i.seq > c.after
             order by i.seq
             limit ${limit}
          ) m on true
         order by c.account_id, m.seq`,
  );
  return rows.map((r) => ({
    accountId: r.account_id,
    id: r.id,
    kind: r.kind,
    seq: Number(r.seq),
    unread: Number(r.unread),
  }));
}

export interface NewDelivery {
  /** Chosen by the caller, so that a row skipped for its dedupe key is known by its absence. */
  id: string;
  recipientAccountId: string | null;
  toAddress: string;
  locale: Locale;
  kind: string;
  data: Record<string, unknown>;
  dedupeKey: string | null;
  now: Date;
}

/** New deliveries in one statement; returns the ids written (a row whose dedupe key exists is not). */
export async function insertDeliveries(db: Executor, rows: readonly NewDelivery[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const inserted = await db
    .insert(mailDeliveries)
    .values(
      rows.map((r) => ({
        id: r.id,
        recipientAccountId: r.recipientAccountId,
        toAddress: r.toAddress,
        locale: r.locale,
        kind: r.kind,
        data: r.data,
        dedupeKey: r.dedupeKey,
        status: 'queued' as const,
        queuedAt: r.now,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: mailDeliveries.id });
  return new Set(inserted.map((r) => r.id));
}

/** Points each delivery at the inbox message it announces, in one statement. */
export async function linkDeliveriesToMessages(
  db: Executor,
  links: readonly { deliveryId: string; messageId: string }[],
): Promise<void> {
  if (links.length === 0) return;
  const values = sql.join(
    links.map((l) => sql`(${l.deliveryId}::uuid, ${l.messageId}::uuid)`),
    sql`, `,
  );
  await db.execute(
    sql`update mail_deliveries d set message_id = v.message_id
          from (values ${values}) as v(delivery_id, message_id)
         where d.id = v.delivery_id`,
  );
}

export async function findDelivery(db: Executor, id: string): Promise<MailDelivery | undefined> {
  const [row] = await db.select().from(mailDeliveries).where(eq(mailDeliveries.id, id));
  return row;
}

export async function markDeliverySent(
  db: Executor,
  id: string,
  o: { now: Date; data: Record<string, unknown> },
): Promise<void> {
  await db
    .update(mailDeliveries)
    .set({
      status: 'sent',
      data: o.data,
      attempts: sql`${mailDeliveries.attempts} + 1`,
      lastAttemptAt: o.now,
      sentAt: o.now,
      lastError: null,
    })
    .where(eq(mailDeliveries.id, id));
}

export async function markDeliveryFailed(
  db: Executor,
  id: string,
  o: { now: Date; reason: string; data?: Record<string, unknown> },
): Promise<void> {
  await db
    .update(mailDeliveries)
    .set({
      status: 'failed',
      attempts: sql`${mailDeliveries.attempts} + 1`,
      lastAttemptAt: o.now,
      lastError: o.reason,
      ...(o.data ? { data: o.data } : {}),
    })
    .where(eq(mailDeliveries.id, id));
}

/** Removes mailed codes from deliveries queued before `before` (their codes have expired); returns how many. */
export async function scrubExpiredCodes(db: Executor, before: Date): Promise<number> {
  const rows = await db
    .update(mailDeliveries)
    .set({ data: sql`${mailDeliveries.data} - 'code'` })
    .where(and(lt(mailDeliveries.queuedAt, before), sql`${mailDeliveries.data} ? 'code'`))
    .returning({ id: mailDeliveries.id });
  return rows.length;
}

/**
 * The latest deliveries to an account, newest first (staff: 「メールが届かない」), with the mails sent
 * to its address before it had an account (the internet signup key).
 */
export async function listDeliveriesForAccount(
  db: Executor,
  account: { id: string; email: string },
  limit = 20,
): Promise<MailDelivery[]> {
  return db
    .select()
    .from(mailDeliveries)
    .where(
      or(
        eq(mailDeliveries.recipientAccountId, account.id),
        and(isNull(mailDeliveries.recipientAccountId), eq(mailDeliveries.toAddress, account.email)),
      ),
    )
    .orderBy(desc(mailDeliveries.queuedAt), desc(mailDeliveries.id))
    .limit(limit);
}

export async function listInboxMessages(
  db: Executor,
  accountId: string,
  limit = 20,
): Promise<InboxMessage[]> {
  return db
    .select()
    .from(inboxMessages)
    .where(eq(inboxMessages.recipientAccountId, accountId))
    .orderBy(desc(inboxMessages.createdAt), desc(inboxMessages.id))
    .limit(limit);
}

/**
 * NOTIFY on the caller's transaction, one per payload in one statement: PostgreSQL delivers them on
 * commit, and never after a rollback.
 */
export async function publishLiveEvents(
  db: Executor,
  payloads: readonly Record<string, string | null>[],
): Promise<void> {
  if (payloads.length === 0) return;
  const values = sql.join(
    payloads.map((p) => sql`(${JSON.stringify(p)})`),
    sql`, `,
  );
  await db.execute(sql`select pg_notify(${LIVE_CHANNEL}, v.payload) from (values ${values}) as v(payload)`);
}

/** One page of an account's inbox, newest first (MS-4). */
export async function listInboxPage(
  db: Executor,
  accountId: string,
  o: { limit: number; offset: number },
): Promise<InboxMessage[]> {
  return db
    .select()
    .from(inboxMessages)
    .where(eq(inboxMessages.recipientAccountId, accountId))
    .orderBy(desc(inboxMessages.createdAt), desc(inboxMessages.id))
    .limit(o.limit)
    .offset(o.offset);
}

/** How many messages an account has, and how many of them are unread. */
export async function countInbox(
  db: Executor,
  accountId: string,
): Promise<{ total: number; unread: number }> {
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      unread: sql<number>`(count(*) filter (where ${inboxMessages.readAt} is null))::int`,
    })
    .from(inboxMessages)
    .where(eq(inboxMessages.recipientAccountId, accountId));
  return { total: Number(row?.total ?? 0), unread: Number(row?.unread ?? 0) };
}

/** A message of this account (another account's id reads as none), marked read now if it was unread. */
export async function openInboxMessage(
  db: Executor,
  accountId: string,
  id: string,
  now: Date,
): Promise<InboxMessage | undefined> {
  const owned = and(eq(inboxMessages.id, id), eq(inboxMessages.recipientAccountId, accountId));
  const [updated] = await db
    .update(inboxMessages)
    .set({ readAt: now })
    .where(and(owned, isNull(inboxMessages.readAt)))
    .returning();
  if (updated) return updated;
  const [row] = await db.select().from(inboxMessages).where(owned);
  return row;
}

/** An account's latest messages of one kind, newest first (e.g. 情報提供 on ホーム and the staff page). */
export async function listInboxByKind(
  db: Executor,
  accountId: string,
  kind: string,
  limit: number,
): Promise<InboxMessage[]> {
  return db
    .select()
    .from(inboxMessages)
    .where(and(eq(inboxMessages.recipientAccountId, accountId), eq(inboxMessages.kind, kind)))
    .orderBy(desc(inboxMessages.createdAt), desc(inboxMessages.id))
    .limit(limit);
}
