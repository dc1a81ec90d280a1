/**
 * Application threads: entries, interview offers and their slots (ADR 0023). Every read for a person
 * is scoped in the query — a seeker's by seeker id, an employer's by employer id — so another's
 * thread is simply not found (SPEC G-2, EM-1).
 */
import { and, asc, count, desc, eq, inArray, isNull, max, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  applicationDocuments,
  applications,
  employers,
  inboxMessages,
  interviewOffers,
  interviewSlots,
  jobPostings,
  seekers,
  threadEntries,
} from '../../db/schema/index.ts';
import type { OfferState, ThreadAuthor, ThreadEntryKind } from '../../domain/vocabulary.ts';
import type { ThreadFacts } from './thread.rules.ts';

export type ThreadEntry = typeof threadEntries.$inferSelect;
export type InterviewOffer = typeof interviewOffers.$inferSelect;
export type InterviewSlot = typeof interviewSlots.$inferSelect;

/** Whose thread: the seeker's own applications, or the applications to the employer's jobs. */
export interface ThreadOwner {
  side: ThreadAuthor;
  /** seekers.id or employers.id. */
  id: string;
}

export interface ThreadContext extends ThreadFacts {
  applicationId: string;
  state: string;
  seekerAccountId: string;
  seekerName: string;
  employerId: string;
  employerAccountId: string | null;
  employerName: string;
  jobNumber: string;
  title: string;
}

/**
 * The application as a thread sees it, or undefined when it is not the owner's. With `lock`, the
 * application row stays locked to the end of the transaction: writers of one thread queue up.
 */
export async function findThread(
  db: Executor,
  owner: ThreadOwner,
  applicationId: string,
  opts: { lock?: boolean } = {},
): Promise<ThreadContext | undefined> {
  const scope =
    owner.side === 'seeker' ? eq(applications.seekerId, owner.id) : eq(applications.employerId, owner.id);
  const query = db
    .select({
      applicationId: applications.id,
      state: applications.state,
      seekerAccountId: seekers.accountId,
      seekerName: seekers.name,
      employerId: employers.id,
      employerAccountId: employers.accountId,
      employerName: employers.name,
      jobNumber: jobPostings.jobNumber,
      title: jobPostings.title,
    })
    .from(applications)
    .innerJoin(seekers, eq(seekers.id, applications.seekerId))
    .innerJoin(employers, eq(employers.id, applications.employerId))
    .innerJoin(jobPostings, eq(jobPostings.id, applications.jobId))
    .where(and(eq(applications.id, applicationId), scope));
  const [row] = opts.lock ? await query.for('update', { of: applications }) : await query;
  if (!row) return undefined;
  const facts = (await listThreadFacts(db, [applicationId], owner.side)).get(applicationId);
  if (!facts) return undefined;
  const { unread: _unread, ...threadFacts } = facts;
  return { ...row, ...threadFacts, jobNumber: row.jobNumber ?? '' };
}

export interface NewEntry {
  applicationId: string;
  author: ThreadAuthor;
  authorAccountId: string;
  kind: ThreadEntryKind;
  body: string;
  offerId: string | null;
  slotId: string | null;
  key: string;
  createdAt: Date;
}

/** Writes an entry; the same form's key sent again returns the first one and `created: false`. */
export async function insertEntry(
  db: Executor,
  row: NewEntry,
): Promise<{ entry: ThreadEntry; created: boolean }> {
  const [created] = await db.insert(threadEntries).values(row).onConflictDoNothing().returning();
  if (created) return { entry: created, created: true };
  const [first] = await db
    .select()
    .from(threadEntries)
    .where(
      and(
        eq(threadEntries.applicationId, row.applicationId),
        eq(threadEntries.author, row.author),
        eq(threadEntries.key, row.key),
      ),
    );
  if (!first) throw new Error('thread entry vanished');
  return { entry: first, created: false };
}

/** Whether this form's key was used in this thread already (a repeat finds what it did). */
export async function findEntryByKey(
  db: Executor,
  applicationId: string,
  author: ThreadAuthor,
  key: string,
): Promise<ThreadEntry | undefined> {
  const [row] = await db
    .select()
    .from(threadEntries)
    .where(
      and(
        eq(threadEntries.applicationId, applicationId),
        eq(threadEntries.author, author),
        eq(threadEntries.key, key),
      ),
    );
  return row;
}

/** The thread, oldest first (a conversation reads downwards). */
export function listEntries(db: Executor, applicationId: string): Promise<ThreadEntry[]> {
  return db
    .select()
    .from(threadEntries)
    .where(eq(threadEntries.applicationId, applicationId))
    .orderBy(asc(threadEntries.serial));
}

/**
 * The reader has seen the thread: the other side's entries get their read time, and the reader's
 * inbox notices about this application's thread are marked read with them.
 */
export async function markThreadRead(
  db: Executor,
  applicationId: string,
  reader: { side: ThreadAuthor; accountId: string },
  now: Date,
): Promise<number> {
  const marked = await db
    .update(threadEntries)
    .set({ readAt: now })
    .where(
      and(
        eq(threadEntries.applicationId, applicationId),
        ne(threadEntries.author, reader.side),
        isNull(threadEntries.readAt),
      ),
    )
    .returning({ id: threadEntries.id });
  await db
    .update(inboxMessages)
    .set({ readAt: now })
    .where(
      and(
        eq(inboxMessages.recipientAccountId, reader.accountId),
        eq(inboxMessages.kind, 'application.message'),
        sql`${inboxMessages.data}->>'applicationId' = ${applicationId}`,
        isNull(inboxMessages.readAt),
      ),
    );
  return marked.length;
}

/** Unread entries written by the other side, per application (absent: none). */
export async function unreadByApplication(
  db: Executor,
  applicationIds: readonly string[],
  reader: ThreadAuthor,
): Promise<Map<string, number>> {
  if (applicationIds.length === 0) return new Map();
  const rows = await db
    .select({ id: threadEntries.applicationId, n: count() })
    .from(threadEntries)
    .where(
      and(
        inArray(threadEntries.applicationId, [...applicationIds]),
        ne(threadEntries.author, reader),
        isNull(threadEntries.readAt),
      ),
    )
    .groupBy(threadEntries.applicationId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** All unread entries from applicants to this employer's jobs (the employer's navigation count). */
export async function countEmployerUnread(db: Executor, employerId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(threadEntries)
    .innerJoin(applications, eq(applications.id, threadEntries.applicationId))
    .where(
      and(
        eq(applications.employerId, employerId),
        eq(threadEntries.author, 'seeker'),
        isNull(threadEntries.readAt),
      ),
    );
  return row?.n ?? 0;
}

/**
 * The employer's inbox (MS-1): every application to its jobs (one job, or all) with a thread, the
 * most recently active first, with its unread count.
 */
export async function listEmployerThreads(
  db: Executor,
  employerId: string,
  opts: { jobId?: number; limit: number; offset: number },
) {
  const where = and(
    eq(applications.employerId, employerId),
    opts.jobId ? eq(applications.jobId, opts.jobId) : undefined,
  );
  const last = max(threadEntries.createdAt);
  const unread =
    sql<number>`count(*) filter (where ${threadEntries.author} = 'seeker' and ${threadEntries.readAt} is null)`.mapWith(
      Number,
    );
  const rows = await db
    .select({
      applicationId: applications.id,
      state: applications.state,
      seekerName: seekers.name,
      jobNumber: jobPostings.jobNumber,
      title: jobPostings.title,
      lastAt: last,
      entries: count(),
      unread,
    })
    .from(threadEntries)
    .innerJoin(applications, eq(applications.id, threadEntries.applicationId))
    .innerJoin(seekers, eq(seekers.id, applications.seekerId))
    .innerJoin(jobPostings, eq(jobPostings.id, applications.jobId))
    .where(where)
    .groupBy(applications.id, seekers.name, jobPostings.jobNumber, jobPostings.title)
    .orderBy(desc(last), desc(applications.id))
    .limit(opts.limit)
    .offset(opts.offset);
  const [total] = await db
    .select({ n: sql<number>`count(distinct ${threadEntries.applicationId})`.mapWith(Number) })
    .from(threadEntries)
    .innerJoin(applications, eq(applications.id, threadEntries.applicationId))
    .where(where);
  return { rows, total: total?.n ?? 0 };
}

// ── interview offers ───────────────────────────────────────────────────────────────────────────

export interface OfferWithSlots {
  offer: InterviewOffer;
  slots: InterviewSlot[];
}

/** Every offer of the thread with its slots (time order), oldest offer first. */
export async function listOffers(db: Executor, applicationId: string): Promise<OfferWithSlots[]> {
  const offers = await db
    .select()
    .from(interviewOffers)
    .where(eq(interviewOffers.applicationId, applicationId))
    .orderBy(asc(interviewOffers.serial));
  if (offers.length === 0) return [];
  const slots = await db
    .select()
    .from(interviewSlots)
    .where(
      inArray(
        interviewSlots.offerId,
        offers.map((o) => o.id),
      ),
    )
    .orderBy(asc(interviewSlots.startsAt));
  return offers.map((offer) => ({ offer, slots: slots.filter((s) => s.offerId === offer.id) }));
}

/** One offer of this application with its slots (undefined when it is another thread's). */
export async function findOffer(
  db: Executor,
  applicationId: string,
  offerId: string,
): Promise<OfferWithSlots | undefined> {
  const [offer] = await db
    .select()
    .from(interviewOffers)
    .where(and(eq(interviewOffers.id, offerId), eq(interviewOffers.applicationId, applicationId)));
  if (!offer) return undefined;
  const slots = await db
    .select()
    .from(interviewSlots)
    .where(eq(interviewSlots.offerId, offerId))
    .orderBy(asc(interviewSlots.startsAt));
  return { offer, slots };
}

/** The open or booked offer of the application, if any (at most one: interview_offers_live_key). */
export async function findLiveOffer(
  db: Executor,
  applicationId: string,
): Promise<InterviewOffer | undefined> {
  const [row] = await db
    .select()
    .from(interviewOffers)
    .where(
      and(
        eq(interviewOffers.applicationId, applicationId),
        inArray(interviewOffers.state, ['open', 'booked']),
      ),
    );
  return row;
}

export async function insertOffer(
  db: Executor,
  row: {
    applicationId: string;
    mode: InterviewOffer['mode'];
    place: string;
    durationMinutes: number;
    starts: readonly Date[];
    now: Date;
  },
): Promise<OfferWithSlots> {
  const [offer] = await db
    .insert(interviewOffers)
    .values({
      applicationId: row.applicationId,
      mode: row.mode,
      place: row.place,
      durationMinutes: row.durationMinutes,
      createdAt: row.now,
      updatedAt: row.now,
    })
    .returning();
  if (!offer) throw new Error('offer not written');
  const slots = await db
    .insert(interviewSlots)
    .values(row.starts.map((startsAt) => ({ offerId: offer.id, startsAt })))
    .returning();
  slots.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return { offer, slots };
}

/** Moves an offer to another state; a booking (or a change of it) bumps the .ics sequence. */
export async function setOfferState(
  db: Executor,
  offerId: string,
  next: { state: OfferState; bookedSlotId?: string | null; now: Date },
): Promise<void> {
  await db
    .update(interviewOffers)
    .set({
      state: next.state,
      ...(next.bookedSlotId !== undefined ? { bookedSlotId: next.bookedSlotId } : {}),
      sequence: sql`${interviewOffers.sequence} + 1`,
      updatedAt: next.now,
    })
    .where(eq(interviewOffers.id, offerId));
}

/**
 * For a list of applications (応募中求人一覧): what decides whether their threads are open, and the
 * reader's unread count, in one statement.
 */
export async function listThreadFacts(
  db: Executor,
  applicationIds: readonly string[],
  reader: ThreadAuthor,
): Promise<Map<string, ThreadFacts & { unread: number }>> {
  if (applicationIds.length === 0) return new Map();
  const pending = sql<number>`(select count(*) from ${applicationDocuments}
      where ${applicationDocuments.applicationId} = ${applications.id}
        and ${applicationDocuments.scanState} = 'pending'
        and ${applicationDocuments.storageKey} is not null)`.mapWith(Number);
  const unread = sql<number>`(select count(*) from ${threadEntries}
      where ${threadEntries.applicationId} = ${applications.id}
        and ${threadEntries.author} <> ${reader}
        and ${threadEntries.readAt} is null)`.mapWith(Number);
  const rows = await db
    .select({
      id: applications.id,
      appliedAt: applications.appliedAt,
      seekerActive: seekers.active,
      seekerValidUntil: seekers.validUntil,
      employerOpenedAt: employers.mypageOpenedAt,
      employerAccountId: employers.accountId,
      pending,
      unread,
    })
    .from(applications)
    .innerJoin(seekers, eq(seekers.id, applications.seekerId))
    .innerJoin(employers, eq(employers.id, applications.employerId))
    .where(inArray(applications.id, [...applicationIds]));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        appliedAt: r.appliedAt,
        pendingScans: r.pending,
        seeker: { active: r.seekerActive, validUntil: r.seekerValidUntil },
        employerMypageOpened: r.employerOpenedAt !== null && r.employerAccountId !== null,
        unread: r.unread,
      },
    ]),
  );
}
