/**
 * A2 (issue 15; SPEC MP-5; ASVS 5.0 V6.3.1, NIST SP 800-63B 5.2.2, WSTG-ATHN-03), for the sign-in of
 * each portal (seeker /login, employer /employer/login, staff /staff/login):
 * - 1,000 wrong passwords on one account, each from another client address (so the per-address limit
 *   does not hide the account's own lock): the account is soft-locked after at most 10 failures
 *   (LOCK_THRESHOLD), every answer while locked is the same page as a wrong password (CSRF token
 *   and nonce blanked), the right password is refused while locked, and accepted once the lock
 *   period (1 minute after the 10th failure) has passed on the test clock; one lock-notice mail.
 * - 1,000 accounts × 1 wrong try from one client address (password spraying): the address is
 *   throttled with 429 after LIMITS.loginFailuresPerIp (30 per 15 minutes), and may try again once the
 *   window has passed. The accounts are written with one bulk INSERT (one precomputed argon2id hash).
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { accounts } from '../../src/db/schema/index.ts';
import { LOCK_THRESHOLD, lockMinutes } from '../../src/modules/accounts/login.rules.ts';
import { hashPassword } from '../../src/modules/accounts/password-hash.ts';
import { LIMITS } from '../../src/modules/accounts/throttle.ts';
import { createEmployer, createSeeker, createStaff, PASSWORD } from '../support/factories.ts';
import type { Page } from '../support/http.ts';
import type { TestContext } from '../support/test-app.ts';
import { freshIp, normalised, trySignIn } from './support/auth-flows.ts';
import { canary, reliabilityContext } from './support/context.ts';
import { report } from './support/report.ts';

const TRIES = Number(process.env.HW_LOCKOUT_TRIES ?? 1000);
const SPRAY = Number(process.env.HW_SPRAY_ACCOUNTS ?? 1000);

type Role = 'seeker' | 'employer' | 'staff';
const ROLES: readonly Role[] = ['seeker', 'employer', 'staff'];

let ctx: TestContext;
beforeAll(async () => {
  ctx = await reliabilityContext();
  canary('password', PASSWORD);
});
afterAll(() => ctx?.close());

async function accountOf(role: Role) {
  if (role === 'seeker') return createSeeker(ctx.deps, { password: canary('password') });
  if (role === 'employer') return createEmployer(ctx.deps);
  return createStaff(ctx.deps);
}

const lockState = async (id: string) => {
  const [row] = await ctx.db
    .select({ failures: accounts.failedLoginCount, lockedUntil: accounts.lockedUntil })
    .from(accounts)
    .where(eq(accounts.id, id));
  return row!;
};

const tally = (xs: number[]) =>
  [...xs.reduce((m, s) => m.set(s, (m.get(s) ?? 0) + 1), new Map<number, number>())]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s}×${n}`)
    .join(' ');

describe('A2 lockout and throttling', () => {
  for (const role of ROLES) {
    it(`A2 ${role}: ${TRIES} wrong passwords on one account → soft-lock at ≤ ${LOCK_THRESHOLD}, same answer while locked, right password refused until the lock ends`, async () => {
      const started = Date.now();
      const start = ctx.clock.now();
      const { account, email, password } = await accountOf(role);
      const wrong = canary('password', `Wr0ng-${role}-pw!`);
      const bodyOf = (p: Page) => normalised(p.html);
      const statuses: number[] = [];
      let firstWrongBody = '';
      let lockedAfter = 0;
      let differentWhileLocked = 0;
      for (let i = 1; i <= TRIES; i++) {
        const page = await trySignIn(ctx, role, email, wrong, freshIp());
        statuses.push(page.status);
        if (i === 1) firstWrongBody = bodyOf(page);
        if (!lockedAfter && (await lockState(account!.id)).lockedUntil) lockedAfter = i;
        if (lockedAfter && i > lockedAfter && bodyOf(page) !== firstWrongBody) differentWhileLocked++;
      }
      const state = await lockState(account!.id);
      // The right password while locked: the same refusal, not a sign-in.
      const rightWhileLocked = await trySignIn(ctx, role, email, password, freshIp());
      const lockMs = lockMinutes(LOCK_THRESHOLD) * 60_000;
      ctx.clock.set(new Date(start.getTime() + lockMs - 1000));
      const oneSecondBefore = await trySignIn(ctx, role, email, password, freshIp());
      ctx.clock.set(new Date(start.getTime() + lockMs));
      const atLockEnd = await trySignIn(ctx, role, email, password, freshIp());
      const after = await lockState(account!.id);
      await ctx.drain();
      const notices = ctx.mailbox.to(email).length;
      ctx.clock.set(start);

      expect(statuses.filter((s) => s >= 500)).toEqual([]);
      expect(new Set(statuses)).toEqual(new Set([401]));
      expect(lockedAfter).toBeGreaterThan(0);
      expect(lockedAfter).toBeLessThanOrEqual(10);
      // Guesses actually judged: the failure count stops at the threshold.
      expect(state.failures).toBe(lockedAfter);
      expect(differentWhileLocked).toBe(0);
      expect(rightWhileLocked.status).toBe(401);
      expect(bodyOf(rightWhileLocked)).toBe(firstWrongBody);
      expect(oneSecondBefore.status).toBe(401);
      expect(atLockEnd.status).toBe(303);
      expect(after.failures).toBe(0);
      expect(notices).toBe(1);
      report(
        'A2',
        `${role} sign-in: ${TRIES} wrong passwords on one account, each from another address`,
        {
          tries: TRIES,
          lockedAfterFailures: lockedAfter,
          guessesJudged: state.failures,
          statuses: tally(statuses),
          differentBodyWhileLocked: differentWhileLocked,
          rightPasswordWhileLocked: rightWhileLocked.status,
          rightPassword1sBeforeLockEnd: oneSecondBefore.status,
          rightPasswordAtLockEnd: atLockEnd.status,
          lockMinutes: lockMinutes(LOCK_THRESHOLD),
          noticeMails: notices,
          seconds: Math.round((Date.now() - started) / 100) / 10,
        },
        'locked after ≤ 10 failures; 401 with the identical page while locked (right password too); signs in when the lock ends; 0 × 5xx',
      );
    });
  }

  for (const role of ROLES) {
    it(`A2 ${role}: ${SPRAY} accounts × 1 wrong try from one address → 429 after ${LIMITS.loginFailuresPerIp.max}`, async () => {
      const started = Date.now();
      const start = ctx.clock.now();
      const hash = await hashPassword(canary('password', `Spr4y-${role}-right!`));
      const prefix = `spray-${role}-${Date.now().toString(36)}`;
      const now = start.toISOString();
      await ctx.db.execute(sql`
        insert into accounts (role, email, password_hash, opened_at, created_at, updated_at)
        select ${role}::text, ${prefix}::text || '-' || g::text || '@example.jp', ${hash}, ${now}::timestamptz,
               ${now}::timestamptz, ${now}::timestamptz
        from generate_series(1, ${SPRAY}) g`);
      const [{ n }] = (await queryRows<{ n: number }>(
        ctx.db,
        sql`select count(*)::int as n from accounts where email like ${`${prefix}-%`}`,
      )) as [{ n: number }];
      expect(Number(n)).toBe(SPRAY);
      const ip = freshIp();
      const wrong = canary('password', `Spr4y-${role}-wrong!`);
      const statuses: number[] = [];
      let first429 = 0;
      let retryAfter: string | null = null;
      const bodies429 = new Set<string>();
      for (let i = 1; i <= SPRAY; i++) {
        const page = await trySignIn(ctx, role, `${prefix}-${i}@example.jp`, wrong, ip);
        statuses.push(page.status);
        if (page.status === 429) {
          if (!first429) {
            first429 = i;
            retryAfter = page.headers.get('retry-after');
          }
          bodies429.add(normalised(page.html));
        }
      }
      // The right password from the throttled address is refused too, until the window has passed.
      const rightThrottled = await trySignIn(ctx, role, `${prefix}-1@example.jp`, `Spr4y-${role}-right!`, ip);
      ctx.clock.set(new Date(start.getTime() + LIMITS.loginFailuresPerIp.windowMs));
      const afterWindow = await trySignIn(ctx, role, `${prefix}-2@example.jp`, `Spr4y-${role}-right!`, ip);
      ctx.clock.set(start);
      // Each account saw at most its one try.
      const [{ maxFailures }] = (await queryRows<{ maxFailures: number }>(
        ctx.db,
        sql`select coalesce(max(failed_login_count), 0)::int as "maxFailures" from accounts where email like ${`${prefix}-%`}`,
      )) as [{ maxFailures: number }];

      const n429 = statuses.filter((s) => s === 429).length;
      const n401 = statuses.filter((s) => s === 401).length;
      expect(statuses.filter((s) => s >= 500)).toEqual([]);
      expect(n401).toBe(LIMITS.loginFailuresPerIp.max);
      expect(first429).toBe(LIMITS.loginFailuresPerIp.max + 1);
      expect(n429).toBe(SPRAY - LIMITS.loginFailuresPerIp.max);
      expect(bodies429.size).toBe(1);
      expect(Number(retryAfter)).toBeGreaterThan(0);
      expect(rightThrottled.status).toBe(429);
      expect(afterWindow.status).toBe(303);
      expect(Number(maxFailures)).toBeLessThanOrEqual(1);
      report(
        'A2',
        `${role} sign-in: ${SPRAY} accounts (bulk INSERT) × 1 wrong try from one address`,
        {
          accounts: SPRAY,
          statuses: tally(statuses),
          first429AtTry: first429,
          throttled429: n429,
          retryAfterSeconds: retryAfter ?? '',
          distinct429Bodies: bodies429.size,
          rightPasswordWhileThrottled: rightThrottled.status,
          rightPasswordAfterWindow: afterWindow.status,
          maxFailuresPerAccount: Number(maxFailures),
          seconds: Math.round((Date.now() - started) / 100) / 10,
        },
        `429 from try ${LIMITS.loginFailuresPerIp.max + 1} on (30 failures per address per 15 min); 0 × 5xx; allowed again after the window`,
      );
    });
  }
});
