/**
 * A1 (issue 15; SPEC MP-4; ASVS 5.0 V6.2, NIST SP 800-63B 5.1.1.2): every page that sets a password
 * (opening ④ for seekers and employers, internet signup ④, reset for seekers and employers, change
 * password) × passwords of length 0/7/8/32/33/64/65, full-width, NUL, emoji (lengths in code points),
 * spaces around and inside, under both policies (PASSWORD_POLICY seed, the default, and nist), through
 * HTTP. The policy decides exactly what was typed: each case is accepted or refused as written below,
 * never after trimming. An accepted password signs in with the exact string, not with the string cut
 * by one character (no truncation) nor without its spaces; its full-width (NFKC) form signs in too
 * (hashing normalises, 800-63B); the same string with a NUL is refused at sign-in as at setting.
 * "Paste": every password input on every page says autocomplete current-password / new-password, has
 * no maxlength under the policy's maximum, no onpaste/oncopy/ondrop handler, and the script has none.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../support/test-app.ts';
import {
  freshIp,
  type Journey,
  SETTERS,
  type SetterName,
  startJourney,
  trySignIn,
} from './support/auth-flows.ts';
import { canary, reliabilityContext } from './support/context.ts';
import { report } from './support/report.ts';

type Policy = 'seed' | 'nist';

/** Random-looking, policy-satisfying characters (letters, digits, symbols; no word, no run). */
const POOL = 'Kq7#mZ2!xW4$vB9%nR3&tY6*hJ8@pL5^dF1-gS0=cT4+uE7?aH2~oN9_iM3;rV6(eG8)kD5<';
const cut = (n: number) => POOL.slice(0, n);
const FULL_WIDTH = 'Ｋｑ７＃ｍＺ２！ｘＷ４＄';

interface Case {
  name: string;
  password: string;
  accept: Record<Policy, boolean>;
}

const CASES: readonly Case[] = [
  { name: 'length 0', password: '', accept: { seed: false, nist: false } },
  { name: 'length 7', password: cut(7), accept: { seed: false, nist: false } },
  { name: 'length 8', password: cut(8), accept: { seed: true, nist: true } },
  { name: 'length 32', password: cut(32), accept: { seed: true, nist: true } },
  { name: 'length 33', password: cut(33), accept: { seed: false, nist: true } },
  { name: 'length 64', password: cut(64), accept: { seed: false, nist: true } },
  { name: 'length 65', password: cut(65), accept: { seed: false, nist: false } },
  { name: 'full-width', password: FULL_WIDTH, accept: { seed: false, nist: true } },
  {
    name: 'NUL inside',
    password: `${cut(6)}\u0000${cut(12).slice(6)}`,
    accept: { seed: false, nist: false },
  },
  { name: 'emoji (10 code points)', password: `${cut(8)}🔑x`, accept: { seed: false, nist: true } },
  // 🔑 is two UTF-16 units: 7 code points are too short, 8 are enough (lengths count code points).
  { name: 'emoji, 7 code points', password: `${cut(6)}🔑`, accept: { seed: false, nist: false } },
  { name: 'emoji, 8 code points', password: `${cut(7)}🔑`, accept: { seed: false, nist: true } },
  { name: 'ZWJ family emoji', password: `${cut(8)}👨‍👩‍👧`, accept: { seed: false, nist: true } },
  { name: 'spaces around', password: ` ${cut(10)} `, accept: { seed: false, nist: true } },
  {
    name: 'two spaces inside',
    password: `${cut(5)}  ${cut(12).slice(5)}`,
    accept: { seed: false, nist: true },
  },
  { name: 'tab inside', password: `${cut(5)}\t${cut(12).slice(5)}`, accept: { seed: false, nist: true } },
];

/** The accepted password with its last code point cut off. */
const lessOne = (p: string) => Array.from(p).slice(0, -1).join('');

interface Tally {
  attempts: number;
  accepted: number;
  refused: number;
  signIns: number;
  serverErrors: number;
  mismatches: string[];
}

async function runPolicy(ctx: TestContext, policy: Policy): Promise<Tally> {
  const tally: Tally = { attempts: 0, accepted: 0, refused: 0, signIns: 0, serverErrors: 0, mismatches: [] };
  const refusedCases = CASES.filter((c) => !c.accept[policy]);
  const acceptedCases = CASES.filter((c) => c.accept[policy]);
  for (const setter of SETTERS) {
    // Refusals do not spend the key: one journey takes every refused case, then the right one.
    const journey = await startJourney(ctx, setter);
    for (const c of refusedCases) {
      if (c.password.length >= 8) canary('password', c.password);
      const page = await journey.set(c.password);
      tally.attempts++;
      if (page.status >= 500) tally.serverErrors++;
      if (journey.accepted(page) || page.status !== 400) {
        tally.mismatches.push(`${policy} ${setter} ${c.name}: expected refused (400), got ${page.status}`);
      } else tally.refused++;
    }
    // The refused journey's account still has no such password: none of them signs in.
    for (const c of refusedCases.filter((x) => x.password !== '')) {
      const res = await trySignIn(ctx, journey.role, journey.email, c.password);
      tally.signIns++;
      if (res.status === 303) tally.mismatches.push(`${policy} ${setter} ${c.name}: refused but signs in`);
    }
    for (const c of acceptedCases) await acceptedCase(ctx, policy, setter, c, tally);
  }
  return tally;
}

async function acceptedCase(ctx: TestContext, policy: Policy, setter: SetterName, c: Case, tally: Tally) {
  const password = canary('password', c.password);
  const journey: Journey = await startJourney(ctx, setter);
  const page = await journey.set(password);
  tally.attempts++;
  if (page.status >= 500) tally.serverErrors++;
  if (!journey.accepted(page)) {
    tally.mismatches.push(
      `${policy} ${setter} ${c.name}: expected accepted, got ${page.status} ${page.location ?? page.summary().join(' / ')}`,
    );
    return;
  }
  tally.accepted++;
  const expectSignIn = async (typed: string, status: number, what: string) => {
    const res = await trySignIn(ctx, journey.role, journey.email, typed, freshIp());
    tally.signIns++;
    if (res.status >= 500) tally.serverErrors++;
    if (res.status !== status)
      tally.mismatches.push(
        `${policy} ${setter} ${c.name}: sign-in ${what} → ${res.status}, expected ${status}`,
      );
  };
  await expectSignIn(password, 303, 'exact');
  await expectSignIn(lessOne(password), 401, 'cut by one');
  if (password !== password.trim()) await expectSignIn(password.trim(), 401, 'trimmed');
  if (/\s\s/.test(password)) await expectSignIn(password.replace(/\s+/g, ' '), 401, 'spaces collapsed');
  // Hashing folds to NFKC: the full-width form of an ASCII password is the same password, and the
  // half-width form of a full-width one.
  const folded = password.normalize('NFKC');
  const wide = password.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
  if (folded !== password) await expectSignIn(folded, 303, 'NFKC form');
  if (wide !== password) await expectSignIn(wide, 303, 'full-width form');
  // NUL is refused at sign-in as at setting (400, the form's check), never silently dropped.
  const cp = Array.from(password);
  await expectSignIn(`${cp.slice(0, 4).join('')}\u0000${cp.slice(4).join('')}`, 400, 'with a NUL');
}

describe('A1 password policy, every page that sets one', () => {
  for (const policy of ['seed', 'nist'] as const) {
    describe(`policy ${policy}`, () => {
      let ctx: TestContext;
      beforeAll(async () => {
        ctx = await reliabilityContext(policy === 'nist' ? { env: { PASSWORD_POLICY: 'nist' } } : {});
      });
      afterAll(() => ctx?.close());

      it(`A1 ${policy}: 6 pages × ${CASES.length} passwords decided exactly by MP-4; no truncation, no trimming`, async () => {
        const started = Date.now();
        const tally = await runPolicy(ctx, policy);
        expect(tally.mismatches).toEqual([]);
        expect(tally.serverErrors).toBe(0);
        const accepts = CASES.filter((c) => c.accept[policy]).length;
        expect(tally.accepted).toBe(accepts * SETTERS.length);
        expect(tally.refused).toBe((CASES.length - accepts) * SETTERS.length);
        report(
          'A1',
          `policy ${policy}: 6 password-setting pages × ${CASES.length} cases (length 0/7/8/32/33/64/65, full-width, NUL, emoji, ZWJ, spaces, tab)`,
          {
            pages: SETTERS.length,
            cases: CASES.length,
            attempts: tally.attempts,
            accepted: tally.accepted,
            refused: tally.refused,
            signInChecks: tally.signIns,
            mismatches: tally.mismatches.length,
            serverErrors: tally.serverErrors,
            seconds: Math.round((Date.now() - started) / 100) / 10,
          },
          'every case accepted/refused as MP-4 says; accepted ones sign in exactly, not cut by one, not trimmed; 0 × 5xx',
        );
      });
    });
  }

  describe('paste', () => {
    let ctx: TestContext;
    beforeAll(async () => {
      ctx = await reliabilityContext();
    });
    afterAll(() => ctx?.close());

    it('A1 paste: every password input allows paste and password managers (autocomplete, no maxlength cut, no handlers)', async () => {
      const pages: { path: string; client: Journey['client'] }[] = [];
      for (const path of ['/login', '/employer/login', '/staff/login'])
        pages.push({ path, client: ctx.client() });
      for (const setter of SETTERS) {
        const j = await startJourney(ctx, setter);
        pages.push({ path: j.formPath, client: j.client });
      }
      const problems: string[] = [];
      let inputs = 0;
      for (const { path, client } of pages) {
        const page = await client.get(path);
        expect(page.status, path).toBe(200);
        const fields = page.dom.querySelectorAll('input[type="password"]');
        if (fields.length === 0) problems.push(`${path}: no password input`);
        for (const input of fields) {
          inputs++;
          const name = input.getAttribute('name');
          const ac = input.getAttribute('autocomplete');
          const expected =
            name === 'currentPassword' || path.includes('login') ? 'current-password' : 'new-password';
          if (ac !== expected) problems.push(`${path} ${name}: autocomplete=${ac}, expected ${expected}`);
          const max = input.getAttribute('maxlength');
          if (max !== undefined && Number(max) < 64) problems.push(`${path} ${name}: maxlength=${max}`);
          for (const attr of ['onpaste', 'oncopy', 'ondrop', 'oncut', 'readonly'])
            if (input.hasAttribute(attr)) problems.push(`${path} ${name}: ${attr}`);
        }
        if (/\bonpaste\b|autocomplete="off"/i.test(page.html))
          problems.push(`${path}: onpaste/autocomplete=off`);
      }
      const script = readFileSync('src/web/assets/app.js', 'utf8');
      const scriptBlocks = /addEventListener\(\s*['"](paste|copy|drop)['"]|onpaste|clipboardData/.test(
        script,
      );
      expect(problems).toEqual([]);
      expect(scriptBlocks).toBe(false);
      report(
        'A1',
        'paste: every password input of 3 sign-in pages and 6 password-setting pages',
        { pages: pages.length, passwordInputs: inputs, problems: problems.length, scriptPasteHandlers: 0 },
        'autocomplete current-password/new-password; no maxlength < 64; no onpaste/oncopy/ondrop; no paste handler in app.js',
      );
    });
  });
});
