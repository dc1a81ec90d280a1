/**
 * Document retention (SPEC DR-1, DR-2; ADR 0022), decided without I/O. An application's documents
 * are erased at the earliest of: the seeker cancels (CX-3), the employer registers a 選考結果
 * (EM-3), or the retention end — the end of the N-th month after the month the job became 無効
 * (closed_on), N = DOCUMENT_RETENTION_MONTHS (3 = 翌々々月末, seed 000; seed 001 says 翌々月末 = 2).
 * Every calendar rule is in Asia/Tokyo: dates are Tokyo dates (src/platform/dates.ts).
 */
import type { DocumentEraseCause } from '../../domain/vocabulary.ts';
import { addDays, addMonths, endOfMonth, type LocalDate } from '../../platform/dates.ts';

export const DEFAULT_RETENTION_MONTHS = 3;

/** The last day the documents are kept: 求人無効後 N か月後の月末 (N = 3: 翌々々月末). */
export function documentsRetainedUntil(closedOn: LocalDate, months: number): LocalDate {
  return endOfMonth(closedOn, months);
}

/** The day the documents are erased: the day after the retention end has passed (a first of a month). */
export function documentsEraseOn(closedOn: LocalDate, months: number): LocalDate {
  return addDays(documentsRetainedUntil(closedOn, months), 1);
}

/** Whether the retention end has passed on `today`: no result may be registered any more (EM-3). */
export function retentionEnded(closedOn: LocalDate | null, months: number, today: LocalDate): boolean {
  return closedOn !== null && documentsEraseOn(closedOn, months) <= today;
}

/**
 * For the daily run: on `today`, the documents of jobs closed *before* this day are due. The same
 * rule as `documentsEraseOn(closedOn, N) <= today`, in the form a query can use on closed_on.
 */
export function retentionDueBefore(today: LocalDate, months: number): LocalDate {
  return addMonths(`${today.slice(0, 7)}-01`, -months);
}

/** What each MyPage says about an application's documents (DR-1, DR-2). */
export type DocumentsErasure =
  /** Erased: when and why (the record stays, DR-2). */
  | { kind: 'erased'; at: Date; cause: DocumentEraseCause }
  /** The job is 無効: erased on this day at the latest. */
  | { kind: 'scheduled'; on: LocalDate }
  /** The job is still open: erased N months after it closes. */
  | { kind: 'after_close'; months: number };

export function documentsErasure(
  app: { documentsErasedAt: Date | null; documentsErasedCause: DocumentEraseCause | null },
  job: { closedOn: LocalDate | null },
  months: number,
): DocumentsErasure {
  if (app.documentsErasedAt) {
    return { kind: 'erased', at: app.documentsErasedAt, cause: app.documentsErasedCause ?? 'retention' };
  }
  if (job.closedOn) return { kind: 'scheduled', on: documentsEraseOn(job.closedOn, months) };
  return { kind: 'after_close', months };
}
