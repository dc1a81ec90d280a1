import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaptureMailer } from '../../src/adapters/mail/capture-mailer.ts';
import { createStaffAccount } from '../../src/modules/accounts/create-staff-account.ts';
import { createSeeker, PASSWORD, uniqueEmail } from '../support/factories.ts';
import { signInAs } from '../support/sign-in.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

describe('behind https (BASE_URL https://…)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ env: { BASE_URL: 'https://mypage.example.jp' } });
  });
  afterAll(() => ctx?.close());

  it('sends HSTS and gives cookies Secure and the __Host- prefix', async () => {
    const { email, password } = await createSeeker(ctx.deps);
    const client = ctx.client();
    const login = await client.get('/login');
    expect(login.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
    const csrf = login.headers.getSetCookie().find((c) => c.startsWith('__Host-hw_csrf='))!;
    expect(csrf).toMatch(/; Secure/);
    expect(csrf).toMatch(/Path=\//);
    const res = await client.post('/login', { email, password });
    const session = res.headers
      .getSetCookie()
      .find((c) => c.startsWith('__Host-hw_session=') && !c.includes('Max-Age=0'));
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/Secure/);
    expect(session).not.toMatch(/Domain=/i);
    expect((await client.get('/mypage')).status).toBe(200);
  });
});

describe('production mode', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({
      env: { NODE_ENV: 'production', BASE_URL: 'https://mypage.example.jp', CLAMD_HOST: '127.0.0.1' },
    });
  });
  afterAll(() => ctx?.close());

  it('has no /dev/mail', async () => {
    expect((await ctx.client().get('/dev/mail')).status).toBe(404);
  });
});

describe('errors and logs', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx?.close());

  it('has /dev/mail outside production', async () => {
    const page = await ctx.client().get('/dev/mail');
    expect(page.status).toBe(200);
    expect(page.h1()).toBe('送信メール（開発用）');
  });

  it('lists captured mail at /dev/mail and shows one by its id', async () => {
    await createCaptureMailer(ctx.db, ctx.clock).send({
      to: 'dev-mail@example.jp',
      subject: '開発用の件名',
      text: '本文 1234',
    });
    const list = await ctx.client().get('/dev/mail');
    const href = list.html.match(/href="(\/dev\/mail\/[0-9a-f-]{36})"/)?.[1];
    expect(href).toBeDefined();
    expect(list.html).toContain('開発用の件名');
    const one = await ctx.client().get(href!);
    expect(one.status).toBe(200);
    expect(one.h1()).toBe('開発用の件名');
    expect(one.text('[data-testid="mail-body"]')).toContain('本文 1234');
    expect((await ctx.client().get('/dev/mail/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('logs one JSON line per request with its request id, and the id is sent back', async () => {
    const res = await ctx.client().get('/jobs');
    const id = res.headers.get('x-request-id');
    const line = ctx.logs.find((l) => l.msg === 'request' && l.requestId === id);
    expect(line).toMatchObject({ method: 'GET', path: '/jobs', status: 200 });
    expect(typeof line?.ms).toBe('number');
  });

  it('shows a calm 500 page with the request id and no details when something breaks', async () => {
    const broken = await createTestContext();
    await broken.deps.dbHandle.close();
    const res = await broken.client().get('/jobs');
    expect(res.status).toBe(500);
    expect(res.h1()).toBe('現在このページを表示できません');
    const id = res.headers.get('x-request-id')!;
    expect(res.text('.request-id')).toContain(id);
    expect(res.html).not.toMatch(/at .*\.ts:\d+|Error:|stack/i);
    expect(broken.logs.some((l) => l.msg === 'unhandled error' && l.requestId === id)).toBe(true);
    await broken.mailbox.close();
  });
});

describe('staff accounts from the command line', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
    await createSeeker(ctx.deps); // seeds the offices
  });
  afterAll(() => ctx?.close());

  it('refuses a weak password, an unknown office and a duplicate address; a good one can sign in', async () => {
    const email = uniqueEmail('staff');
    expect(
      await createStaffAccount(ctx.deps, { email, name: '職員', officeCode: '13010', password: 'password1' }),
    ).toMatchObject({
      ok: false,
    });
    expect(
      await createStaffAccount(ctx.deps, { email, name: '職員', officeCode: '99999', password: PASSWORD }),
    ).toMatchObject({
      ok: false,
      problems: ['no office 99999'],
    });
    expect(
      await createStaffAccount(ctx.deps, { email, name: '職員', officeCode: '13010', password: PASSWORD }),
    ).toMatchObject({
      ok: true,
    });
    expect(
      await createStaffAccount(ctx.deps, { email, name: '職員', officeCode: '13010', password: PASSWORD }),
    ).toMatchObject({
      ok: false,
      problems: ['a staff account with this e-mail exists'],
    });
    const client = ctx.client();
    await signInAs(client, 'staff', email, PASSWORD);
    expect((await client.get('/staff')).h1()).toBe('職員トップ');
  });
});
