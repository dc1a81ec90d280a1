/**
 * The pure rules after 「応募」 (SPEC CX-1, CX-2, EM-3, DR-1; ADR 0022): the 24-hour cancel window
 * to the second, the cancel form's reason and 備考, the 選考結果 input and its refusals, and the
 * document erase date from the job's closed_on with N = DOCUMENT_RETENTION_MONTHS, with clocks
 * 15:00–23:59 UTC (already the next day in Tokyo).
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { CANCEL_REASONS } from '../../src/domain/vocabulary.ts';
import { messages, messagesFor } from '../../src/i18n/index.ts';
import { CANCEL_WINDOW_MS } from '../../src/modules/applications/application.rules.ts';
import {
  CANCEL_NOTE_MAX,
  cancelInputProblems,
  cancelRefusal,
  showsCancelButton,
} from '../../src/modules/applications/cancel.rules.ts';
import { resultInputProblems, resultRefusal } from '../../src/modules/applications/result.rules.ts';
import {
  documentsEraseOn,
  documentsErasure,
  documentsRetainedUntil,
  retentionDueBefore,
  retentionEnded,
} from '../../src/modules/applications/retention.rules.ts';
import { addDays, tokyoDate } from '../../src/platform/dates.ts';

describe('CX-1 the 24-hour cancel window, to the second', () => {
  // 「応募」 at 2026-11-21 23:30:00 in Tokyo (14:30:00 UTC).
  const appliedAt = new Date('2026-11-21T14:30:00Z');
  const applied = { state: 'applied', appliedAt };
  it('CX-1 23:59:59 after 「応募」 may cancel; 24:00:00 after may not', () => {
    expect(cancelRefusal(applied, new Date(appliedAt.getTime() + CANCEL_WINDOW_MS - 1000))).toBeUndefined();
    expect(cancelRefusal(applied, new Date(appliedAt.getTime() + CANCEL_WINDOW_MS - 1))).toBeUndefined();
    expect(cancelRefusal(applied, new Date(appliedAt.getTime() + CANCEL_WINDOW_MS))).toBe('window_closed');
    expect(cancelRefusal(applied, new Date('2026-11-22T14:29:59Z'))).toBeUndefined();
    expect(cancelRefusal(applied, new Date('2026-11-22T14:30:00Z'))).toBe('window_closed');
  });
  it('CX-1 the button is shown exactly while cancelling is possible, and gone after 24 hours', () => {
    expect(showsCancelButton(applied, new Date('2026-11-22T14:29:59Z'))).toBe(true);
    expect(showsCancelButton(applied, new Date('2026-11-22T14:30:00Z'))).toBe(false);
    expect(showsCancelButton({ state: 'cancelled', appliedAt }, new Date('2026-11-21T15:00:00Z'))).toBe(
      false,
    );
    expect(showsCancelButton({ state: 'hired', appliedAt }, new Date('2026-11-21T15:00:00Z'))).toBe(false);
  });
  it('CX-1 the window is 24 hours whatever the Tokyo date: clocks 15:00–23:59 UTC are the next day there', () => {
    for (let hour = 15; hour <= 23; hour++) {
      for (const minute of [0, 59]) {
        const at = new Date(Date.UTC(2026, 10, 21, hour, minute, 0));
        expect(tokyoDate(at)).toBe('2026-11-22');
        const app = { state: 'applied', appliedAt: at };
        expect(cancelRefusal(app, new Date(at.getTime() + CANCEL_WINDOW_MS - 1000))).toBeUndefined();
        expect(cancelRefusal(app, new Date(at.getTime() + CANCEL_WINDOW_MS))).toBe('window_closed');
      }
    }
  });
  it('CX-1 a decided application cannot be cancelled; a cancelled one is left to the use case (a repeat)', () => {
    const now = new Date('2026-11-21T15:00:00Z');
    expect(cancelRefusal({ state: 'hired', appliedAt }, now)).toBe('decided');
    expect(cancelRefusal({ state: 'not_hired', appliedAt }, now)).toBe('decided');
    expect(cancelRefusal({ state: 'cancelled', appliedAt }, now)).toBeUndefined();
  });
});

describe('CX-2 the cancel form: reason, 備考, notice', () => {
  const ok = { reason: 'found_job', note: '', consented: true };
  it('CX-2 every listed reason passes with the notice ticked; 備考 is optional except for 「その他」', () => {
    for (const reason of CANCEL_REASONS.filter((r) => r !== 'other')) {
      expect(cancelInputProblems({ ...ok, reason })).toEqual({});
    }
    expect(cancelInputProblems({ ...ok, reason: 'other', note: '家族の介護のため' })).toEqual({});
  });
  it('CX-2 「その他」 without 備考 (or with spaces only) is refused at the 備考', () => {
    expect(cancelInputProblems({ ...ok, reason: 'other', note: '' })).toEqual({ note: 'note_missing' });
    expect(cancelInputProblems({ ...ok, reason: 'other', note: ' \n　' })).toEqual({ note: 'note_missing' });
  });
  it('CX-2 300 characters pass and 301 are refused, counted as people count (an emoji family is one)', () => {
    expect(CANCEL_NOTE_MAX).toBe(300);
    expect(cancelInputProblems({ ...ok, reason: 'other', note: 'あ'.repeat(300) })).toEqual({});
    expect(cancelInputProblems({ ...ok, reason: 'other', note: 'あ'.repeat(301) })).toEqual({
      note: 'note_too_long',
    });
    expect(cancelInputProblems({ ...ok, reason: 'family', note: 'a'.repeat(301) })).toEqual({
      note: 'note_too_long',
    });
    expect(cancelInputProblems({ ...ok, reason: 'other', note: `${'あ'.repeat(299)}👨‍👩‍👧` })).toEqual({});
  });
  it('CX-2 no reason, an unknown reason or the notice unticked are refused at their fields', () => {
    expect(cancelInputProblems({ reason: '', note: '', consented: false })).toEqual({
      reason: 'reason_missing',
      consent: 'no_consent',
    });
    expect(cancelInputProblems({ ...ok, reason: 'bored' })).toEqual({ reason: 'reason_missing' });
  });
});

describe('EM-3 選考結果: input and refusals', () => {
  const ok = { result: 'not_hired', conditionsDiffer: 'no', conditionsNote: '' };
  it('EM-3 採用 or 不採用 with 相違 あり/なし is required; あり needs what differs, at most 300 characters', () => {
    expect(resultInputProblems(ok)).toEqual({});
    expect(
      resultInputProblems({ ...ok, result: 'hired', conditionsDiffer: 'yes', conditionsNote: '賃金' }),
    ).toEqual({});
    expect(resultInputProblems({ result: '', conditionsDiffer: '', conditionsNote: '' })).toEqual({
      result: 'result_missing',
      conditionsDiffer: 'conditions_missing',
    });
    expect(resultInputProblems({ ...ok, result: 'applied' })).toEqual({ result: 'result_missing' });
    expect(resultInputProblems({ ...ok, conditionsDiffer: 'yes' })).toEqual({
      conditionsNote: 'note_missing',
    });
    expect(resultInputProblems({ ...ok, conditionsDiffer: 'yes', conditionsNote: 'あ'.repeat(301) })).toEqual(
      {
        conditionsNote: 'note_too_long',
      },
    );
  });
  it('EM-3 refused when cancelled or decided; refused from the first day after the retention end (N = 3)', () => {
    const open = { closedOn: null };
    const applied = { state: 'applied', documentsErasedCause: null };
    expect(resultRefusal(applied, open, 3, '2030-01-01')).toBeUndefined();
    expect(resultRefusal({ ...applied, state: 'cancelled' }, open, 3, '2026-11-21')).toBe('cancelled');
    expect(resultRefusal({ ...applied, state: 'hired' }, open, 3, '2026-11-21')).toBe('decided');
    const closed = { closedOn: '2026-11-15' };
    expect(resultRefusal(applied, closed, 3, '2027-02-28')).toBeUndefined();
    expect(resultRefusal(applied, closed, 3, '2027-03-01')).toBe('retention_ended');
    expect(resultRefusal(applied, closed, 2, '2027-02-01')).toBe('retention_ended');
    // Erased by the retention run even if N was raised since.
    expect(resultRefusal({ ...applied, documentsErasedCause: 'retention' }, closed, 6, '2027-03-01')).toBe(
      'retention_ended',
    );
  });
});

describe('DR-1 the erase date from closed_on and N', () => {
  it('DR-1 N = 3 (翌々々月末, seed 000): kept through the end of the 3rd month after, erased the next day', () => {
    expect(documentsRetainedUntil('2026-11-15', 3)).toBe('2027-02-28');
    expect(documentsEraseOn('2026-11-15', 3)).toBe('2027-03-01');
    expect(documentsEraseOn('2026-11-01', 3)).toBe('2027-03-01');
    expect(documentsEraseOn('2026-11-30', 3)).toBe('2027-03-01');
    expect(documentsEraseOn('2026-12-01', 3)).toBe('2027-04-01');
    expect(documentsRetainedUntil('2027-11-30', 3)).toBe('2028-02-29');
  });
  it('DR-1 N = 2 (翌々月末, seed 001) and N = 1', () => {
    expect(documentsEraseOn('2026-11-15', 2)).toBe('2027-02-01');
    expect(documentsEraseOn('2026-12-31', 1)).toBe('2027-02-01');
  });
  it('DR-1 the retention end, the day before and the day after', () => {
    expect(retentionEnded('2026-11-15', 3, '2027-02-28')).toBe(false);
    expect(retentionEnded('2026-11-15', 3, '2027-03-01')).toBe(true);
    expect(retentionEnded(null, 3, '2099-12-31')).toBe(false);
  });
  it('DR-1 the daily run cutoff says exactly what documentsEraseOn says, for every day of three years and N 1–6', () => {
    for (let months = 1; months <= 6; months++) {
      for (let d = 0; d < 3 * 366; d += 1) {
        const today = addDays('2026-01-01', d);
        const cutoff = retentionDueBefore(today, months);
        for (const closedOn of [addDays(cutoff, -1), cutoff, addDays(cutoff, -40), addDays(cutoff, 31)]) {
          expect(closedOn < cutoff, `${closedOn} on ${today}, N=${months}`).toBe(
            documentsEraseOn(closedOn, months) <= today,
          );
        }
      }
    }
  });
  it('DR-1 with clocks 15:00–23:59 UTC the Tokyo date decides: 2027-02-28 15:00 UTC is already 3/1 in Tokyo', () => {
    for (let hour = 15; hour <= 23; hour++) {
      const now = new Date(Date.UTC(2027, 1, 28, hour, 59, 59));
      expect(retentionEnded('2026-11-15', 3, tokyoDate(now))).toBe(true);
      expect('2026-11-15' < retentionDueBefore(tokyoDate(now), 3)).toBe(true);
      const before = new Date(Date.UTC(2027, 1, 28, hour - 15 + 5, 0, 0)); // 14:00–22:00 JST on 2/28
      expect(retentionEnded('2026-11-15', 3, tokyoDate(before))).toBe(false);
    }
  });
  it('DR-2 what each MyPage shows: erased (when, why), scheduled (the day), or N months after the job closes', () => {
    const at = new Date('2026-11-21T03:00:00Z');
    expect(
      documentsErasure(
        { documentsErasedAt: at, documentsErasedCause: 'cancelled' },
        { closedOn: '2026-11-15' },
        3,
      ),
    ).toEqual({ kind: 'erased', at, cause: 'cancelled' });
    expect(
      documentsErasure(
        { documentsErasedAt: null, documentsErasedCause: null },
        { closedOn: '2026-11-15' },
        3,
      ),
    ).toEqual({ kind: 'scheduled', on: '2027-03-01' });
    expect(
      documentsErasure({ documentsErasedAt: null, documentsErasedCause: null }, { closedOn: null }, 2),
    ).toEqual({ kind: 'after_close', months: 2 });
  });
});

describe('DR-1 the apply form note states the configured period in the seed words', () => {
  it('DR-1 N = 3 says 翌々々月末 (seed 000), N = 2 says 翌々月末 (seed 001), in both locales', () => {
    const seed000 =
      '応募書類は、求職者が応募を取り消した時点、求人者マイページに選考結果を登録した時点、求人無効後翌々々月末が経過した時点で、求人者マイページおよび求職者マイページの両方から自動的に削除されます';
    expect(messages('ja').applying.form.documentNotes[4]).toBe(seed000);
    expect(messagesFor('ja', { retentionMonths: 3 }).applying.form.documentNotes[4]).toBe(seed000);
    expect(messagesFor('ja', { retentionMonths: 2 }).applying.form.documentNotes[4]).toBe(
      seed000.replace('翌々々月末', '翌々月末'),
    );
    expect(messagesFor('ja', { retentionMonths: 2 }).applying.form.documentNotes).toHaveLength(5);
    expect(messagesFor('en', { retentionMonths: 2 }).applying.form.documentNotes[4]).toContain('2nd month');
    expect(messagesFor('en', { retentionMonths: 3 }).applying.form.documentNotes[4]).toContain('3rd month');
    // The other notes are the same as the locale's own.
    expect(messagesFor('ja', { retentionMonths: 2 }).applying.form.documentNotes.slice(0, 4)).toEqual(
      messages('ja').applying.form.documentNotes.slice(0, 4),
    );
  });
});

describe('DR-1 DOCUMENT_RETENTION_MONTHS', () => {
  it('DR-1 defaults to 3 (翌々々月末); 2 is read; 0, 25 and words stop start-up naming the variable', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).documentRetentionMonths).toBe(3);
    expect(loadConfig({ NODE_ENV: 'test', DOCUMENT_RETENTION_MONTHS: '2' }).documentRetentionMonths).toBe(2);
    for (const bad of ['0', '25', 'three', '2.5']) {
      expect(() => loadConfig({ NODE_ENV: 'test', DOCUMENT_RETENTION_MONTHS: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ NODE_ENV: 'test', DOCUMENT_RETENTION_MONTHS: bad })).toThrow(
        /DOCUMENT_RETENTION_MONTHS/,
      );
    }
  });
});
