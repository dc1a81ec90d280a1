/**
 * G1 (issue 15): logs cannot be forged or coloured by input, and carry no secrets.
 * - The logger itself, property-tested: any message and any field value, with CR, LF, ESC, the C1
 *   controls (8-bit CSI U+009B), U+2028/U+2029 and lone surrogates, comes out as exactly one line of
 *   JSON without a raw control character, and reads back as what was logged.
 * - The app, end to end: inputs with CRLF and ANSI sequences in the path, the query, form fields,
 *   headers and cookies, and canary passwords and session ids; every line the app wrote is checked
 *   as written. The canaries join the suite-wide grep of every log line (support/global-setup.ts).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/platform/logger.ts';
import { createSeeker, createStaff } from '../support/factories.ts';
import { signInAs } from '../support/sign-in.ts';
import type { TestContext } from '../support/test-app.ts';
import { canary, reliabilityContext } from './support/context.ts';
import { report } from './support/report.ts';

/** A raw character no log line may hold: C0 and C1 controls, DEL, line and paragraph separators. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

const INJECTIONS = [
  '\r\n{"time":"2026-01-01T00:00:00Z","level":"error","msg":"forged"}',
  '\n',
  '\r',
  '\u001b[31mred\u001b[0m',
  '\u009b31m',
  '\u2028forged',
  '\u2029',
  '\u0085',
  '\u0000',
  '\ud800',
  '%0d%0aforged',
];

const asHeaderBytes = (s: string) => Buffer.from(s.replace(/[\r\n\0]/g, ' '), 'utf8').toString('latin1');

const runs = Number(process.env.HW_FUZZ_RUNS ?? 2000);

describe('G1 the logger', () => {
  it('G1 writes any input as exactly one line of JSON that reads back as what was logged', () => {
    const seed = Number(process.env.HW_FUZZ_SEED ?? Date.now() % 2 ** 31);
    const piece = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom(...INJECTIONS));
    const text = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));
    let lines = 0;
    fc.assert(
      fc.property(text, text, (msg, value) => {
        const written: string[] = [];
        createLogger('debug', (line) => written.push(line)).info(msg, { input: value, nested: { value } });
        lines += written.length;
        expect(written).toHaveLength(1);
        const line = written[0] ?? '';
        expect(line).not.toMatch(RAW_CONTROL);
        const parsed = JSON.parse(line) as { msg: string; input: string };
        expect(parsed.msg).toBe(msg);
        // Field values are masked where they look like e-mail addresses; otherwise kept as logged.
        if (!value.includes('@')) expect(parsed.input).toBe(value);
      }),
      { numRuns: runs, seed },
    );
    report(
      'G1',
      'the logger: fast-check over messages and field values with CR/LF, ESC, C1 (U+009B), U+2028/2029, NUL, lone surrogates',
      { runs, seed, lines, rawControlCharacters: 0, forgedLines: 0 },
      'one JSON line per call; no raw control character; reads back unchanged',
    );
  });
});

describe('G1 the app', () => {
  let ctx: TestContext;
  const raw: string[] = [];
  beforeAll(async () => {
    ctx = await reliabilityContext({ rawLog: (line) => raw.push(line) });
  });
  afterAll(() => ctx?.close());

  it('G1 logs inputs with CRLF and ANSI sequences without a forged line, and no canary secret', async () => {
    const password = canary('password');
    const seeker = await createSeeker(ctx.deps, { password });
    const staffPassword = canary('password');
    const staff = await createStaff(ctx.deps);
    let requests = 0;
    const serverErrors: string[] = [];
    const visitor = ctx.client();
    for (const bad of INJECTIONS) {
      // A lone surrogate has no UTF-8 form: send the bytes a careless client would (invalid UTF-8).
      const enc = /\p{Cs}/u.test(bad) ? '%ED%A0%80' : encodeURIComponent(bad);
      for (const path of [`/jobs/${enc}`, `/search?kw=${enc}`, `/mypage/${enc}`, `/staff/${enc}?x=${enc}`]) {
        const page = await visitor.request('GET', path, undefined, {
          // As a socket delivers them: UTF-8 bytes read as Latin-1 (fetch's Headers refuse CR, LF, NUL).
          'user-agent': `agent${asHeaderBytes(bad)}`,
          'accept-language': asHeaderBytes(bad),
          referer: `https://example.jp/${enc}`,
          cookie: `hw_session=${enc}; lang=${enc}`,
        });
        if (page.status >= 500) serverErrors.push(`${page.status} ${path}`);
        requests++;
      }
      // Sign-in with the injection in the address and a canary password typed wrongly and rightly.
      const client = ctx.client();
      await client.get('/login');
      await client.post('/login', { email: `${seeker.email}${bad}`, password });
      await client.post('/login', { email: seeker.email, password: `${password}${bad}` });
      await client.get('/staff/login');
      await client.post('/staff/login', { email: `${bad}${staff.email}`, password: staffPassword });
      requests += 5;
    }
    const signedIn = ctx.client();
    await signInAs(signedIn, 'seeker', seeker.email, password);
    requests += 2;
    for (const [name, value] of signedIn.cookies) if (name.includes('session')) canary('session-id', value);
    await signedIn.get('/mypage');
    requests++;

    expect(serverErrors).toEqual([]);
    expect(raw.length).toBeGreaterThan(requests / 2);
    const malformed = raw.filter((line) => {
      if (RAW_CONTROL.test(line)) return true;
      try {
        const o = JSON.parse(line) as Record<string, unknown>;
        return typeof o.time !== 'string' || typeof o.level !== 'string' || typeof o.msg !== 'string';
      } catch {
        return true;
      }
    });
    expect(malformed).toEqual([]);
    const forged = raw.filter((line) => line.includes('"msg":"forged"'));
    expect(forged).toEqual([]);
    const secrets = [password, staffPassword, ...[...signedIn.cookies.values()]];
    const leaked = raw.filter((line) => secrets.some((s) => s.length >= 8 && line.includes(s)));
    expect(leaked).toEqual([]);
    report(
      'G1',
      'the app: CRLF/ANSI/C1/U+2028 in path, query, form fields, User-Agent, Referer and cookies; canary passwords and session ids',
      {
        injections: INJECTIONS.length,
        requests,
        logLines: raw.length,
        malformed: malformed.length,
        forged: forged.length,
        leaked: leaked.length,
      },
      '0 malformed or forged lines; 0 secrets',
    );
  });
});
