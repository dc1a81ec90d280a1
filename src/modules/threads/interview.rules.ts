/**
 * Interview slots offered in an application's thread (issue 12, ADR 0023), decided without I/O:
 * what an offer may hold, which slot may be booked, when a booking may be cancelled. Times are
 * entered and shown in Asia/Tokyo and stored as instants.
 */
import { INTERVIEW_MODES, type InterviewMode, type OfferState } from '../../domain/vocabulary.ts';
import { isLocalDate } from '../../platform/dates.ts';
import { charCount } from '../../platform/fields.ts';

export const OFFER_SLOTS_MAX = 5;
/** 所要時間 the employer chooses from (minutes). */
export const INTERVIEW_DURATIONS = [30, 45, 60, 90, 120] as const;
export const PLACE_MAX = 200;
/** A slot starts at least an hour after it is offered, and within half a year. */
export const SLOT_MIN_LEAD_MS = 60 * 60 * 1000;
export const SLOT_MAX_AHEAD_DAYS = 183;

const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The instant of a Tokyo wall-clock date and time ('2026-12-10', '10:30'), or undefined when not one. */
export function tokyoInstant(date: string, time: string): Date | undefined {
  const m = TIME.exec(time);
  if (!isLocalDate(date) || !m) return undefined;
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, Number(m[1]), Number(m[2])) - TOKYO_OFFSET_MS);
}

/** The Tokyo wall-clock date and time of an instant, as the form's fields hold them. */
export function tokyoParts(instant: Date): { date: string; time: string } {
  const iso = new Date(instant.getTime() + TOKYO_OFFSET_MS).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

export interface OfferInput {
  mode: string;
  place: string;
  duration: string;
  /** The form's rows; rows with neither date nor time are ignored. */
  slots: readonly { date: string; time: string }[];
}

export type SlotProblem = 'invalid' | 'past' | 'too_far' | 'duplicate';
export interface OfferProblems {
  mode?: 'missing';
  place?: 'missing' | 'too_long';
  duration?: 'missing';
  /** About the slots as a whole. */
  slots?: 'none' | 'too_many';
  /** Per row of the form (its index), what is wrong with it. */
  rows: Map<number, SlotProblem>;
}

export interface ValidOffer {
  mode: InterviewMode;
  place: string;
  durationMinutes: number;
  starts: Date[];
}

const isMode = (v: string): v is InterviewMode => (INTERVIEW_MODES as readonly string[]).includes(v);

/** What is wrong with an offer, or the offer itself with its slots in time order. */
export function checkOffer(
  input: OfferInput,
  now: Date,
): { ok: true; offer: ValidOffer } | { ok: false; problems: OfferProblems } {
  const problems: OfferProblems = { rows: new Map() };
  if (!isMode(input.mode)) problems.mode = 'missing';
  const place = input.place.trim();
  if (place === '') problems.place = 'missing';
  else if (charCount(place) > PLACE_MAX) problems.place = 'too_long';
  const duration = Number(input.duration);
  if (!(INTERVIEW_DURATIONS as readonly number[]).includes(duration)) problems.duration = 'missing';

  const seen = new Set<number>();
  const starts: Date[] = [];
  const latest = now.getTime() + SLOT_MAX_AHEAD_DAYS * 24 * 60 * 60 * 1000;
  input.slots.forEach((row, i) => {
    if (row.date.trim() === '' && row.time.trim() === '') return;
    const at = tokyoInstant(row.date.trim(), row.time.trim());
    let problem: SlotProblem | undefined;
    if (!at) problem = 'invalid';
    else if (at.getTime() < now.getTime() + SLOT_MIN_LEAD_MS) problem = 'past';
    else if (at.getTime() > latest) problem = 'too_far';
    else if (seen.has(at.getTime())) problem = 'duplicate';
    if (problem) problems.rows.set(i, problem);
    else if (at) {
      seen.add(at.getTime());
      starts.push(at);
    }
  });
  const filled = input.slots.filter((r) => r.date.trim() !== '' || r.time.trim() !== '').length;
  if (filled === 0) problems.slots = 'none';
  else if (filled > OFFER_SLOTS_MAX) problems.slots = 'too_many';

  const failed =
    problems.mode || problems.place || problems.duration || problems.slots || problems.rows.size > 0;
  if (failed || !isMode(input.mode)) return { ok: false, problems };
  starts.sort((a, b) => a.getTime() - b.getTime());
  return { ok: true, offer: { mode: input.mode, place, durationMinutes: duration, starts } };
}

export interface OfferFacts {
  state: OfferState;
  bookedSlotId: string | null;
}
export interface SlotFacts {
  id: string;
  startsAt: Date;
}

/** An offer the seeker can still answer: open, or booked (to change to another slot). */
export const isLiveOffer = (o: OfferFacts) => o.state === 'open' || o.state === 'booked';

export type BookRefusal = 'offer_closed' | 'slot_past' | 'already_booked';

/** The seeker picks a slot of a live offer that has not begun; picking the booked one again is a repeat. */
export function bookRefusal(offer: OfferFacts, slot: SlotFacts, now: Date): BookRefusal | undefined {
  if (!isLiveOffer(offer)) return 'offer_closed';
  if (offer.bookedSlotId === slot.id) return 'already_booked';
  if (slot.startsAt.getTime() <= now.getTime()) return 'slot_past';
  return undefined;
}

/** 「別の日程を希望する」: only while the offer is open (a booked one is cancelled, or changed, instead). */
export const mayDecline = (offer: OfferFacts) => offer.state === 'open';

/** Either side cancels a booking until the interview begins. */
export function mayCancelBooking(offer: OfferFacts, booked: SlotFacts | undefined, now: Date): boolean {
  return offer.state === 'booked' && booked !== undefined && booked.startsAt.getTime() > now.getTime();
}

/** The slots a seeker may still pick, in time order (not begun, not the one already booked). */
export function pickableSlots<S extends SlotFacts>(offer: OfferFacts, slots: readonly S[], now: Date): S[] {
  if (!isLiveOffer(offer)) return [];
  return slots
    .filter((s) => bookRefusal(offer, s, now) === undefined)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}
