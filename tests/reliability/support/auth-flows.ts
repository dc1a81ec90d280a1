/**
 * The account journeys of the A rows (issue 15), driven through HTTP as a browser would: each
 * page that sets a password (SPEC MP-2 ④ opening for seekers and employers, MP-6 internet signup,
 * password reset for seekers and employers, change password in MyPage), started on a fresh account
 * with the 認証キー read from the test mailbox, and ready to take one password at a time.
 */
import { expect } from 'vitest';
import { createEmployer, createSeeker, uniqueEmail } from '../../support/factories.ts';
import type { Page, TestClient } from '../../support/http.ts';
import { codeIn } from '../../support/mailbox.ts';
import type { TestContext } from '../../support/test-app.ts';
import { canary } from './context.ts';

export type SetterName =
  | 'seeker opening ④ /mypage/open/password'
  | 'employer opening ④ /employer/open/password'
  | 'internet signup ④ /signup/password'
  | 'seeker reset /password-reset/password'
  | 'employer reset /employer/password-reset/password'
  | 'change password /mypage/settings/password';

export interface Journey {
  client: TestClient;
  email: string;
  role: 'seeker' | 'employer';
  /** The mailed 認証キー of the journey ('' for change password). */
  code: string;
  /** Posts one new password (twice, with the key or the current password); the page answered. */
  set(password: string, code?: string): Promise<Page>;
  /** Whether the page answered "password set". */
  accepted(page: Page): boolean;
  /** The form page (GET) holding the password inputs. */
  formPath: string;
}

let ipSerial = 0;
/** A client address of its own for each journey: the per-address limits count nothing shared. */
export const freshIp = () => {
  ipSerial++;
  return `10.${(ipSerial >> 16) & 255}.${(ipSerial >> 8) & 255}.${ipSerial & 255}`;
};

/** The current password of accounts the factories create for the change-password page. */
export const CURRENT = canary('password', 'Cur-9xQ#v7Lm2p');

/** The mailed key (a canary for G1). */
async function keyFor(ctx: TestContext, email: string): Promise<string> {
  await ctx.drain();
  return canary('auth-key', codeIn(ctx.mailbox.last(email)));
}

export const SETTERS: readonly SetterName[] = [
  'seeker opening ④ /mypage/open/password',
  'employer opening ④ /employer/open/password',
  'internet signup ④ /signup/password',
  'seeker reset /password-reset/password',
  'employer reset /employer/password-reset/password',
  'change password /mypage/settings/password',
];

const keyed = (
  client: TestClient,
  email: string,
  role: 'seeker' | 'employer',
  code: string,
  path: string,
  done: (p: Page) => boolean,
): Journey => ({
  client,
  email,
  role,
  code,
  formPath: path,
  set: async (password, c = code) => {
    await client.get(path);
    return client.post(path, { password, passwordConfirm: password, code: c });
  },
  accepted: done,
});

/** Starts the journey of one page on a fresh account, up to the page that takes the password. */
export async function startJourney(ctx: TestContext, setter: SetterName, ip = freshIp()): Promise<Journey> {
  const client = ctx.client(ip);
  switch (setter) {
    case 'seeker opening ④ /mypage/open/password': {
      const { email } = await createSeeker(ctx.deps, { opened: false, birthDate: '1991-04-12' });
      await client.get('/mypage/open');
      await client.post('/mypage/open', { agree: 'yes' });
      await client.get('/mypage/open/identify');
      const sent = await client.post('/mypage/open/identify', { email, proof: '1991-04-12' });
      expect(sent.location).toBe('/mypage/open/sent');
      const code = await keyFor(ctx, email);
      return keyed(
        client,
        email,
        'seeker',
        code,
        '/mypage/open/password',
        (p) => p.location === '/mypage/open/complete',
      );
    }
    case 'employer opening ④ /employer/open/password': {
      const { email, employer } = await createEmployer(ctx.deps, { opened: false });
      await client.get('/employer/open');
      await client.post('/employer/open', { agree: 'yes' });
      await client.get('/employer/open/identify');
      const sent = await client.post('/employer/open/identify', {
        email,
        proof: employer.establishmentNumber,
      });
      expect(sent.location).toBe('/employer/open/sent');
      const code = await keyFor(ctx, email);
      return keyed(
        client,
        email,
        'employer',
        code,
        '/employer/open/password',
        (p) => p.location === '/employer/open/complete',
      );
    }
    case 'internet signup ④ /signup/password': {
      const email = uniqueEmail('signup');
      await client.get('/signup');
      await client.post('/signup', { agree: 'yes' });
      await client.get('/signup/email');
      const sent = await client.post('/signup/email', { email });
      expect(sent.location).toBe('/signup/sent');
      const code = await keyFor(ctx, email);
      return keyed(
        client,
        email,
        'seeker',
        code,
        '/signup/password',
        (p) => p.status === 303 && p.location === '/signup/profile',
      );
    }
    case 'seeker reset /password-reset/password':
    case 'employer reset /employer/password-reset/password': {
      const role = setter.startsWith('seeker') ? 'seeker' : 'employer';
      const base = role === 'seeker' ? '/password-reset' : '/employer/password-reset';
      const { email } =
        role === 'seeker'
          ? await createSeeker(ctx.deps, { password: CURRENT })
          : await createEmployer(ctx.deps);
      await client.get(base);
      const sent = await client.post(base, { email });
      expect(sent.location).toBe(`${base}/password`);
      const code = await keyFor(ctx, email);
      return keyed(
        client,
        email,
        role,
        code,
        `${base}/password`,
        (p) => p.status === 200 && p.dom.querySelector('main a[href$="login"]') !== null,
      );
    }
    case 'change password /mypage/settings/password': {
      const { email } = await createSeeker(ctx.deps, { password: CURRENT });
      await client.get('/login');
      const signedIn = await client.post('/login', { email, password: CURRENT });
      expect(signedIn.status).toBe(303);
      return {
        client,
        email,
        role: 'seeker',
        code: '',
        formPath: '/mypage/settings',
        set: async (password) => {
          await client.get('/mypage/settings');
          return client.post('/mypage/settings/password', {
            currentPassword: CURRENT,
            password,
            passwordConfirm: password,
          });
        },
        accepted: (p) => p.location === '/mypage/settings?saved=password',
      };
    }
  }
}

const LOGIN = { seeker: '/login', employer: '/employer/login', staff: '/staff/login' } as const;

/** One sign-in attempt on a fresh client; the status (303 signed in, 401 refused, 400 invalid). */
export async function trySignIn(
  ctx: TestContext,
  role: keyof typeof LOGIN,
  email: string,
  password: string,
  ip = freshIp(),
): Promise<Page> {
  const client = ctx.client(ip);
  await client.get(LOGIN[role]);
  return client.post(LOGIN[role], { email, password });
}

/**
 * A page's HTML with what differs between any two answers by design blanked out: CSRF tokens,
 * CSP nonces, and the given strings (the address typed).
 */
export function normalised(html: string, typed: readonly string[] = []): string {
  let out = html
    .replace(/(name="_csrf"[^>]*value=")[^"]*"/g, '$1…"')
    .replace(/(value="[^"]*"[^>]*name="_csrf")/g, 'CSRF')
    .replace(/nonce="[^"]*"/g, 'nonce="…"')
    .replace(/<meta name="csrf-token" content="[^"]*"/g, '<meta name="csrf-token" content="…"');
  for (const t of typed) {
    out = out.split(t).join('«typed»');
    const escaped = t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
    if (escaped !== t) out = out.split(escaped).join('«typed»');
  }
  return out;
}

/** Headers that would tell two answers apart (cookies are compared by name only). */
export function headerShape(page: Page): string {
  const cookies = page.headers
    .getSetCookie()
    .map((c) => c.split('=')[0])
    .sort()
    .join(',');
  return `${page.status} location=${page.location ?? ''} type=${page.headers.get('content-type')} cookies=${cookies}`;
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
