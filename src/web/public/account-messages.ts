import type { Messages } from '../../i18n/index.ts';
import type { PasswordProblem } from '../../modules/accounts/password.rules.ts';
import type { PasswordChecker } from '../../modules/accounts/password-policy.ts';
import type { CodeOutcome } from '../../modules/accounts/verification.rules.ts';

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
