/**
 * Throttling limits (per client address and per target address), checked in the database so
 * every web process sees the same counts. Exceeding one answers 429 with a calm page.
 */
import type { Executor } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { countHit, uncountHit } from './rate-limits.repository.ts';

export interface Limit {
  name: string;
  max: number;
  windowMs: number;
}

const MINUTE = 60_000;

export const LIMITS = {
  /** Failed sign-ins from one client address. */
  loginFailuresPerIp: { name: 'login-fail-ip', max: 30, windowMs: 15 * MINUTE },
  /** Requests that send a code by mail, from one client address. */
  codeRequestsPerIp: { name: 'code-ip', max: 20, windowMs: 60 * MINUTE },
  /** Codes mailed to one address (no mail bombing through our forms). */
  codeMailsPerTarget: { name: 'code-target', max: 5, windowMs: 60 * MINUTE },
  /** Wrong code entries from one client address, across all codes. */
  codeEntriesPerIp: { name: 'code-entry-ip', max: 30, windowMs: 15 * MINUTE },
} satisfies Record<string, Limit>;

/** Counts a hit and refuses when the limit is exceeded. */
export async function hitLimit(db: Executor, limit: Limit, subject: string, now: Date): Promise<void> {
  const n = await countHit(db, `${limit.name}:${subject}`, limit.windowMs, now);
  if (n > limit.max)
    throw new AppError('rate_limited', `${limit.name} exceeded`, {
      retryAfterSeconds: Math.ceil(limit.windowMs / 1000),
    });
}

/** Counts a hit and returns whether it was within the limit (for limits that should not show an error). */
export async function withinLimit(db: Executor, limit: Limit, subject: string, now: Date): Promise<boolean> {
  return (await countHit(db, `${limit.name}:${subject}`, limit.windowMs, now)) <= limit.max;
}

/** Gives back a hit counted by hitLimit (a sign-in that turned out right is no failure). */
export async function releaseHit(db: Executor, limit: Limit, subject: string, now: Date): Promise<void> {
  await uncountHit(db, `${limit.name}:${subject}`, limit.windowMs, now);
}
