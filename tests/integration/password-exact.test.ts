/**
 * Regression tests for reliability row A1 (issue 15): a password is taken exactly as typed
 * (SPEC MP-4; ASVS 5.0 V6.2 — no trimming, no collapsed spaces, no truncation) and hashed in its NFKC
 * form (NIST SP 800-63B 5.1.1.2), so the policy decides on what was typed and the full-width form of
 * the same password signs in.
 * Found by A1: the password fields used the text() builder, which trims and collapses white space;
 * under the seed policy ' Kq7#mZ2!xW ' (spaces are not allowed) was accepted as 'Kq7#mZ2!xW', and under
 * the nist policy a password with spaces around signed in without them.
 */
import { hash } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/modules/accounts/password-hash.ts';
import { createSeeker } from '../support/factories.ts';
import { codeIn } from '../support/mailbox.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let n = 0;
const ip = () => `198.19.7.${++n}`;

async function reset(ctx: TestContext, email: string, password: string) {
  const c = ctx.client(ip());
  await c.get('/password-reset');
  await c.post('/password-reset', { email });
  await ctx.drain();
  const code = codeIn(ctx.mailbox.last(email));
  await c.get('/password-reset/password');
  return c.post('/password-reset/password', { password, passwordConfirm: password, code });
}

async function signIn(ctx: TestContext, email: string, password: string) {
  const c = ctx.client(ip());
  await c.get('/login');
  return (await c.post('/login', { email, password })).status;
}

describe('MP-4 the password exactly as typed (seed policy)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx?.close());

  it('MP-4 refuses spaces around a password instead of trimming them away', async () => {
    const { email } = await createSeeker(ctx.deps);
    const page = await reset(ctx, email, ' Kq7#mZ2!xW ');
    expect(page.status).toBe(400);
    expect(page.fieldError('password')).toBe('パスワードは半角の英字、数字、記号で入力してください');
    expect(await signIn(ctx, email, 'Kq7#mZ2!xW')).toBe(401);
  });

  it('MP-4 signs in with the full-width form of the password (hashed as NFKC)', async () => {
    const { email } = await createSeeker(ctx.deps, { password: 'Kq7#mZ2!xW' });
    expect(await signIn(ctx, email, 'Ｋｑ７＃ｍＺ２！ｘＷ')).toBe(303);
    expect(await signIn(ctx, email, ' Kq7#mZ2!xW')).toBe(401);
  });
});

describe('MP-4 the password exactly as typed (nist policy)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ env: { PASSWORD_POLICY: 'nist' } });
  });
  afterAll(() => ctx?.close());

  it('MP-4 keeps spaces around and inside: only the exact password signs in', async () => {
    const { email } = await createSeeker(ctx.deps);
    const password = ' correct  horse 9 ';
    expect((await reset(ctx, email, password)).status).toBe(200);
    expect(await signIn(ctx, email, password)).toBe(303);
    expect(await signIn(ctx, email, password.trim())).toBe(401);
    expect(await signIn(ctx, email, ' correct horse 9 ')).toBe(401);
  });

  it('MP-4 a full-width password signs in typed half-width too', async () => {
    const { email } = await createSeeker(ctx.deps);
    expect((await reset(ctx, email, 'ｋｙｕｊｉｎ　ｓａｋｕ')).status).toBe(200);
    expect(await signIn(ctx, email, 'kyujin saku')).toBe(303);
  });
});

describe('MP-4 hashes written before normalisation', () => {
  it('MP-4 still verify the password as it was typed then', async () => {
    const old = await hash('Ｋｑ７＃ｍＺ２！ｘＷ', {
      algorithm: 2,
      memoryCost: 19456,
      timeCost: 2,
      parallelism: 1,
    });
    expect(await verifyPassword(old, 'Ｋｑ７＃ｍＺ２！ｘＷ')).toBe(true);
    expect(await verifyPassword(old, 'Ｋｑ７＃ｍＺ２！ｘ')).toBe(false);
  });
});
