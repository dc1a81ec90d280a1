/**
 * Sign-in limits under concurrent requests (SPEC MP-5, issue: limits that failed when 50 wrong
 * passwords arrived together). Every guess is counted before the password is verified.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, rateLimits } from '../../src/db/schema/index.ts';
import { createSeeker, uniqueEmail } from '../support/factories.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

let ipCounter = 0;
const nextIp = () => `198.19.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

/** Clients that have each opened the sign-in page (for their CSRF token), ready to post at once. */
async function readyClients(n: number, ip?: () => string) {
  const clients = Array.from({ length: n }, () => ctx.client(ip ? ip() : nextIp()));
  for (const c of clients) await c.get('/login');
  return clients;
}

const stateOf = async (email: string) => {
  const [row] = await ctx.db
    .select({ failures: accounts.failedLoginCount, lockedUntil: accounts.lockedUntil })
    .from(accounts)
    .where(eq(accounts.email, email));
  return row!;
};

describe('MP-5 sign-in limits hold under concurrency', () => {
  it('MP-5 counts at most 10 of 50 concurrent wrong passwords to one account and locks it', async () => {
    const { email } = await createSeeker(ctx.deps);
    const clients = await readyClients(50);
    const pages = await Promise.all(
      clients.map((c, i) => c.post('/login', { email, password: `Wrong-${i}-pass!` })),
    );
    expect(pages.every((p) => p.status === 401)).toBe(true);
    const state = await stateOf(email);
    expect(state.failures).toBeLessThanOrEqual(10);
    expect(state.failures).toBe(10);
    expect(state.lockedUntil!.getTime()).toBeGreaterThan(ctx.clock.now().getTime());
    // One notice, not one per guess.
    await ctx.drain();
    expect(ctx.mailbox.to(email).filter((m) => m.subject === 'ログインを一時的に制限しました')).toHaveLength(
      1,
    );
  });

  it('MP-5 refuses the right password that follows a burst of 60 wrong ones, while locked', async () => {
    const { email, password } = await createSeeker(ctx.deps);
    const clients = await readyClients(60);
    const burst = Promise.all(clients.map((c) => c.post('/login', { email, password: 'Wrong-pass-123!' })));
    const [owner] = await readyClients(1);
    await burst;
    const late = await owner!.post('/login', { email, password });
    expect(late.status).toBe(401);
    expect(late.text('.error-summary')).toContain('メールアドレスまたはパスワードが正しくありません');
    expect((await stateOf(email)).failures).toBe(10);
  });

  it('MP-5 counts at most 30 concurrent failures from one client address (the rest get 429)', async () => {
    const ip = nextIp();
    const clients = await readyClients(100, () => ip);
    const pages = await Promise.all(
      clients.map((c) => c.post('/login', { email: uniqueEmail('guess'), password: 'Wrong-pass-123!' })),
    );
    const statuses = pages.map((p) => p.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(30);
    expect(statuses.filter((s) => s === 429)).toHaveLength(70);
  });

  it('MP-5 a success is never followed by a lock from failures counted before it', async () => {
    const { email, password } = await createSeeker(ctx.deps);
    const [owner, ...others] = await readyClients(10);
    const failing = Promise.all(others.map((c) => c.post('/login', { email, password: 'Wrong-pass-123!' })));
    // Wait until all nine guesses are counted (they may still be verifying), then sign in.
    for (let i = 0; i < 500 && (await stateOf(email)).failures < 9; i++)
      await new Promise((r) => setTimeout(r, 5));
    expect((await stateOf(email)).failures).toBe(9);
    const signedIn = await owner!.post('/login', { email, password });
    const failed = await failing;
    expect(signedIn.status).toBe(303);
    expect(failed.every((p) => p.status === 401)).toBe(true);
    // The success reset the count; failures counted before it write nothing afterwards.
    const state = await stateOf(email);
    expect(state.lockedUntil).toBeNull();
    expect(state.failures).toBe(0);
  });

  it('MP-5 a correct sign-in gives back its number from the per-address count', async () => {
    const { email, password } = await createSeeker(ctx.deps);
    const ip = nextIp();
    // 40 sign-ins in a row from one office address: each success hands its number back, so an
    // office behind one NAT is not throttled by people who type their password right.
    for (const c of await readyClients(40, () => ip)) {
      expect((await c.post('/login', { email, password })).status).toBe(303);
    }
    const [row] = await ctx.db
      .select({ count: rateLimits.count })
      .from(rateLimits)
      .where(eq(rateLimits.key, `login-fail-ip:${ip}`));
    expect(row!.count).toBe(0);
  });
});
