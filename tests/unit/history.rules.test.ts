/**
 * 求職活動の記録's records (issue 16, ADR 0026 HI-1..HI-3) with a fixed clock, including instants
 * on the Tokyo side of midnight UTC.
 */
import { describe, expect, it } from 'vitest';
import type {
  HistoryApplicationRow,
  HistoryReferralRow,
} from '../../src/modules/history/history.repository.ts';
import { activityRecords } from '../../src/modules/history/history.rules.ts';

const NOW = new Date('2026-11-21T01:00:00Z'); // 2026-11-21 10:00 Tokyo

const app = (o: Partial<HistoryApplicationRow> = {}): HistoryApplicationRow => ({
  id: 'a1',
  route: 'direct',
  state: 'applied',
  appliedAt: new Date('2026-11-18T03:00:00Z'),
  cancelledAt: null,
  decidedAt: null,
  jobNumber: '13010-09999999',
  title: '介護職員',
  employerName: '株式会社ハローワークケア',
  letterNumber: null,
  ...o,
});

const target = (o: Partial<HistoryReferralRow> = {}): HistoryReferralRow => ({
  id: 'r1',
  state: 'sent',
  sentAt: new Date('2026-11-17T03:00:00Z'),
  applyBy: '2026-11-24',
  appliedAt: null,
  declinedAt: null,
  closedAt: null,
  job: {
    jobNumber: '13010-00000001',
    title: '調理補助',
    status: 'open',
    referralDeadline: '2026-12-31',
    closedOn: null,
  },
  employerName: '株式会社テスト',
  ...o,
});

describe('activityRecords (HI-1..HI-3)', () => {
  it('HI-1 an application is a record on the Tokyo day of 「応募」 — 00:30 Tokyo is already the next day', () => {
    const [r] = activityRecords([app({ appliedAt: new Date('2026-11-20T15:30:00Z') })], [], NOW);
    expect(r).toMatchObject({ kind: 'application', on: '2026-11-21', route: 'direct', state: 'applied' });
    expect(r?.endedOn).toBeNull();
  });

  it('HI-1 23:59 Tokyo stays on its own day', () => {
    const [r] = activityRecords([app({ appliedAt: new Date('2026-11-20T14:59:00Z') })], [], NOW);
    expect(r?.on).toBe('2026-11-20');
  });

  it('HI-1 the 選考結果 and a 取消 give the day the state was reached (Tokyo), and the 紹介状番号 is kept', () => {
    const [hired, cancelled] = activityRecords(
      [
        app({
          id: 'a1',
          route: 'referral',
          state: 'hired',
          decidedAt: new Date('2026-11-19T15:00:00Z'),
          letterNumber: '13010-2026-000123',
        }),
        app({
          id: 'a2',
          appliedAt: new Date('2026-11-19T00:00:00Z'),
          state: 'cancelled',
          cancelledAt: new Date('2026-11-19T02:00:00Z'),
        }),
      ],
      [],
      NOW,
    );
    expect(hired).toMatchObject({
      route: 'referral',
      state: 'hired',
      endedOn: '2026-11-20',
      letterNumber: '13010-2026-000123',
    });
    expect(cancelled).toMatchObject({ state: 'cancelled', endedOn: '2026-11-19' });
  });

  it('HI-2 a live target is 未応募 (open) with its 応募期限日', () => {
    const [r] = activityRecords([], [target()], NOW);
    expect(r).toMatchObject({ kind: 'referral', on: '2026-11-17', state: 'open', applyBy: '2026-11-24' });
  });

  it('HI-2 a stored-sent target past its 応募期限日 is 期限切れ from 00:00 Tokyo of the next day', () => {
    const past = target({ applyBy: '2026-11-20' });
    expect(activityRecords([], [past], new Date('2026-11-20T14:59:59Z'))[0]?.state).toBe('open');
    expect(activityRecords([], [past], new Date('2026-11-20T15:00:00Z'))[0]?.state).toBe('expired');
  });

  it('HI-2 a target whose job was withdrawn is 取下げ; an applied one is 応募済 with the day applied', () => {
    const [withdrawn, applied] = activityRecords(
      [],
      [
        target({ id: 'r1', job: { ...target().job, status: 'withdrawn', closedOn: '2026-11-19' } }),
        target({
          id: 'r2',
          sentAt: new Date('2026-11-18T00:00:00Z'),
          state: 'applied',
          appliedAt: new Date('2026-11-19T16:00:00Z'),
        }),
      ],
      NOW,
    );
    expect(withdrawn?.state).toBe('withdrawn');
    expect(applied).toMatchObject({ state: 'applied', endedOn: '2026-11-20' });
  });

  it('HI-3 records are oldest first; a target sent at the same instant as an application comes first', () => {
    const at = new Date('2026-11-18T03:00:00Z');
    const records = activityRecords(
      [app({ id: 'late', appliedAt: new Date('2026-11-20T00:00:00Z') }), app({ id: 'same', appliedAt: at })],
      [target({ sentAt: at }), target({ id: 'early', sentAt: new Date('2026-11-01T00:00:00Z') })],
      NOW,
    );
    expect(records.map((r) => `${r.kind}:${r.on}`)).toEqual([
      'referral:2026-11-01',
      'referral:2026-11-18',
      'application:2026-11-18',
      'application:2026-11-20',
    ]);
  });

  it('HI-3 nothing recorded gives no records', () => {
    expect(activityRecords([], [], NOW)).toEqual([]);
  });
});
