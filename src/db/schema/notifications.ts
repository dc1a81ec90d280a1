import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sqlList } from '../../domain/vocabulary.ts';
import { LOCALES } from '../../i18n/locales.ts';
import { accounts } from './accounts.ts';
import { instant } from './columns.ts';

/** Who a message in an inbox is from: Hello Work, or the other side of an application's thread. */
export const SENDER_KINDS = ['hello_work', 'employer', 'seeker'] as const;
export type SenderKind = (typeof SENDER_KINDS)[number];

export const DELIVERY_STATUSES = ['queued', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * メッセージ (SPEC MS-4): what a person reads in their MyPage inbox. One row per message; Hello Work's
 * messages have sender_kind 'hello_work' and no sender_id. A notice of a new entry in an application's
 * thread (ADR 0023) has sender_kind 'employer' or 'seeker' and sender_id = that employer or seeker.
 */
export const inboxMessages = pgTable(
  'inbox_messages',
  {
    id: uuid().primaryKey().defaultRandom(),
    recipientAccountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    senderKind: text({ enum: SENDER_KINDS }).notNull().default('hello_work'),
    /** The sending employer's or seeker's id; null for Hello Work. */
    senderId: uuid(),
    /** A notification kind (src/modules/notifications/kinds.ts); rendered in the reader's language. */
    kind: text().notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull(),
    createdAt: instant().notNull(),
    readAt: instant(),
    /**
     * The message's place in its recipient's inbox: 1, 2, 3 … in commit order (ADR 0018), drawn from
     * inbox_sequences under that row's lock. The live stream's resumable event id. Null for messages
     * written before it existed (they are never replayed to a stream).
     */
    seq: integer(),
  },
  (t) => [
    index('inbox_messages_recipient_idx').on(t.recipientAccountId, t.createdAt.desc()),
    uniqueIndex('inbox_messages_recipient_seq_key').on(t.recipientAccountId, t.seq),
    check('inbox_messages_sender_check', sql`${t.senderKind} in (${sql.raw(sqlList(SENDER_KINDS))})`),
  ],
);

/**
 * The last inbox_messages.seq handed out per account (ADR 0018). notify() increments it in its
 * transaction: the row lock makes a second message to the same account wait until the first commits,
 * so an account's sequence numbers become visible in order and a stream resuming after N misses none.
 */
export const inboxSequences = pgTable('inbox_sequences', {
  accountId: uuid()
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  lastSeq: integer().notNull(),
});

/**
 * One mail on its way to one address (SPEC G-3): the mail job carries only this row's id; the worker
 * renders kind + data in `locale`, sends, and records the outcome here, so staff can answer
 * 「メールが届かない」. Mailed codes live in `data` only until the mail is sent or the code expired.
 */
export const mailDeliveries = pgTable(
  'mail_deliveries',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Null for people without an account yet (internet signup code). */
    recipientAccountId: uuid().references(() => accounts.id, { onDelete: 'cascade' }),
    toAddress: text().notNull(),
    locale: text({ enum: LOCALES }).notNull(),
    kind: text().notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull(),
    /** The inbox message this mail announces, when the kind has one. */
    messageId: uuid().references(() => inboxMessages.id, { onDelete: 'set null' }),
    /** Makes a notification idempotent (e.g. one lapse warning per seeker and day). */
    dedupeKey: text(),
    status: text({ enum: DELIVERY_STATUSES }).notNull().default('queued'),
    attempts: integer().notNull().default(0),
    /** Why the last attempt failed (no personal data: addresses are masked). */
    lastError: text(),
    queuedAt: instant().notNull(),
    lastAttemptAt: instant(),
    sentAt: instant(),
  },
  (t) => [
    index('mail_deliveries_recipient_idx').on(t.recipientAccountId, t.queuedAt.desc()),
    index('mail_deliveries_to_address_idx').on(t.toAddress, t.queuedAt.desc()),
    uniqueIndex('mail_deliveries_dedupe_key').on(t.dedupeKey),
    check('mail_deliveries_status_check', sql`${t.status} in ('queued', 'sent', 'failed')`),
  ],
);
