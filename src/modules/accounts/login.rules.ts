/**
 * Sign-in lock rules (SPEC MP-5; issue: soft lock after 10 consecutive failures with a growing
 * delay and a notice mail). Pure.
 */
export const LOCK_THRESHOLD = 10;
export const MAX_LOCK_MINUTES = 60;

/** Minutes locked after the `failures`-th consecutive failure: 0 below the threshold, then 1, 2, 4 … capped at 60. */
export function lockMinutes(failures: number): number {
  if (failures < LOCK_THRESHOLD) return 0;
  return Math.min(2 ** (failures - LOCK_THRESHOLD), MAX_LOCK_MINUTES);
}

export function lockedUntilAfter(failures: number, now: Date): Date | null {
  const minutes = lockMinutes(failures);
  return minutes ? new Date(now.getTime() + minutes * 60_000) : null;
}

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

/** The notice mail goes out when the lock first starts, not on every later failure. */
export function lockNoticeDue(failures: number): boolean {
  return failures === LOCK_THRESHOLD;
}

/** A trusted device (MP-11) is remembered this long. */
export const TRUSTED_DEVICE_DAYS = 30;
