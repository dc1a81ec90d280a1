/**
 * The reply promise's pure rules (ADR 0023; issue 12, rule "RP"): the 回答予定日 from the Tokyo date
 * of 「応募」 and the 求人票's 選考結果通知 days — across month and year ends, and for instants
 * 15:00–23:59 UTC, which are already the next day in Tokyo — and when an application is overdue:
 * not on the 回答予定日, from the day after, never once answered or cancelled.
 */
import { describe, expect, it } from 'vitest';
import { APPLICATION_STATES } from '../../src/domain/vocabulary.ts';
import {
  daysOverdue,
  overdueIfDueBefore,
  replyDueOn,
  replyOverdue,
  replyPromise,
} from '../../src/modules/applications/reply.rules.ts';
import { addDays, tokyoDate } from '../../src/platform/dates.ts';

describe('RP-1 the 回答予定日: the Tokyo date of 「応募」 plus the 選考結果通知 days', () => {
  it('RP-1 adds the days to the Tokyo date of 「応募」', () => {
    // 2026-11-21 10:00 in Tokyo.
    expect(replyDueOn(new Date('2026-11-21T01:00:00Z'), 7)).toBe('2026-11-28');
    expect(replyDueOn(new Date('2026-11-21T01:00:00Z'), 1)).toBe('2026-11-22');
    expect(replyDueOn(new Date('2026-11-21T01:00:00Z'), 60)).toBe('2027-01-20');
  });

  it('RP-1 crosses month ends, February in common and leap years, and the year end', () => {
    expect(replyDueOn(new Date('2026-01-25T03:00:00Z'), 7)).toBe('2026-02-01');
    expect(replyDueOn(new Date('2026-04-30T03:00:00Z'), 1)).toBe('2026-05-01');
    expect(replyDueOn(new Date('2027-02-25T03:00:00Z'), 5)).toBe('2027-03-02');
    expect(replyDueOn(new Date('2028-02-25T03:00:00Z'), 5)).toBe('2028-03-01');
    expect(replyDueOn(new Date('2028-02-28T03:00:00Z'), 1)).toBe('2028-02-29');
    expect(replyDueOn(new Date('2026-12-28T00:00:00Z'), 7)).toBe('2027-01-04');
    expect(replyDueOn(new Date('2026-12-31T03:00:00Z'), 1)).toBe('2027-01-01');
  });

  it('RP-1 「応募」 at 15:00–23:59 UTC counts from the next day, as Tokyo does', () => {
    for (let hour = 15; hour <= 23; hour++) {
      for (const minute of [0, 30, 59]) {
        const at = new Date(Date.UTC(2026, 11, 31, hour, minute, 59));
        expect(tokyoDate(at)).toBe('2027-01-01');
        expect(replyDueOn(at, 1)).toBe('2027-01-02');
        expect(replyDueOn(at, 31)).toBe('2027-02-01');
      }
    }
    // The last second of 2026-12-31 in Tokyo is still that day.
    expect(replyDueOn(new Date('2026-12-31T14:59:59Z'), 1)).toBe('2027-01-01');
    expect(replyDueOn(new Date('2026-11-30T14:59:59Z'), 7)).toBe('2026-12-07');
    expect(replyDueOn(new Date('2026-11-30T15:00:00Z'), 7)).toBe('2026-12-08');
  });

  it('RP-1 no promise without days: 0, missing, negative or not a whole number', () => {
    const at = new Date('2026-11-21T01:00:00Z');
    for (const days of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, null, undefined]) {
      expect(replyDueOn(at, days)).toBeNull();
    }
  });
});

describe('RP-2 overdue: 応募中 after the 回答予定日 (Tokyo)', () => {
  const app = { state: 'applied', replyDueOn: '2026-11-28' };

  it('RP-2 not overdue on the 回答予定日 itself, overdue from the day after', () => {
    expect(replyOverdue(app, '2026-11-27')).toBe(false);
    expect(replyOverdue(app, '2026-11-28')).toBe(false);
    expect(replyOverdue(app, '2026-11-29')).toBe(true);
    expect(replyOverdue(app, '2027-01-05')).toBe(true);
  });

  it('RP-2 the Tokyo day decides: 14:59:59 UTC on the 回答予定日 is not overdue, 15:00:00 UTC is', () => {
    expect(replyOverdue(app, tokyoDate(new Date('2026-11-28T14:59:59Z')))).toBe(false);
    expect(replyOverdue(app, tokyoDate(new Date('2026-11-28T15:00:00Z')))).toBe(true);
  });

  it('RP-2 never overdue once answered (採用, 不採用) or cancelled, or without a 回答予定日', () => {
    for (const state of APPLICATION_STATES.filter((s) => s !== 'applied')) {
      expect(replyOverdue({ state, replyDueOn: '2026-11-28' }, '2026-12-31')).toBe(false);
      expect(daysOverdue({ state, replyDueOn: '2026-11-28' }, '2026-12-31')).toBe(0);
    }
    expect(replyOverdue({ state: 'applied', replyDueOn: null }, '2026-12-31')).toBe(false);
  });

  it('RP-2 the query form is the same rule: due before overdueIfDueBefore(today) ⇔ overdue', () => {
    const today = '2026-12-01';
    for (let d = -40; d <= 40; d++) {
      const due = addDays(today, d);
      expect(due < overdueIfDueBefore(today)).toBe(
        replyOverdue({ state: 'applied', replyDueOn: due }, today),
      );
    }
  });

  it('RP-2 days overdue: 1 on the day after, counted across month ends; 0 before', () => {
    expect(daysOverdue(app, '2026-11-28')).toBe(0);
    expect(daysOverdue(app, '2026-11-29')).toBe(1);
    expect(daysOverdue(app, '2026-12-01')).toBe(3);
    expect(daysOverdue(app, '2027-01-01')).toBe(34);
  });

  it('RP-2 what each MyPage says: none, pending, overdue with its days, or closed as a record', () => {
    expect(replyPromise({ state: 'applied', replyDueOn: null }, '2026-11-29')).toEqual({ kind: 'none' });
    expect(replyPromise({ state: 'hired', replyDueOn: null }, '2026-11-29')).toEqual({ kind: 'none' });
    expect(replyPromise(app, '2026-11-28')).toEqual({ kind: 'pending', dueOn: '2026-11-28' });
    expect(replyPromise(app, '2026-11-30')).toEqual({ kind: 'overdue', dueOn: '2026-11-28', days: 2 });
    expect(replyPromise({ state: 'not_hired', replyDueOn: '2026-11-28' }, '2026-11-30')).toEqual({
      kind: 'closed',
      dueOn: '2026-11-28',
    });
    expect(replyPromise({ state: 'cancelled', replyDueOn: '2026-11-28' }, '2026-11-30')).toEqual({
      kind: 'closed',
      dueOn: '2026-11-28',
    });
  });
});
