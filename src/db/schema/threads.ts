import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  INTERVIEW_MODES,
  OFFER_STATES,
  sqlList,
  THREAD_AUTHORS,
  THREAD_ENTRY_KINDS,
} from '../../domain/vocabulary.ts';
import { accounts } from './accounts.ts';
import { applications } from './applications.ts';
import { instant } from './columns.ts';

/**
 * An interview offer in an application's thread (ADR 0023): 1–5 slots the employer proposes, the
 * mode and place, and what became of it. At most one offer per application is open or booked.
 * `sequence` counts the changes of a booking, for the .ics SEQUENCE (calendars replace the event).
 */
export const interviewOffers = pgTable(
  'interview_offers',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Order of creation (several offers may share an instant). */
    serial: integer().generatedAlwaysAsIdentity(),
    applicationId: uuid()
      .notNull()
      .references(() => applications.id),
    mode: text({ enum: INTERVIEW_MODES }).notNull(),
    /** The address, or how to join online (a link or the instructions), as the employer wrote it. */
    place: text().notNull(),
    durationMinutes: integer().notNull(),
    state: text({ enum: OFFER_STATES }).notNull().default('open'),
    bookedSlotId: uuid(),
    sequence: integer().notNull().default(0),
    createdAt: instant().notNull(),
    updatedAt: instant().notNull(),
  },
  (t) => [
    uniqueIndex('interview_offers_live_key').on(t.applicationId).where(sql`${t.state} in ('open', 'booked')`),
    check('interview_offers_mode_check', sql`${t.mode} in (${sql.raw(sqlList(INTERVIEW_MODES))})`),
    check('interview_offers_state_check', sql`${t.state} in (${sql.raw(sqlList(OFFER_STATES))})`),
    // A booking names its slot; a cancelled or superseded booking keeps it (for the .ics cancel).
    check(
      'interview_offers_booked_check',
      sql`(${t.state} <> 'booked' or ${t.bookedSlotId} is not null) and (${t.state} <> 'open' or ${t.bookedSlotId} is null)`,
    ),
  ],
);

/** One proposed date and time of an offer (stored as an instant; shown in Asia/Tokyo). */
export const interviewSlots = pgTable(
  'interview_slots',
  {
    id: uuid().primaryKey().defaultRandom(),
    offerId: uuid()
      .notNull()
      .references(() => interviewOffers.id),
    startsAt: instant().notNull(),
  },
  (t) => [uniqueIndex('interview_slots_offer_start_key').on(t.offerId, t.startsAt)],
);

/**
 * One entry of the thread between a seeker and the employer of one application (MS-1, ADR 0023).
 * `key` is the form's own key: the same form sent twice finds this row instead of writing another.
 * `read_at` is when the other side first saw it (unread counts).
 */
export const threadEntries = pgTable(
  'thread_entries',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Order of writing: entries written in the same millisecond still read in order. */
    serial: integer().generatedAlwaysAsIdentity(),
    applicationId: uuid()
      .notNull()
      .references(() => applications.id),
    author: text({ enum: THREAD_AUTHORS }).notNull(),
    authorAccountId: uuid()
      .notNull()
      .references(() => accounts.id),
    kind: text({ enum: THREAD_ENTRY_KINDS }).notNull().default('text'),
    body: text().notNull().default(''),
    offerId: uuid().references(() => interviewOffers.id),
    /** The slot a `slot_booked` entry picked (the booking as it was then). */
    slotId: uuid().references(() => interviewSlots.id),
    key: uuid().notNull(),
    createdAt: instant().notNull(),
    readAt: instant(),
  },
  (t) => [
    uniqueIndex('thread_entries_key').on(t.applicationId, t.author, t.key),
    index('thread_entries_application_idx').on(t.applicationId, t.serial),
    // Unread counts: the entries of one side nobody on the other side has seen yet.
    index('thread_entries_unread_idx').on(t.applicationId, t.author).where(sql`${t.readAt} is null`),
    check('thread_entries_author_check', sql`${t.author} in (${sql.raw(sqlList(THREAD_AUTHORS))})`),
    check('thread_entries_kind_check', sql`${t.kind} in (${sql.raw(sqlList(THREAD_ENTRY_KINDS))})`),
    check('thread_entries_offer_check', sql`(${t.kind} = 'text') = (${t.offerId} is null)`),
  ],
);
