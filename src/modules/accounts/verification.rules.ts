/**
 * Rules for codes sent by mail (SPEC MP-3, MP-11). Pure. A code is valid for its lifetime from
 * the moment it was sent (30 minutes for the 認証キー), single use, and dies after five wrong
 * entries: the sixth try is refused even with the right code.
 */
export const CODE_DIGITS = 6;
export const CODE_TTL_MINUTES = 30;
export const LOGIN_CODE_TTL_MINUTES = 10;
export const MAX_CODE_ATTEMPTS = 5;
/**
 * A step that mails a code to an address only when it has an account (MyPage opening ②–③,
 * password reset) answers no sooner than this, so its time does not tell whether it has one: the
 * mailing path takes 6–22 ms, the other 2–8 ms (issue 15 A4).
 */
export const CODE_REQUEST_MIN_MS = 50;

export type CodeOutcome = 'ok' | 'wrong' | 'expired' | 'exhausted' | 'missing';

export interface StoredCode {
  attempts: number;
  expiresAt: Date;
}

/** Decides what a code entry means. `matches` is whether the entered code equals the stored one. */
export function codeOutcome(stored: StoredCode | undefined, matches: boolean, now: Date): CodeOutcome {
  if (!stored) return 'missing';
  if (now.getTime() >= stored.expiresAt.getTime()) return 'expired';
  if (stored.attempts >= MAX_CODE_ATTEMPTS) return 'exhausted';
  return matches ? 'ok' : 'wrong';
}

/** After a wrong entry: is the code now dead? */
export function exhaustedAfterWrong(attemptsBefore: number): boolean {
  return attemptsBefore + 1 >= MAX_CODE_ATTEMPTS;
}

export function codeExpiry(now: Date, minutes: number): Date {
  return new Date(now.getTime() + minutes * 60_000);
}

/**
 * What a step that takes a 認証キー tells the person (SPEC MP-3 with MP-2/MP-6 "never tells whether the
 * address matched"): when there is no key to check — none was issued because the address (or its 生年月日
 * or 事業所番号) matched no account, or it was already spent — the answer is the one for a wrong key, so
 * the key step cannot be used to find out who has an account.
 */
export function shownKeyOutcome(outcome: Exclude<CodeOutcome, 'ok'>): Exclude<CodeOutcome, 'ok' | 'missing'> {
  return outcome === 'missing' ? 'wrong' : outcome;
}
