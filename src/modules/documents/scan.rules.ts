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
  /** The stored bytes are gone or no longer match their SHA-256: nothing can be scanned or sent. */
  | { kind: 'unreadable'; reason: string }
  | { kind: 'unavailable'; reason: string };

/** Why a document was withheld: a scanner's finding, or bytes that could not be read back. */
export type WithheldReason = 'suspect' | 'unreadable';

/** The recorded finding of a document whose stored bytes could not be read: `unreadable:<reason>`. */
export const UNREADABLE_FINDING_PREFIX = 'unreadable:';

/** The reason behind a withheld document's recorded finding (a scanner's signature otherwise). */
export function withheldReason(finding: string | null): WithheldReason {
  return finding?.startsWith(UNREADABLE_FINDING_PREFIX) ? 'unreadable' : 'suspect';
}

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
    // Retrying cannot bring lost bytes back; waiting would keep the application 確認中 for ever.
    case 'unreadable':
      return { state: 'withheld', signature: `${UNREADABLE_FINDING_PREFIX}${outcome.reason}` };
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
