/**
 * 応募の取り消し (SPEC CX-1, CX-2; ADR 0022), decided without I/O. The form, 「次へ進む」 and 「完了」
 * all ask these, and the use case asks them again inside its transaction with the clock it read, so
 * the 24-hour edge is enforced on the server to the second.
 */
import { CANCEL_REASONS, type CancelReason } from '../../domain/vocabulary.ts';
import { charCount } from '../../platform/fields.ts';
import { mayCancel } from './application.rules.ts';

/** 備考欄（全角300文字以内） (CX-2 ②), counted as people count characters. */
export const CANCEL_NOTE_MAX = 300;

export const isCancelReason = (v: string): v is CancelReason =>
  (CANCEL_REASONS as readonly string[]).includes(v);

export interface CancelInput {
  reason: string;
  note: string;
  consented: boolean;
}

export type CancelProblem = 'reason_missing' | 'note_missing' | 'note_too_long' | 'no_consent';

/**
 * What keeps the form from 「次へ進む」 and 「完了」, per field: a reason from the list (①); 備考 required
 * for 「その他」 and at most 300 characters for every reason (②); the notice ticked (③).
 */
export function cancelInputProblems(input: CancelInput): {
  reason?: CancelProblem;
  note?: CancelProblem;
  consent?: CancelProblem;
} {
  const problems: { reason?: CancelProblem; note?: CancelProblem; consent?: CancelProblem } = {};
  if (!isCancelReason(input.reason)) problems.reason = 'reason_missing';
  const note = input.note.trim();
  if (charCount(note) > CANCEL_NOTE_MAX) problems.note = 'note_too_long';
  else if (input.reason === 'other' && note === '') problems.note = 'note_missing';
  if (!input.consented) problems.consent = 'no_consent';
  return problems;
}

export type CancelRefusal =
  /** More than 24 hours since 「応募」 (CX-1): contact the employer by message or telephone. */
  | 'window_closed'
  /** A 選考結果 was registered: there is nothing left to cancel. */
  | 'decided';

/**
 * Whether this application may be cancelled now. A cancelled one is not refused here: the use case
 * treats a second 「完了」 as the first one's result (exactly once).
 */
export function cancelRefusal(app: { state: string; appliedAt: Date }, now: Date): CancelRefusal | undefined {
  if (app.state === 'hired' || app.state === 'not_hired') return 'decided';
  if (app.state === 'applied' && !mayCancel(app, now)) return 'window_closed';
  return undefined;
}

/** Whether 「応募を取消」 is shown for the application at all (CX-1: after 24 hours the button is gone). */
export function showsCancelButton(app: { state: string; appliedAt: Date }, now: Date): boolean {
  return mayCancel(app, now);
}
