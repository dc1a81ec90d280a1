/**
 * Regression test for reliability row A4 (issue 15; SPEC MP-2 "never tells whether the address
 * matched", MP-3, MP-6): the step that takes the 認証キー answers a wrong key the same way whether or
 * not a key was issued. Found by A4: for an address without an account (or, in the opening, a wrong
 * 生年月日; in the signup, an address that has an account) no key exists, and the step said
 * 「認証キーが無効です。はじめからやり直してください」 instead of 「認証キーが正しくありません…」, so the
 * two steps together told who has an account. The wrong-key message now also says what to do when
 * the key is no longer valid.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ja } from '../../src/i18n/ja.ts';
import { createSeeker, uniqueEmail } from '../support/factories.ts';
import type { TestClient } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

let n = 0;
const client = () => ctx.client(`198.19.9.${++n}`);
const PASSWORD = 'Kq7#mZ2!xW4$';
const WRONG = ja.accounts.code.wrong;

async function wrongKey(c: TestClient, path: string) {
  await c.get(path);
  const page = await c.post(path, { password: PASSWORD, passwordConfirm: PASSWORD, code: '000000' });
  return { status: page.status, message: page.fieldError('code') };
}

describe('MP-3 the key step does not tell whether a key was issued', () => {
  it('MP-3 password reset: a known and an unknown address get the same answer to a wrong key', async () => {
    const { email } = await createSeeker(ctx.deps);
    const answers = [];
    for (const address of [email, uniqueEmail('nobody')]) {
      const c = client();
      await c.get('/password-reset');
      await c.post('/password-reset', { email: address });
      answers.push(await wrongKey(c, '/password-reset/password'));
    }
    expect(answers).toEqual([
      { status: 400, message: WRONG },
      { status: 400, message: WRONG },
    ]);
  });

  it('MP-2 opening: the right and a wrong 生年月日 get the same answer to a wrong key', async () => {
    const answers = [];
    for (const proof of ['1990-02-03', '1990-02-04']) {
      const { email } = await createSeeker(ctx.deps, { opened: false, birthDate: '1990-02-03' });
      const c = client();
      await c.get('/mypage/open');
      await c.post('/mypage/open', { agree: 'yes' });
      await c.get('/mypage/open/identify');
      await c.post('/mypage/open/identify', { email, proof });
      answers.push(await wrongKey(c, '/mypage/open/password'));
    }
    expect(answers).toEqual([
      { status: 400, message: WRONG },
      { status: 400, message: WRONG },
    ]);
  });

  it('MP-6 signup: an address with an account and a new one get the same answer to a wrong key', async () => {
    const { email } = await createSeeker(ctx.deps);
    const answers = [];
    for (const address of [email, uniqueEmail('new')]) {
      const c = client();
      await c.get('/signup');
      await c.post('/signup', { agree: 'yes' });
      await c.get('/signup/email');
      await c.post('/signup/email', { email: address });
      answers.push(await wrongKey(c, '/signup/password'));
    }
    expect(answers).toEqual([
      { status: 400, message: WRONG },
      { status: 400, message: WRONG },
    ]);
  });
});
