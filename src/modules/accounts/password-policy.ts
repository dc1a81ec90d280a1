import { readFile } from 'node:fs/promises';
import type { Config } from '../../config.ts';
import { StartupError } from '../../platform/errors.ts';
import {
  checkPassword,
  PASSWORD_LIMITS,
  type PasswordPolicy,
  type PasswordProblem,
  parseCommonPasswordList,
} from './password.rules.ts';

/** The configured password rule (MP-4): policy plus the operator's extra common-password list. */
export interface PasswordChecker {
  policy: PasswordPolicy;
  limits: { min: number; max: number };
  check(password: string, email?: string): PasswordProblem[];
}

export function passwordChecker(policy: PasswordPolicy, extraCommon?: ReadonlySet<string>): PasswordChecker {
  return {
    policy,
    limits: PASSWORD_LIMITS[policy],
    check: (password, email) =>
      checkPassword({
        password,
        policy,
        ...(email ? { email } : {}),
        ...(extraCommon ? { extraCommon } : {}),
      }),
  };
}

export async function loadPasswordChecker(config: Config): Promise<PasswordChecker> {
  if (!config.commonPasswordsFile) return passwordChecker(config.passwordPolicy);
  try {
    const list = parseCommonPasswordList(await readFile(config.commonPasswordsFile, 'utf8'));
    return passwordChecker(config.passwordPolicy, list);
  } catch (error) {
    throw new StartupError(`COMMON_PASSWORDS_FILE cannot be read: ${(error as Error).message}`);
  }
}
