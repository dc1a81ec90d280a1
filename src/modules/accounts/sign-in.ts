/**
 * Signing in (SPEC MP-5, MP-11) for the three roles. One answer for every failure (unknown
 * address, no password yet, wrong password, locked), equal work in each case, a soft lock after
 * ten consecutive failures with a notice mail, throttling per client address, and an optional
 * one-time code by mail unless this browser is trusted.
 */
import type { Role } from '../../db/schema/index.ts';
import type { Ports } from '../../deps.ts';
import type { Locale } from '../../i18n/index.ts';
import { randomToken, sha256 } from '../../platform/ids.ts';
import { notify } from '../notifications/notify.ts';
import {
  type Account,
  countLoginAttempt,
  findAccount,
  findAccountByEmail,
  recordLoginSuccess,
} from './accounts.repository.ts';
import { lockedUntilAfter, lockNoticeDue, TRUSTED_DEVICE_DAYS } from './login.rules.ts';
import { decoyHash, verifyPassword } from './password-hash.ts';
import { hitLimit, LIMITS, releaseHit } from './throttle.ts';
import { insertTrustedDevice, isTrustedDeviceOf } from './trusted-devices.repository.ts';
import { type CodeOutcome, LOGIN_CODE_TTL_MINUTES } from './verification.rules.ts';
import { consumeCode, mailNewCode } from './verification.ts';

export type SignInResult =
  | { kind: 'signed_in'; account: Account }
  | { kind: 'code_sent'; account: Account }
  | { kind: 'failed' };

/** What signing in uses: the database, the clock, and the queue and secret of a mailed code. */
export type SignInPorts = Ports<'db' | 'clock' | 'queue' | 'secret'>;

export async function signIn(
  deps: SignInPorts,
  req: {
    role: Role;
    email: string;
    password: string;
    ip: string;
    deviceToken?: string | undefined;
    locale: Locale;
  },
): Promise<SignInResult> {
  const { db, clock } = deps;
  const now = clock.now();
  // Count first, verify afterwards: concurrent guesses each take a number before any of them is
  // verified, so no burst gets past the limits (per client address, then per account).
  await hitLimit(db, LIMITS.loginFailuresPerIp, req.ip, now);
  const account = await findAccountByEmail(db, req.role, req.email);
  const attempt = account?.passwordHash
    ? await countLoginAttempt(db, account.id, now, lockedUntilAfter)
    : ({ kind: 'locked' } as const);
  const counted = attempt.kind === 'counted';
  // Verify against a decoy when there is nothing to verify, so every failure costs the same.
  const valid = await verifyPassword(counted ? account!.passwordHash! : await decoyHash(), req.password);
  if (!account || !counted || !valid) {
    if (counted && lockNoticeDue(attempt.attempt)) {
      const until = lockedUntilAfter(attempt.attempt, now)!.toISOString();
      await db.transaction((tx) =>
        notify(deps, tx, {
          recipient: { accountId: account!.id },
          kind: 'account.lock_notice',
          data: { until },
        }),
      );
    }
    return { kind: 'failed' };
  }
  // A success is not a failure from this address: it gives back the number it took.
  await releaseHit(db, LIMITS.loginFailuresPerIp, req.ip, now);
  if (account.mfaEnabled && !(await isTrustedDevice(deps, account.id, req.deviceToken))) {
    await sendLoginCode(deps, account, req.locale);
    return { kind: 'code_sent', account };
  }
  await recordLoginSuccess(db, account.id, now);
  return { kind: 'signed_in', account };
}

async function sendLoginCode(deps: SignInPorts, account: Account, locale: Locale): Promise<void> {
  const { db, clock, queue, secret } = deps;
  const now = clock.now();
  await db.transaction((tx) =>
    mailNewCode(
      { db: tx, secret, now, queue, clock },
      {
        purpose: 'login_code',
        target: account.id,
        ttlMinutes: LOGIN_CODE_TTL_MINUTES,
        recipient: { accountId: account.id, locale },
        kind: 'account.login_code',
      },
    ),
  );
}

export type LoginCodeResult =
  | { ok: true; account: Account; deviceToken?: string }
  | { ok: false; outcome: Exclude<CodeOutcome, 'ok'> };

/** Second step of a sign-in with a one-time code; optionally trusts this browser for 30 days. */
export async function verifyLoginCode(
  deps: Ports<'db' | 'clock' | 'secret'>,
  req: { accountId: string; code: string; trustDevice: boolean; ip: string },
): Promise<LoginCodeResult> {
  const { db, clock, secret } = deps;
  const now = clock.now();
  await hitLimit(db, LIMITS.codeEntriesPerIp, req.ip, now);
  const account = await findAccount(db, req.accountId);
  if (!account) return { ok: false, outcome: 'missing' };
  const outcome = await db.transaction((tx) =>
    consumeCode({ db: tx, secret, now }, 'login_code', account.id, req.code),
  );
  if (outcome !== 'ok') return { ok: false, outcome };
  await recordLoginSuccess(db, account.id, now);
  if (!req.trustDevice) return { ok: true, account };
  const deviceToken = randomToken();
  await insertTrustedDevice(db, {
    tokenHash: sha256(deviceToken),
    accountId: account.id,
    expiresAt: new Date(now.getTime() + TRUSTED_DEVICE_DAYS * 86_400_000),
    now,
  });
  return { ok: true, account, deviceToken };
}

async function isTrustedDevice(
  deps: Ports<'db' | 'clock'>,
  accountId: string,
  token: string | undefined,
): Promise<boolean> {
  if (!token) return false;
  return isTrustedDeviceOf(deps.db, { tokenHash: sha256(token), accountId, now: deps.clock.now() });
}
