/**
 * Internet-only opening, step ④ (SPEC MP-6, MP-3, MP-4): with the right 認証キー the seeker
 * account is created, password set and MyPage opened, in the same transaction that uses up the
 * key. The seeker's details follow in the registration wizard (MP-10).
 */
import type { Deps } from '../../deps.ts';
import { findAccountByEmail, insertAccount, normalizeEmail } from '../accounts/accounts.repository.ts';
import type { PasswordProblem } from '../accounts/password.rules.ts';
import { hashPassword } from '../accounts/password-hash.ts';
import { hitLimit, LIMITS } from '../accounts/throttle.ts';
import type { CodeOutcome } from '../accounts/verification.rules.ts';
import { consumeCode } from '../accounts/verification.ts';

export type SignupResult =
  | { ok: true; accountId: string }
  | { ok: false; passwordProblems: PasswordProblem[]; code?: undefined }
  | { ok: false; code: Exclude<CodeOutcome, 'ok'>; passwordProblems?: undefined };

export async function completeSignup(
  deps: Deps,
  req: { email: string; password: string; code: string; ip: string },
): Promise<SignupResult> {
  const { db, clock, secret, passwords } = deps;
  const now = clock.now();
  const email = normalizeEmail(req.email);
  const problems = passwords.check(req.password, email);
  if (problems.length) return { ok: false, passwordProblems: problems };
  await hitLimit(db, LIMITS.codeEntriesPerIp, req.ip, now);
  const passwordHash = await hashPassword(req.password);
  return db.transaction(async (tx): Promise<SignupResult> => {
    const outcome = await consumeCode({ db: tx, secret, now }, 'signup', email, req.code);
    if (outcome !== 'ok') return { ok: false, code: outcome };
    // Someone opened this address meanwhile (another tab): the key is spent, nothing is created.
    if (await findAccountByEmail(tx, 'seeker', email)) return { ok: false, code: 'missing' };
    const account = await insertAccount(tx, { role: 'seeker', email, passwordHash, openedAt: now, now });
    return { ok: true, accountId: account.id };
  });
}
