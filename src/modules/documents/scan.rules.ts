/**
 * Virus-scan decisions for application documents (SPEC AP-5, ADR 0020), pure: what a scan's
 * outcome makes of a document, when to try again if clamd could not be reached, and what may be
 * delivered. The scan job (worker) asks the scanner, then applies these.
 *
 * Fail closed: only `clean` is ever delivered; a document the scanner could not judge stays
 * `pending` (確認中) and is retried with exponential backoff capped at an hour, indefinitely.
 */
import type { ScanState } from '../../domain/vocabulary.ts';

/** What one attempt gave: the scanner's verdict, or no verdict (ScannerUnavailable, any reason). */
export type ScanOutcome =
  | { kind: 'clean' }
  | { kind: 'infected'; signature: string }
  | { kind: 'unavailable'; reason: string };

export type ScanDecision =
  | { state: 'clean' }
  | { state: 'withheld'; signature: string }
  | { state: 'pending'; retryAfterSeconds: number };

/** 30 s after the first failed attempt, doubling each time, never more than an hour apart. */
export const SCAN_RETRY = { firstDelaySeconds: 30, maxDelaySeconds: 3_600, jitterShare: 0.2 } as const;

/**
 * Seconds to wait after the `attempt`-th attempt (1 = the first) found no scanner: 30, 60, 120 …
 * capped at 3,600. `jitter` in [0, 1) (the caller's random number) shortens the wait by up to
 * 20 %, so documents that failed together do not all return at the same second; never past the cap.
 */
export function scanRetryDelay(attempt: number, jitter = 0): number {
  if (!Number.isInteger(attempt) || attempt < 1)
    throw new RangeError(`attempt must be a whole number ≥ 1 (got ${attempt})`);
  if (!(jitter >= 0 && jitter < 1)) throw new RangeError(`jitter must be in [0, 1) (got ${jitter})`);
  // 2^(attempt-1) overflows to Infinity for huge attempts; min() caps it either way.
  const raw = Math.min(SCAN_RETRY.maxDelaySeconds, SCAN_RETRY.firstDelaySeconds * 2 ** (attempt - 1));
  return Math.max(1, Math.round(raw * (1 - SCAN_RETRY.jitterShare * jitter)));
}

/** The instant of the next attempt after the `attempt`-th found no scanner at `now`. */
export function nextScanAt(now: Date, attempt: number, jitter = 0): Date {
  return new Date(now.getTime() + scanRetryDelay(attempt, jitter) * 1000);
}

/** The document's state after the `attempt`-th scan attempt gave `outcome` (AP-5). */
export function decideScan(outcome: ScanOutcome, attempt: number, jitter = 0): ScanDecision {
  switch (outcome.kind) {
    case 'clean':
      return { state: 'clean' };
    case 'infected':
      return { state: 'withheld', signature: outcome.signature };
    case 'unavailable':
      return { state: 'pending', retryAfterSeconds: scanRetryDelay(attempt, jitter) };
  }
}

/** Whether a scan job still has work: only a pending document is scanned (a rerun changes nothing). */
export function needsScan(state: ScanState): boolean {
  return state === 'pending';
}

/** AP-5: only a clean document reaches the employer; pending and withheld ones never do. */
export function isDeliverable(state: ScanState): boolean {
  return state === 'clean';
}
