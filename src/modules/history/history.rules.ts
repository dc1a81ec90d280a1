/**
 * 求職活動の記録 (issue 16, ADR 0026): a seeker's applications and オンラインハローワーク紹介 targets as
 * one list of records, oldest first, each on the Tokyo calendar day it happened. Pure: the rows come
 * from history.repository.ts and `now` from the clock (a target's 期限切れ / 取下げ is derived as on
 * every page, referral.rules.ts).
 *
 * - HI-1 an application is one record on the day of 「応募」, with its route, its state (応募中 ·
 *   取消 · 採用 · 不採用), the day that state was reached and its 紹介状番号;
 * - HI-2 a referral target is one record on the day it was sent, with its state as shown
 *   (未応募 · 応募済 · 期限切れ · 取下げ · 辞退), its 応募期限日 and the day it was closed, if stored;
 * - HI-3 records are in the order they happened; a target sent at the same instant as an
 *   application comes first (one is sent before it can be applied to).
 */
import type { ApplicationRoute, ApplicationState, ReferralState } from '../../domain/vocabulary.ts';
import { type LocalDate, tokyoDate } from '../../platform/dates.ts';
import { referralState } from '../referrals/referral.rules.ts';
import type { HistoryApplicationRow, HistoryReferralRow } from './history.repository.ts';

interface RecordBase {
  /** The Tokyo day it happened. */
  on: LocalDate;
  jobNumber: string;
  title: string;
  employerName: string;
  /** The Tokyo day the state shown was reached (結果・取消・応募・辞退), when known. */
  endedOn: LocalDate | null;
}

export type ActivityRecord =
  | (RecordBase & {
      kind: 'application';
      route: ApplicationRoute;
      state: ApplicationState;
      letterNumber: string | null;
    })
  | (RecordBase & { kind: 'referral'; state: ReferralState; applyBy: LocalDate });

const dayOf = (at: Date | null): LocalDate | null => (at ? tokyoDate(at) : null);

export function activityRecords(
  apps: readonly HistoryApplicationRow[],
  targets: readonly HistoryReferralRow[],
  now: Date,
): ActivityRecord[] {
  const timed: { at: number; order: number; record: ActivityRecord }[] = [
    ...targets.map((r) => ({
      at: r.sentAt.getTime(),
      order: 0,
      record: {
        kind: 'referral' as const,
        on: tokyoDate(r.sentAt),
        jobNumber: r.job.jobNumber ?? '',
        title: r.job.title,
        employerName: r.employerName,
        state: referralState(r, r.job, now),
        applyBy: r.applyBy,
        endedOn: dayOf(r.appliedAt ?? r.declinedAt ?? r.closedAt),
      },
    })),
    ...apps.map((a) => ({
      at: a.appliedAt.getTime(),
      order: 1,
      record: {
        kind: 'application' as const,
        on: tokyoDate(a.appliedAt),
        jobNumber: a.jobNumber ?? '',
        title: a.title,
        employerName: a.employerName,
        route: a.route,
        state: a.state,
        letterNumber: a.letterNumber,
        endedOn: dayOf(a.decidedAt ?? a.cancelledAt),
      },
    })),
  ];
  return timed.sort((x, y) => x.at - y.at || x.order - y.order).map((t) => t.record);
}
