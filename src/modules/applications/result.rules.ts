/**
 * 選考結果 (SPEC EM-3; ADR 0022), decided without I/O: 採用 or 不採用 with the required 「求人票の労働
 * 条件と採用条件の相違」 あり/なし (and what differs when あり), registered once, and not after the
 * retention end of DR-1 (the documents and the application's selection are then over).
 */
import { SELECTION_RESULTS, type SelectionResult } from '../../domain/vocabulary.ts';
import type { LocalDate } from '../../platform/dates.ts';
import { charCount } from '../../platform/fields.ts';
import { retentionEnded } from './retention.rules.ts';

/** 相違の内容: at most 300 characters, as people count them. */
export const CONDITIONS_NOTE_MAX = 300;

export const isSelectionResult = (v: string): v is SelectionResult =>
  (SELECTION_RESULTS as readonly string[]).includes(v);

export interface ResultInput {
  result: string;
  /** 'yes' (あり) or 'no' (なし); anything else is unanswered. */
  conditionsDiffer: string;
  conditionsNote: string;
}

export type ResultProblem = 'result_missing' | 'conditions_missing' | 'note_missing' | 'note_too_long';

export function resultInputProblems(input: ResultInput): {
  result?: ResultProblem;
  conditionsDiffer?: ResultProblem;
  conditionsNote?: ResultProblem;
} {
  const problems: {
    result?: ResultProblem;
    conditionsDiffer?: ResultProblem;
    conditionsNote?: ResultProblem;
  } = {};
  if (!isSelectionResult(input.result)) problems.result = 'result_missing';
  if (input.conditionsDiffer !== 'yes' && input.conditionsDiffer !== 'no') {
    problems.conditionsDiffer = 'conditions_missing';
  }
  const note = input.conditionsNote.trim();
  if (charCount(note) > CONDITIONS_NOTE_MAX) problems.conditionsNote = 'note_too_long';
  else if (input.conditionsDiffer === 'yes' && note === '') problems.conditionsNote = 'note_missing';
  return problems;
}

export type ResultRefusal =
  /** The seeker cancelled the application (CX). */
  | 'cancelled'
  /** A result was registered already (a different one: the same one again is its repeat). */
  | 'decided'
  /** The retention end of DR-1 has passed: no result can be registered any more. */
  | 'retention_ended';

/**
 * Whether a result may be registered now. The retention end counts from the job's closed_on with
 * the configured N; documents already erased by the retention run count too (should N have been
 * raised since, the run's erasure still stands).
 */
export function resultRefusal(
  app: { state: string; documentsErasedCause: string | null },
  job: { closedOn: LocalDate | null },
  months: number,
  today: LocalDate,
): ResultRefusal | undefined {
  if (app.state === 'cancelled') return 'cancelled';
  if (app.state !== 'applied') return 'decided';
  if (app.documentsErasedCause === 'retention' || retentionEnded(job.closedOn, months, today)) {
    return 'retention_ended';
  }
  return undefined;
}
