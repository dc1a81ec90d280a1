/**
 * The rules of application threads and interview slots (SPEC MS-1..MS-3, issue 12, ADR 0023), with
 * fixed clocks, including instants on the Tokyo side of midnight UTC.
 */
import { describe, expect, it } from 'vitest';
import {
  bookRefusal,
  checkOffer,
  isLiveOffer,
  mayCancelBooking,
  mayDecline,
  OFFER_SLOTS_MAX,
  type OfferInput,
  pickableSlots,
  tokyoInstant,
  tokyoParts,
} from '../../src/modules/threads/interview.rules.ts';
import { interviewCalendar, interviewsCalendar } from '../../src/modules/threads/interview-ics.ts';
import {
  MESSAGE_MAX,
  messageProblem,
  normaliseMessage,
  type ThreadFacts,
  threadRefusal,
} from '../../src/modules/threads/thread.rules.ts';

const MINUTE = 60_000;
const HOLD = 5 * MINUTE;
const applied = new Date('2026-11-30T14:58:00Z'); // 23:58 in Tokyo
const facts = (o: Partial<ThreadFacts> = {}): ThreadFacts => ({
  appliedAt: applied,
  pendingScans: 0,
  seeker: { active: true, validUntil: '2027-01-31' },
  employerMypageOpened: true,
  ...o,
});

describe('threadRefusal (MS-1..MS-3)', () => {
  it('MS-2 is processing until the hold after 「応募」 has passed, to the millisecond', () => {
    expect(threadRefusal(facts(), new Date(applied.getTime() + HOLD - 1), HOLD)).toBe('processing');
    expect(threadRefusal(facts(), new Date(applied.getTime() + HOLD), HOLD)).toBeUndefined();
  });

  it('MS-2 stays processing while a document waits for its virus scan, however long ago 「応募」 was', () => {
    const later = new Date(applied.getTime() + 3 * 24 * 60 * MINUTE);
    expect(threadRefusal(facts({ pendingScans: 1 }), later, HOLD)).toBe('processing');
    expect(threadRefusal(facts({ pendingScans: 0 }), later, HOLD)).toBeUndefined();
  });

  it('MS-2 a hold of 0 opens the thread at once when nothing is waiting for a scan', () => {
    expect(threadRefusal(facts(), applied, 0)).toBeUndefined();
  });

  it('MS-3 refuses while the registration is 無効, and once it has lapsed (Tokyo date)', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    expect(threadRefusal(facts({ seeker: { active: false, validUntil: '2027-01-31' } }), now, HOLD)).toBe(
      'registration_inactive',
    );
    // 2026-12-01T15:00Z is 12/2 in Tokyo: a registration valid through 12/1 has lapsed.
    const lapsing = facts({ seeker: { active: true, validUntil: '2026-12-01' } });
    expect(threadRefusal(lapsing, new Date('2026-12-01T14:59:59Z'), HOLD)).toBeUndefined();
    expect(threadRefusal(lapsing, new Date('2026-12-01T15:00:00Z'), HOLD)).toBe('registration_inactive');
  });

  it('MS-1 refuses when the employer has not opened 求人者マイページ, before any other reason', () => {
    const all = facts({
      employerMypageOpened: false,
      pendingScans: 2,
      seeker: { active: false, validUntil: '2027-01-31' },
    });
    expect(threadRefusal(all, applied, HOLD)).toBe('employer_unreachable');
    expect(
      threadRefusal(
        facts({ pendingScans: 2, seeker: { active: false, validUntil: '2027-01-31' } }),
        applied,
        HOLD,
      ),
    ).toBe('registration_inactive');
  });
});

describe('messages', () => {
  it('MS-1 a message needs text; white space alone is none', () => {
    expect(messageProblem('', true)).toBe('body_missing');
    expect(messageProblem(' \n\u3000', true)).toBe('body_missing');
    expect(messageProblem('', false)).toBeUndefined();
  });

  it(`MS-1 at most ${MESSAGE_MAX} characters as a person counts them`, () => {
    expect(messageProblem('あ'.repeat(MESSAGE_MAX), true)).toBeUndefined();
    expect(messageProblem('あ'.repeat(MESSAGE_MAX + 1), true)).toBe('body_too_long');
    // A family emoji is one character however many code points it has.
    expect(messageProblem('👨‍👩‍👧'.repeat(MESSAGE_MAX), true)).toBeUndefined();
    expect(messageProblem('👨‍👩‍👧'.repeat(MESSAGE_MAX + 1), false)).toBe('body_too_long');
  });

  it('normalises line ends and composed characters, and trims the end only', () => {
    expect(normaliseMessage('  一行目\r\n二行目\r三行目 \n\n')).toBe('  一行目\n二行目\n三行目');
    expect(normaliseMessage('ガ')).toBe('ガ');
  });
});

describe('Tokyo wall-clock times', () => {
  it('reads a Tokyo date and time as an instant, across midnight UTC', () => {
    expect(tokyoInstant('2026-12-10', '10:30')?.toISOString()).toBe('2026-12-10T01:30:00.000Z');
    expect(tokyoInstant('2026-12-10', '08:59')?.toISOString()).toBe('2026-12-09T23:59:00.000Z');
    expect(tokyoInstant('2027-01-01', '00:00')?.toISOString()).toBe('2026-12-31T15:00:00.000Z');
  });

  it('refuses what is not a date or a time', () => {
    for (const [d, t] of [
      ['2026-02-30', '10:00'],
      ['2026-12-10', '24:00'],
      ['2026-12-10', '9:00'],
      ['10/12/2026', '10:00'],
      ['', ''],
    ] as const)
      expect(tokyoInstant(d, t)).toBeUndefined();
  });

  it('gives back the fields of an instant', () => {
    expect(tokyoParts(new Date('2026-12-31T15:00:00Z'))).toEqual({ date: '2027-01-01', time: '00:00' });
    expect(tokyoParts(new Date('2026-12-09T23:59:00Z'))).toEqual({ date: '2026-12-10', time: '08:59' });
  });
});

describe('checkOffer (interview slots)', () => {
  const now = new Date('2026-12-02T14:30:00Z'); // 23:30 on 12/2 in Tokyo
  const input = (o: Partial<OfferInput> = {}): OfferInput => ({
    mode: 'in_person',
    place: '東京都千代田区千代田1-1 本社3階',
    duration: '60',
    slots: [
      { date: '2026-12-10', time: '14:00' },
      { date: '2026-12-09', time: '10:00' },
    ],
    ...o,
  });

  it('accepts 1 to 5 slots and orders them in time', () => {
    const checked = checkOffer(input(), now);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.offer.starts.map((d) => d.toISOString())).toEqual([
      '2026-12-09T01:00:00.000Z',
      '2026-12-10T05:00:00.000Z',
    ]);
    expect(checked.offer).toMatchObject({ mode: 'in_person', durationMinutes: 60 });
  });

  it('ignores empty rows, and refuses none and more than five', () => {
    const empty = { date: '', time: '' };
    expect(checkOffer(input({ slots: [empty, { date: '2026-12-09', time: '10:00' }, empty] }), now).ok).toBe(
      true,
    );
    const none = checkOffer(input({ slots: [empty, empty] }), now);
    expect(!none.ok && none.problems.slots).toBe('none');
    const six = Array.from({ length: OFFER_SLOTS_MAX + 1 }, (_, i) => ({
      date: '2026-12-09',
      time: `1${i}:00`,
    }));
    const many = checkOffer(input({ slots: six }), now);
    expect(!many.ok && many.problems.slots).toBe('too_many');
  });

  it('refuses a slot less than an hour ahead, more than half a year ahead, twice, or not a time — per row', () => {
    const checked = checkOffer(
      input({
        slots: [
          { date: '2026-12-03', time: '00:29' }, // 59 minutes after now (Tokyo 12/3 00:29)
          { date: '2026-12-03', time: '00:30' }, // exactly an hour: accepted
          { date: '2027-07-01', time: '10:00' },
          { date: '2026-12-03', time: '00:30' },
          { date: '2026-12-09', time: '' },
        ],
      }),
      now,
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect([...checked.problems.rows]).toEqual([
      [0, 'past'],
      [2, 'too_far'],
      [3, 'duplicate'],
      [4, 'invalid'],
    ]);
  });

  it('requires the mode, a place of at most 200 characters and a listed duration', () => {
    const checked = checkOffer(input({ mode: 'phone', place: '  ', duration: '50' }), now);
    expect(!checked.ok && checked.problems).toMatchObject({
      mode: 'missing',
      place: 'missing',
      duration: 'missing',
    });
    const long = checkOffer(input({ place: 'あ'.repeat(201) }), now);
    expect(!long.ok && long.problems.place).toBe('too_long');
    expect(
      checkOffer(input({ mode: 'online', place: 'https://meet.example.jp/abc', duration: '30' }), now).ok,
    ).toBe(true);
  });
});

describe('booking', () => {
  const now = new Date('2026-12-05T00:00:00Z');
  const past = { id: 'a', startsAt: new Date('2026-12-04T23:59:59Z') };
  const soon = { id: 'b', startsAt: new Date('2026-12-05T00:00:01Z') };
  const later = { id: 'c', startsAt: new Date('2026-12-06T01:00:00Z') };

  it('books a slot of an open offer that has not begun', () => {
    expect(bookRefusal({ state: 'open', bookedSlotId: null }, soon, now)).toBeUndefined();
    expect(bookRefusal({ state: 'open', bookedSlotId: null }, past, now)).toBe('slot_past');
    expect(bookRefusal({ state: 'open', bookedSlotId: null }, { ...soon, startsAt: now }, now)).toBe(
      'slot_past',
    );
  });

  it('changes a booking to another slot of the same offer; the booked one again is a repeat', () => {
    expect(bookRefusal({ state: 'booked', bookedSlotId: 'b' }, later, now)).toBeUndefined();
    expect(bookRefusal({ state: 'booked', bookedSlotId: 'b' }, soon, now)).toBe('already_booked');
  });

  it('refuses every slot of an offer that was declined, cancelled or superseded', () => {
    for (const state of ['declined', 'cancelled', 'superseded'] as const) {
      expect(isLiveOffer({ state, bookedSlotId: null })).toBe(false);
      expect(bookRefusal({ state, bookedSlotId: null }, later, now)).toBe('offer_closed');
      expect(pickableSlots({ state, bookedSlotId: null }, [later], now)).toEqual([]);
    }
  });

  it('lists the slots still to pick, in time order, without the booked one', () => {
    expect(pickableSlots({ state: 'open', bookedSlotId: null }, [later, past, soon], now)).toEqual([
      soon,
      later,
    ]);
    expect(pickableSlots({ state: 'booked', bookedSlotId: 'b' }, [later, past, soon], now)).toEqual([later]);
  });

  it('asks for other dates only while the offer is open', () => {
    expect(mayDecline({ state: 'open', bookedSlotId: null })).toBe(true);
    expect(mayDecline({ state: 'booked', bookedSlotId: 'b' })).toBe(false);
    expect(mayDecline({ state: 'declined', bookedSlotId: null })).toBe(false);
  });

  it('cancels a booking until the interview begins', () => {
    expect(mayCancelBooking({ state: 'booked', bookedSlotId: 'b' }, soon, now)).toBe(true);
    expect(mayCancelBooking({ state: 'booked', bookedSlotId: 'a' }, past, now)).toBe(false);
    expect(mayCancelBooking({ state: 'open', bookedSlotId: null }, undefined, now)).toBe(false);
    expect(mayCancelBooking({ state: 'cancelled', bookedSlotId: 'b' }, soon, now)).toBe(false);
  });
});

describe('the .ics of an interview', () => {
  const event = {
    offerId: '3f1c3d2e-8a4b-4c5d-9e6f-7a8b9c0d1e2f',
    sequence: 2,
    startsAt: new Date('2026-12-09T23:30:00Z'), // 12/10 08:30 in Tokyo
    durationMinutes: 45,
    summary: '面接：介護福祉士（株式会社見本）',
    description: '求人番号 13010-09999999「介護福祉士」の面接',
    location: '東京都千代田区千代田1-1',
    url: 'https://hw.example.jp/mypage/applications/x/messages',
    cancelled: false,
    host: 'hw.example.jp',
    stamp: new Date('2026-12-02T03:00:00Z'),
  };
  const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

  it('has the booked slot as DTSTART (UTC), its end, a stable UID and the sequence', () => {
    const ics = unfold(interviewCalendar(event));
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain('\r\nDTSTART:20261209T233000Z\r\n');
    expect(ics).toContain('\r\nDTEND:20261210T001500Z\r\n');
    expect(ics).toContain('\r\nUID:interview-3f1c3d2e-8a4b-4c5d-9e6f-7a8b9c0d1e2f@hw.example.jp\r\n');
    expect(ics).toContain('\r\nSEQUENCE:2\r\n');
    expect(ics).toContain('\r\nSTATUS:CONFIRMED\r\n');
    expect(ics).toContain('\r\nMETHOD:PUBLISH\r\n');
    expect(ics).toContain('SUMMARY:面接：介護福祉士（株式会社見本）');
  });

  it('a cancelled booking is the same event, cancelled', () => {
    const ics = unfold(interviewCalendar({ ...event, cancelled: true, sequence: 3 }));
    expect(ics).toContain('\r\nMETHOD:CANCEL\r\n');
    expect(ics).toContain('\r\nSTATUS:CANCELLED\r\n');
    expect(ics).toContain('\r\nUID:interview-3f1c3d2e-8a4b-4c5d-9e6f-7a8b9c0d1e2f@hw.example.jp\r\n');
  });

  it('HI-4 several bookings are one calendar with one VEVENT each, the same UIDs as their own files', () => {
    const second = { ...event, offerId: 'a1b2c3d4-0000-4000-8000-000000000002', sequence: 0 };
    const ics = unfold(interviewsCalendar([event, second]));
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics.match(/BEGIN:VCALENDAR/g)).toHaveLength(1);
    expect(ics).toContain('\r\nMETHOD:PUBLISH\r\n');
    expect(ics).toContain('\r\nUID:interview-3f1c3d2e-8a4b-4c5d-9e6f-7a8b9c0d1e2f@hw.example.jp\r\n');
    expect(ics).toContain('\r\nUID:interview-a1b2c3d4-0000-4000-8000-000000000002@hw.example.jp\r\n');
  });

  it('HI-4 no bookings is a valid calendar without events', () => {
    const ics = interviewsCalendar([]);
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR/);
    expect(ics).not.toContain('BEGIN:VEVENT');
  });
});
