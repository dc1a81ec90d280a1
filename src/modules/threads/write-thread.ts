/**
 * Writing in an application's thread (SPEC MS-1..MS-3, ADR 0023): a message, or a step of arranging
 * an interview. Every write runs the same way, in one transaction with the application row locked
 * and the clock read once: the thread must be the writer's (else null, a 404); a form sent again
 * finds what it did the first time; the thread must be open to writing (MS-1..MS-3, checked here
 * whatever the page showed); the step's own rule; then the entry and, through `notify`, a notice in
 * the other side's inbox and a mail. Rolled back, none of it happened.
 */
import type { Transaction } from '../../db/client.ts';
import type { Ports } from '../../deps.ts';
import type { ThreadAuthor, ThreadEntryKind } from '../../domain/vocabulary.ts';
import { notifyMany } from '../notifications/notify.ts';
import {
  type BookRefusal,
  bookRefusal,
  checkOffer,
  mayCancelBooking,
  mayDecline,
  type OfferInput,
} from './interview.rules.ts';
import { messageProblem, normaliseMessage, type ThreadRefusal, threadRefusal } from './thread.rules.ts';
import {
  findEntryByKey,
  findLiveOffer,
  findOffer,
  findThread,
  insertEntry,
  insertOffer,
  setOfferState,
  type ThreadContext,
  type ThreadEntry,
} from './threads.repository.ts';

export type ThreadDeps = Ports<'db' | 'clock' | 'queue'> & { config: { messageHoldMs: number } };

/** Who writes: the side, its seeker or employer id, and its account. */
export interface Writer {
  side: ThreadAuthor;
  id: string;
  accountId: string;
}

export type WriteRefusal = ThreadRefusal | BookRefusal | 'invalid' | 'not_offered' | 'not_cancellable';
export type WriteOutcome =
  | { ok: true; entry: ThreadEntry; repeated: boolean }
  | { ok: false; refusal: WriteRefusal };

/** What a step writes, or why it may not. */
type Step =
  | {
      kind: ThreadEntryKind;
      body: string;
      offerId?: string;
      slotId?: string;
      /** The slot the notice names (booked or cancelled). */
      startsAt?: Date;
    }
  | { refusal: WriteRefusal };

async function write(
  deps: ThreadDeps,
  writer: Writer,
  applicationId: string,
  key: string,
  step: (tx: Transaction, thread: ThreadContext, now: Date) => Promise<Step>,
): Promise<WriteOutcome | null> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx): Promise<WriteOutcome | null> => {
    const thread = await findThread(tx, writer, applicationId, { lock: true });
    if (!thread) return null;
    const earlier = await findEntryByKey(tx, applicationId, writer.side, key);
    if (earlier) return { ok: true, entry: earlier, repeated: true };
    const closed = threadRefusal(thread, now, deps.config.messageHoldMs);
    if (closed) return { ok: false, refusal: closed };
    const planned = await step(tx, thread, now);
    if ('refusal' in planned) return { ok: false, refusal: planned.refusal };
    const { entry } = await insertEntry(tx, {
      applicationId,
      author: writer.side,
      authorAccountId: writer.accountId,
      kind: planned.kind,
      body: planned.body,
      offerId: planned.offerId ?? null,
      slotId: planned.slotId ?? null,
      key,
      createdAt: now,
    });
    const other: ThreadAuthor = writer.side === 'seeker' ? 'employer' : 'seeker';
    const accountOf = (side: ThreadAuthor) =>
      side === 'seeker' ? thread.seekerAccountId : thread.employerAccountId;
    // The other side is told; a booking is confirmed to the one who booked as well (from Hello Work).
    const recipients = planned.kind === 'slot_booked' ? [other, writer.side] : [other];
    await notifyMany(
      deps,
      tx,
      recipients.flatMap((to) => {
        // threadRefusal made sure an employer who writes or is written to has an account.
        const accountId = accountOf(to);
        if (!accountId) return [];
        return [
          {
            recipient: { accountId },
            kind: 'application.message' as const,
            data: {
              applicationId,
              jobNumber: thread.jobNumber,
              title: thread.title,
              employerName: thread.employerName,
              from: writer.side,
              to,
              entry: planned.kind,
              ...(planned.startsAt ? { startsAt: planned.startsAt.toISOString() } : {}),
            },
            ...(to === other ? { sender: { kind: writer.side, id: writer.id } } : {}),
            dedupeKey: `thread:${entry.id}:${to}`,
          },
        ];
      }),
    );
    return { ok: true, entry, repeated: false };
  });
}

/** 「新規メッセージを作成」 → 送信 (MS-1): a written message to the other side. */
export function postMessage(
  deps: ThreadDeps,
  writer: Writer,
  applicationId: string,
  input: { key: string; body: string },
): Promise<WriteOutcome | null> {
  const body = normaliseMessage(input.body);
  return write(deps, writer, applicationId, input.key, async () =>
    messageProblem(body, true) ? { refusal: 'invalid' } : { kind: 'text', body },
  );
}

/**
 * The employer offers 1–5 interview slots (a new offer replaces an open or booked one: that is how
 * the employer changes a booked date; the seeker is told in the same notice).
 */
export function offerInterview(
  deps: ThreadDeps,
  writer: Writer,
  applicationId: string,
  input: { key: string; offer: OfferInput; note: string },
): Promise<WriteOutcome | null> {
  const note = normaliseMessage(input.note);
  return write(deps, writer, applicationId, input.key, async (tx, thread, now) => {
    if (writer.side !== 'employer') return { refusal: 'not_offered' };
    const checked = checkOffer(input.offer, now);
    if (!checked.ok || messageProblem(note, false)) return { refusal: 'invalid' };
    const live = await findLiveOffer(tx, thread.applicationId);
    if (live) await setOfferState(tx, live.id, { state: 'superseded', now });
    const { offer } = await insertOffer(tx, {
      applicationId: thread.applicationId,
      mode: checked.offer.mode,
      place: checked.offer.place,
      durationMinutes: checked.offer.durationMinutes,
      starts: checked.offer.starts,
      now,
    });
    return { kind: 'slots_offered', body: note, offerId: offer.id };
  });
}

/** The seeker picks a slot (or, with a booking, another slot of the same offer: a change). */
export function bookSlot(
  deps: ThreadDeps,
  writer: Writer,
  applicationId: string,
  input: { key: string; offerId: string; slotId: string; note: string },
): Promise<WriteOutcome | null> {
  const note = normaliseMessage(input.note);
  return write(deps, writer, applicationId, input.key, async (tx, thread, now) => {
    if (writer.side !== 'seeker') return { refusal: 'not_offered' };
    if (messageProblem(note, false)) return { refusal: 'invalid' };
    const found = await findOffer(tx, thread.applicationId, input.offerId);
    const slot = found?.slots.find((s) => s.id === input.slotId);
    if (!found || !slot) return { refusal: 'not_offered' };
    const refusal = bookRefusal(found.offer, slot, now);
    if (refusal) return { refusal };
    await setOfferState(tx, found.offer.id, { state: 'booked', bookedSlotId: slot.id, now });
    return {
      kind: 'slot_booked',
      body: note,
      offerId: found.offer.id,
      slotId: slot.id,
      startsAt: slot.startsAt,
    };
  });
}

/** 「別の日程を希望する」: the seeker asks for other dates instead of the offered ones. */
export function declineOffer(
  deps: ThreadDeps,
  writer: Writer,
  applicationId: string,
  input: { key: string; offerId: string; note: string },
): Promise<WriteOutcome | null> {
  const note = normaliseMessage(input.note);
  return write(deps, writer, applicationId, input.key, async (tx, thread, now) => {
    if (writer.side !== 'seeker') return { refusal: 'not_offered' };
    if (messageProblem(note, false)) return { refusal: 'invalid' };
    const found = await findOffer(tx, thread.applicationId, input.offerId);
    if (!found) return { refusal: 'not_offered' };
    if (!mayDecline(found.offer)) return { refusal: 'offer_closed' };
    await setOfferState(tx, found.offer.id, { state: 'declined', now });
    return { kind: 'slots_declined', body: note, offerId: found.offer.id };
  });
}

/** Either side cancels a booked interview before it begins; the other side is told. */
export function cancelBooking(
  deps: ThreadDeps,
  writer: Writer,
  applicationId: string,
  input: { key: string; offerId: string; note: string },
): Promise<WriteOutcome | null> {
  const note = normaliseMessage(input.note);
  return write(deps, writer, applicationId, input.key, async (tx, thread, now) => {
    if (messageProblem(note, false)) return { refusal: 'invalid' };
    const found = await findOffer(tx, thread.applicationId, input.offerId);
    if (!found) return { refusal: 'not_offered' };
    const booked = found.slots.find((s) => s.id === found.offer.bookedSlotId);
    if (!mayCancelBooking(found.offer, booked, now) || !booked) return { refusal: 'not_cancellable' };
    await setOfferState(tx, found.offer.id, { state: 'cancelled', now });
    return {
      kind: 'booking_cancelled',
      body: note,
      offerId: found.offer.id,
      slotId: booked.id,
      startsAt: booked.startsAt,
    };
  });
}
