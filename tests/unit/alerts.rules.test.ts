/** 新着求人 alert rules (ADR 0025): due days, windows, slots and the signed stop token. Fixed instants. */
import { describe, expect, it } from 'vitest';
import {
  ALERT_FIRST_HOUR,
  ALERT_MAX_WINDOW_DAYS,
  ALERT_SLOTS,
  alertDue,
  alertSearchQuery,
  alertSlot,
  alertStopToken,
  alertWindow,
  initialCutoff,
  isAlertFrequency,
  readAlertStopToken,
  slotStart,
} from '../../src/modules/search/alerts.rules.ts';
import { planSearch } from '../../src/modules/search/search.plan.ts';
import { searchSchema, searchValues } from '../../src/modules/search/search.schemas.ts';

/** Midnight 2026-11-21 in Tokyo. */
const MIDNIGHT_21 = new Date('2026-11-20T15:00:00Z');
const ID = '6f1c3d2e-8a4b-4c5d-9e6f-7a8b9c0d1e2f';
const SECRET = 'test-secret-test-secret-test-secret-0123';

describe('AL-1 initialCutoff', () => {
  it('AL-1 is the start of the Tokyo day, on both sides of midnight UTC', () => {
    expect(initialCutoff(new Date('2026-11-21T01:00:00Z'))).toEqual(MIDNIGHT_21);
    // 23:30 UTC on 11-20 is 08:30 on 11-21 in Tokyo.
    expect(initialCutoff(new Date('2026-11-20T23:30:00Z'))).toEqual(MIDNIGHT_21);
    // 14:59 UTC is still 23:59 of the previous Tokyo day; 15:00 UTC starts the next.
    expect(initialCutoff(new Date('2026-11-20T14:59:59Z'))).toEqual(new Date('2026-11-19T15:00:00Z'));
    expect(initialCutoff(new Date('2026-11-20T15:00:00Z'))).toEqual(MIDNIGHT_21);
  });
});

describe('AL-2 alertDue', () => {
  it('AL-2 off is never due', () => {
    expect(alertDue('off', null, '2026-11-22')).toBe(false);
    expect(alertDue('off', MIDNIGHT_21, '2030-01-01')).toBe(false);
  });
  it('AL-2 daily: due on every day after the cutoff’s day, not on it', () => {
    expect(alertDue('daily', MIDNIGHT_21, '2026-11-21')).toBe(false);
    expect(alertDue('daily', MIDNIGHT_21, '2026-11-22')).toBe(true);
    expect(alertDue('daily', MIDNIGHT_21, '2026-11-30')).toBe(true);
    expect(alertDue('daily', null, '2026-11-21')).toBe(true);
  });
  it('AL-2 weekly: due on the 7th day since the cutoff, or later', () => {
    expect(alertDue('weekly', MIDNIGHT_21, '2026-11-27')).toBe(false);
    expect(alertDue('weekly', MIDNIGHT_21, '2026-11-28')).toBe(true);
    expect(alertDue('weekly', MIDNIGHT_21, '2026-12-03')).toBe(true);
    expect(alertDue('weekly', null, '2026-11-21')).toBe(true);
  });
});

describe('AL-2 alertWindow', () => {
  it('AL-2 covers the cutoff’s day up to (not including) today; the new cutoff is today’s midnight', () => {
    expect(alertWindow(MIDNIGHT_21, '2026-11-22')).toEqual({
      from: '2026-11-21',
      before: '2026-11-22',
      cutoff: new Date('2026-11-21T15:00:00Z'),
    });
    expect(alertWindow(MIDNIGHT_21, '2026-11-28')).toMatchObject({
      from: '2026-11-21',
      before: '2026-11-28',
    });
  });
  it('AL-2 never reaches back more than 7 days; without a cutoff, yesterday only', () => {
    expect(ALERT_MAX_WINDOW_DAYS).toBe(7);
    expect(alertWindow(MIDNIGHT_21, '2026-12-15')).toMatchObject({
      from: '2026-12-08',
      before: '2026-12-15',
    });
    expect(alertWindow(null, '2026-11-22')).toMatchObject({ from: '2026-11-21', before: '2026-11-22' });
  });
  it('AL-2 the window’s days reach the search plan as 受付年月日 bounds, with 新着 the later of the two', () => {
    const c = searchSchema.parse(searchValues(new URLSearchParams('kw=介護&new=2')));
    const p = planSearch(c, '2026-11-22', { from: '2026-11-15', before: '2026-11-22' });
    expect(p.acceptedFrom).toBe('2026-11-21');
    expect(p.acceptedBefore).toBe('2026-11-22');
    const plain = searchSchema.parse(searchValues(new URLSearchParams('kw=介護')));
    expect(planSearch(plain, '2026-11-22', { from: '2026-11-15', before: '2026-11-22' }).acceptedFrom).toBe(
      '2026-11-15',
    );
    expect(planSearch(plain, '2026-11-22').acceptedBefore).toBeNull();
  });
});

describe('AL-5 slots', () => {
  it('AL-5 a seeker’s slot is stable and within range; slots spread seekers', () => {
    expect(alertSlot(ID)).toBe(alertSlot(ID));
    const counts = new Array<number>(ALERT_SLOTS).fill(0);
    for (let i = 0; i < 6400; i++) {
      const id = `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
      const s = alertSlot(id);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThan(ALERT_SLOTS);
      counts[s]!++;
    }
    // 100 per slot on average; none empty or more than twice that.
    expect(Math.min(...counts)).toBeGreaterThan(40);
    expect(Math.max(...counts)).toBeLessThan(200);
  });
  it('AL-5 slots start every 15 minutes from 06:00 in Tokyo', () => {
    expect(ALERT_FIRST_HOUR).toBe(6);
    expect(slotStart('2026-11-22', 0)).toEqual(new Date('2026-11-21T21:00:00Z'));
    expect(slotStart('2026-11-22', 1)).toEqual(new Date('2026-11-21T21:15:00Z'));
    expect(slotStart('2026-11-22', ALERT_SLOTS - 1)).toEqual(new Date('2026-11-22T12:45:00Z'));
  });
});

describe('AL-6 stop token', () => {
  it('AL-6 round-trips the saved search id', () => {
    expect(readAlertStopToken(SECRET, alertStopToken(SECRET, ID))).toBe(ID);
  });
  it('AL-6 refuses another secret, a changed id or signature, and malformed tokens', () => {
    const token = alertStopToken(SECRET, ID);
    const [, mac] = token.split('.');
    expect(readAlertStopToken('another-secret-another-secret-0000', token)).toBeNull();
    expect(readAlertStopToken(SECRET, `6f1c3d2e-8a4b-4c5d-9e6f-7a8b9c0d1e2e.${mac}`)).toBeNull();
    expect(readAlertStopToken(SECRET, `${token}x`)).toBeNull();
    expect(readAlertStopToken(SECRET, `${ID}.`)).toBeNull();
    expect(readAlertStopToken(SECRET, ID)).toBeNull();
    expect(readAlertStopToken(SECRET, `not-a-uuid.${mac}`)).toBeNull();
    expect(readAlertStopToken(SECRET, '')).toBeNull();
  });
});

describe('AL-4 alertSearchQuery and frequencies', () => {
  it('AL-4 keeps the saved conditions, shows the newest first from page 1 with 新着 2 or 7 days', () => {
    const q = new URLSearchParams(alertSearchQuery('kw=%E4%BB%8B%E8%AD%B7&sort=wage&page=3', 'daily'));
    expect(q.get('kw')).toBe('介護');
    expect(q.get('sort')).toBe('new');
    expect(q.get('new')).toBe('2');
    expect(q.has('page')).toBe(false);
    expect(new URLSearchParams(alertSearchQuery('pref=13', 'weekly')).get('new')).toBe('7');
  });
  it('AL-1 only off, daily and weekly are frequencies', () => {
    for (const f of ['off', 'daily', 'weekly']) expect(isAlertFrequency(f)).toBe(true);
    for (const f of ['', 'hourly', 'DAILY']) expect(isAlertFrequency(f)).toBe(false);
  });
});
