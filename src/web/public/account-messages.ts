import type { Messages } from '../../i18n/index.ts';
import type { PasswordWithCodeResult } from '../../modules/accounts/new-password.ts';
import type { PasswordProblem } from '../../modules/accounts/password.rules.ts';
import type { PasswordChecker } from '../../modules/accounts/password-policy.ts';
import type { CodeOutcome } from '../../modules/accounts/verification.rules.ts';
import type { FormErrors } from '../components/form.tsx';

/** The message for the first password problem (the one the user should fix first). */
export function passwordMessage(t: Messages, problems: PasswordProblem[], checker: PasswordChecker): string {
  const p = t.accounts.passwordProblems;
  const first = problems[0];
  switch (first) {
    case 'too_short':
      return p.too_short(checker.limits.min);
    case 'too_long':
      return p.too_long(checker.limits.max);
    case undefined:
      return '';
    default:
      return p[first];
  }
}

export function codeMessage(
  t: Messages,
  outcome: Exclude<CodeOutcome, 'ok'>,
  kind: 'key' | 'login' = 'key',
): string {
  const m = t.accounts.code;
  if (kind === 'login') {
    return outcome === 'wrong' ? m.loginWrong : outcome === 'exhausted' ? m.loginExhausted : m.loginExpired;
  }
  return m[outcome];
}

type PasswordWithCodeFailure = Extract<PasswordWithCodeResult, { ok: false }>;

/** Step ④ refused: the message next to the password or next to the 認証キー. */
export function passwordWithCodeErrors(
  t: Messages,
  failure: PasswordWithCodeFailure,
  checker: PasswordChecker,
): FormErrors {
  return failure.passwordProblems
    ? { password: passwordMessage(t, failure.passwordProblems, checker) }
    : { code: codeMessage(t, failure.code) };
}

/** The key can no longer be used (expired, used up or spent): the page offers to start again. */
export const keyDead = (failure: PasswordWithCodeFailure) =>
  failure.code !== undefined && failure.code !== 'wrong';
