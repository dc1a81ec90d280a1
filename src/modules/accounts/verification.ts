/**
 * The one mechanism for every code sent by mail (architecture habit 6): issue a random code,
 * keep only its HMAC, check entries against expiry, attempts and single use.
 */
import type { Executor, Transaction } from '../../db/client.ts';
import type { VerificationPurpose } from '../../db/schema/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { hmac, randomDigits, safeEqual } from '../../platform/ids.ts';
import type { Queue } from '../../platform/queue.ts';
import { notify, type Recipient } from '../notifications/notify.ts';
import { CODE_DIGITS, type CodeOutcome, codeExpiry, codeOutcome } from './verification.rules.ts';
import {
  countWrongAttempt,
  deleteVerification,
  findVerificationForUpdate,
  putVerification,
} from './verifications.repository.ts';

export interface CodeContext {
  db: Executor;
  secret: string;
  now: Date;
}

const digest = (secret: string, purpose: string, target: string, code: string) =>
  hmac(secret, `verification|${purpose}|${target}|${code}`);

/** Creates a code for (purpose, target), valid `ttlMinutes` from now; returns the code to mail. */
export async function issueCode(
  ctx: CodeContext,
  purpose: VerificationPurpose,
  target: string,
  ttlMinutes: number,
): Promise<string> {
  const code = randomDigits(CODE_DIGITS);
  await putVerification(ctx.db, {
    purpose,
    target,
    codeHash: digest(ctx.secret, purpose, target, code),
    expiresAt: codeExpiry(ctx.now, ttlMinutes),
    now: ctx.now,
  });
  return code;
}

/**
 * Checks an entered code. 'ok' consumes it (single use); 'wrong' counts an attempt; expired and
 * exhausted codes are deleted. Call inside a transaction.
 */
export async function consumeCode(
  ctx: CodeContext,
  purpose: VerificationPurpose,
  target: string,
  entered: string,
): Promise<CodeOutcome> {
  const stored = await findVerificationForUpdate(ctx.db, purpose, target);
  const normalized = entered.normalize('NFKC').replace(/\s+/g, '');
  const matches = stored
    ? safeEqual(stored.codeHash, digest(ctx.secret, purpose, target, normalized))
    : false;
  const outcome = codeOutcome(stored, matches, ctx.now);
  if (!stored) return outcome;
  if (outcome === 'wrong') await countWrongAttempt(ctx.db, stored.id);
  else await deleteVerification(ctx.db, stored.id);
  return outcome;
}

/** The notification kinds that carry a mailed code. */
export type CodeKind = 'account.open_key' | 'account.signup_key' | 'account.login_code' | 'account.reset_key';

/**
 * Issues a code and notifies the person with it, on the caller's transaction: the code exists only
 * if its mail is on its way. The code travels in the notification data until the mail is sent.
 */
export async function mailNewCode(
  ctx: { db: Transaction; secret: string; now: Date; queue: Queue; clock: Clock },
  o: {
    purpose: VerificationPurpose;
    target: string;
    ttlMinutes: number;
    recipient: Recipient;
    kind: CodeKind;
    /** Data of the kind besides the code and its expiry (the opening key's name and portal). */
    data?: { name: string; portal: 'seeker' | 'employer' };
  },
): Promise<void> {
  const code = await issueCode(ctx, o.purpose, o.target, o.ttlMinutes);
  const expires = codeExpiry(ctx.now, o.ttlMinutes).toISOString();
  await notify(ctx, ctx.db, {
    recipient: o.recipient,
    kind: o.kind,
    data: { ...o.data, code, expires } as never,
  });
}
