/**
 * The reply promise (ADR 0023; issue 12), decided without I/O. Each 求人票 states its 選考結果通知 in
 * days (`result_notice_days`); at 「応募」 that promise becomes the application's 回答予定日: the
 * Tokyo calendar date of 「応募」 plus the days of the 求人票 as applied. It never moves afterwards.
 * The application is overdue from the Tokyo day after the 回答予定日 while it is still 応募中 (no
 * 選考結果, not cancelled). Every page, the staff list and the daily reminder ask these functions.
 */
import { addDays, daysBetween, type LocalDate, tokyoDate } from '../../platform/dates.ts';

/** 回答予定日: null when the 求人票 promised no days (0, missing or not a whole number). */
export function replyDueOn(appliedAt: Date, days: number | null | undefined): LocalDate | null {
  if (typeof days !== 'number' || !Number.isInteger(days) || days <= 0) return null;
  return addDays(tokyoDate(appliedAt), days);
}

/** Whether the 回答予定日 has passed without a result: 応募中 and `today` (Tokyo) after it. */
export function replyOverdue(
  app: { state: string; replyDueOn: LocalDate | null },
  today: LocalDate,
): boolean {
  return app.state === 'applied' && app.replyDueOn !== null && app.replyDueOn < today;
}

/**
 * The same rule in the form a query can use: on `today`, an application still 応募中 is overdue when
 * its 回答予定日 is before this date (`reply_due_on < overdueIfDueBefore(today)`).
 */
export function overdueIfDueBefore(today: LocalDate): LocalDate {
  return today;
}

/** Whole days since the 回答予定日 (1 on the day after it); 0 when not overdue. */
export function daysOverdue(app: { state: string; replyDueOn: LocalDate | null }, today: LocalDate): number {
  return replyOverdue(app, today) && app.replyDueOn ? daysBetween(app.replyDueOn, today) : 0;
}

/** What each MyPage says about an application's 回答予定日. */
export type ReplyPromise =
  /** The 求人票 promised no days. */
  | { kind: 'none' }
  /** 応募中, the 回答予定日 today or later. */
  | { kind: 'pending'; dueOn: LocalDate }
  /** 応募中 and the 回答予定日 has passed without a result. */
  | { kind: 'overdue'; dueOn: LocalDate; days: number }
  /** Answered (採用/不採用) or cancelled: the date stays as a record. */
  | { kind: 'closed'; dueOn: LocalDate };

export function replyPromise(
  app: { state: string; replyDueOn: LocalDate | null },
  today: LocalDate,
): ReplyPromise {
  if (app.replyDueOn === null) return { kind: 'none' };
  if (app.state !== 'applied') return { kind: 'closed', dueOn: app.replyDueOn };
  if (replyOverdue(app, today))
    return { kind: 'overdue', dueOn: app.replyDueOn, days: daysOverdue(app, today) };
  return { kind: 'pending', dueOn: app.replyDueOn };
}
