/**
 * E1 (issue 15; SPEC AP-2, AP-3, G-1; ASVS 5.0 V5.2, WSTG-BUSL-08/09): the upload corpus through the
 * real apply route (/mypage/jobs/:number/apply, streamed, spooled to disk), signed in as a seeker:
 *   - every file of attackSet() (polyglots PDF+ZIP, PDF+HTML, JPEG+ZIP …, pixel floods of PNG, JPEG,
 *     GIF, BMP, zip bombs, encrypted files, double extensions, lying names, cut files …) must be
 *     refused with a 400 and leave no document row and no spool file; every file of validSet() must
 *     be accepted (so the refusals are not a route that refuses everything);
 *   - the part's Content-Type lies (an executable sent as application/pdf; a real PDF sent as
 *     text/html): the bytes decide;
 *   - hostile bodies: 10,000 text parts, 10,000 file parts, an empty part name, 2,000 copies of one
 *     file input, a 20,000-character part header, no closing boundary, a missing or foreign
 *     boundary, a nested multipart/mixed part, a 100 MB chunked body, a body cut mid-file;
 *   - a slow-drip body (a byte a second) on a real server, cut by REQUEST_TIMEOUT_MS (408 or the
 *     connection closed) within the limit plus Node's check interval.
 * Pass: 0 accepted wrongly, 0 × 5xx, and the process's peak RSS during the run less than 200 MB above
 * what it was before (sampled every 10 ms).
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Booted } from '../../src/boot.ts';
import { applicationDocuments } from '../../src/db/schema/index.ts';
import { type HttpServer, startHttp } from '../../src/serve.ts';
import { file, formParts, post } from '../support/apply-form.ts';
import { freePort } from '../support/clamd.ts';
import { createEmployer, createJob, createSeeker } from '../support/factories.ts';
import type { Page, TestClient } from '../support/http.ts';
import { signInAs } from '../support/sign-in.ts';
import type { TestContext } from '../support/test-app.ts';
import {
  attackSet,
  BOUNDARY,
  cutBody,
  endlessBody,
  exe,
  MULTIPART_TYPE,
  multipartBody,
  type Part,
  partHead,
  pdf,
  slowDripRequest,
  validSet,
} from '../support/upload-corpus.ts';
import { canary, reliabilityContext } from './support/context.ts';
import { report } from './support/report.ts';

const REQUEST_TIMEOUT_MS = 2000;
const RSS_BOUND = 200 * 1024 * 1024;

let ctx: TestContext;
let spoolDir: string;
let server: HttpServer;
let c: TestClient;
let seekerId: string;
let jobNumber: string;

beforeAll(async () => {
  spoolDir = await mkdtemp(path.join(tmpdir(), 'hw-e1-spool-'));
  ctx = await reliabilityContext({
    env: {
      UPLOAD_SPOOL_DIR: spoolDir,
      REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
      PORT: String(await freePort()),
      SHUTDOWN_GRACE_MS: '1000',
    },
  });
  server = await startHttp({ deps: ctx.deps } as Booted);
  const password = canary('password');
  const seeker = await createSeeker(ctx.deps, { password });
  seekerId = seeker.seeker.id;
  c = ctx.client('198.51.100.61');
  await signInAs(c, 'seeker', seeker.email, password);
  for (const [name, value] of c.cookies) if (name.endsWith('hw_session')) canary('session-id', value);
});
afterAll(async () => {
  await server?.close();
  await ctx?.close();
  if (spoolDir) await rm(spoolDir, { recursive: true, force: true });
});

async function newJob(): Promise<string> {
  const employer = await createEmployer(ctx.deps);
  const job = await createJob(
    ctx.deps,
    { documentMethods: ['mypage', 'post'], acceptsOnlineApplication: true },
    employer.employer,
  );
  return job.jobNumber;
}

const documentRows = () =>
  ctx.db.select().from(applicationDocuments).where(eq(applicationDocuments.seekerId, seekerId));

/** Samples the process's RSS and heap every 10 ms until stopped. */
function memorySampler() {
  global.gc?.();
  const before = process.memoryUsage();
  let rss = before.rss;
  let heap = before.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 10);
  return {
    before,
    stop() {
      clearInterval(timer);
      const m = process.memoryUsage();
      return {
        rssDelta: Math.max(rss, m.rss) - before.rss,
        heapDelta: Math.max(heap, m.heapUsed) - before.heapUsed,
      };
    },
  };
}

const MB = (n: number) => Math.round(n / 1024 / 1024);

describe('E1 the upload corpus through the apply route', () => {
  it('E1 AP-2 AP-3 G-1 ≥ 40 hostile files, lying types, hostile bodies and a slow drip: 0 accepted wrongly, 0 × 5xx, peak RSS bounded', async () => {
    jobNumber = await newJob();
    const url = `/mypage/jobs/${jobNumber}/apply`;
    const secret = canary('document-text');
    const wrong: string[] = [];
    const serverErrors: string[] = [];
    const statuses = new Map<number, number>();
    let cases = 0;
    const seen = (label: string, res: Page, expected: 'refused' | 'accepted') => {
      cases++;
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status >= 500) serverErrors.push(`${label}: ${res.status}`);
      const ok = expected === 'refused' ? res.status >= 400 && res.status < 500 : res.status === 303;
      if (!ok) wrong.push(`${label}: ${res.status} (expected ${expected})`);
    };
    const memory = memorySampler();
    const started = performance.now();

    // 1. Every hostile file of the corpus, alone in slot 1.
    const attacks = attackSet().filter((a) => a.refusal !== null);
    expect(attacks.length).toBeGreaterThanOrEqual(40);
    for (const attack of attacks) {
      const form = await c.get(url);
      const res = await post(c, url, multipartBody(formParts(form, file(1, attack.name, attack.bytes()))));
      seen(`file: ${attack.label}`, res, 'refused');
    }
    expect(await documentRows()).toEqual([]);

    // 2. The part's Content-Type lies: the bytes decide.
    const lying: { label: string; part: Part; expected: 'refused' | 'accepted' }[] = [
      {
        label: 'an executable sent as application/pdf',
        part: { name: 'document_1', filename: 'cv.pdf', data: exe(), type: 'application/pdf' },
        expected: 'refused',
      },
      {
        label: 'an executable sent as image/jpeg named .jpg',
        part: { name: 'document_1', filename: 'p.jpg', data: exe(), type: 'image/jpeg' },
        expected: 'refused',
      },
      {
        label: 'a real PDF sent as text/html',
        part: { name: 'document_1', filename: '履歴書.pdf', data: pdf({ text: secret }), type: 'text/html' },
        expected: 'accepted',
      },
    ];
    for (const l of lying) {
      const job = l.expected === 'accepted' ? `/mypage/jobs/${await newJob()}/apply` : url;
      const form = await c.get(job);
      const res = await post(
        c,
        job,
        multipartBody(formParts(form, [{ name: 'document_1_kind', value: 'resume' }, l.part])),
      );
      seen(`content-type: ${l.label}`, res, l.expected);
    }

    // 3. Hostile bodies.
    const token = async () => (await c.get(url)).csrf()!;
    const head = async () => formParts(await c.get(url), []).slice(0, 5);
    const bodies: {
      label: string;
      body: () => Promise<Uint8Array | ReadableStream<Uint8Array>>;
      type?: string;
    }[] = [
      {
        label: '10,000 text parts',
        body: async () =>
          multipartBody([
            ...(await head()),
            ...Array.from({ length: 10_000 }, (_, i) => ({ name: `f${i}`, value: 'x' })),
          ]),
      },
      {
        label: '10,000 file parts',
        body: async () =>
          multipartBody([
            ...(await head()),
            ...Array.from({ length: 10_000 }, (_, i) => ({
              name: `document_${(i % 9) + 1}`,
              filename: `f${i}.pdf`,
              data: Buffer.from('%PDF-1.4'),
            })),
          ]),
      },
      {
        label: '2,000 copies of document_1',
        body: async () =>
          multipartBody([
            ...(await head()),
            { name: 'document_1_kind', value: 'resume' },
            ...Array.from({ length: 2000 }, () => ({ name: 'document_1', filename: 'cv.pdf', data: pdf() })),
          ]),
      },
      {
        label: 'an empty part name (name="") for a field and a file',
        body: async () =>
          multipartBody([
            ...(await head()),
            { name: '', value: 'x' },
            { name: '', filename: 'cv.pdf', data: pdf() },
          ]),
      },
      {
        label: 'a 20,000-character part name',
        body: async () => multipartBody([...(await head()), { name: 'n'.repeat(20_000), value: 'x' }]),
      },
      {
        label: 'no closing boundary',
        body: async () => {
          const whole = multipartBody([...(await head()), ...file(1, 'cv.pdf', pdf())]);
          return whole.subarray(0, whole.length - `--${BOUNDARY}--\r\n`.length);
        },
      },
      {
        label: 'a boundary the body does not use',
        body: async () => multipartBody([...(await head()), ...file(1, 'cv.pdf', pdf())]),
        type: 'multipart/form-data; boundary=somethingElse',
      },
      {
        label: 'multipart without a boundary parameter',
        body: async () => multipartBody([...(await head()), ...file(1, 'cv.pdf', pdf())]),
        type: 'multipart/form-data',
      },
      {
        label: 'a nested multipart/mixed part',
        body: async () => {
          const inner = 'innerBoundary42';
          const nested = Buffer.from(
            `--${inner}\r\nContent-Disposition: file; filename="cv.pdf"\r\nContent-Type: application/pdf\r\n\r\n${pdf().toString('latin1')}\r\n--${inner}--\r\n`,
            'latin1',
          );
          return Buffer.concat([
            multipartBody(await head()).subarray(0, -`--${BOUNDARY}--\r\n`.length),
            Buffer.from(
              `--${BOUNDARY}\r\nContent-Disposition: form-data; name="document_1"\r\nContent-Type: multipart/mixed; boundary=${inner}\r\n\r\n`,
            ),
            nested,
            Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
          ]);
        },
      },
      {
        label: 'a 100 MB chunked body',
        body: async () => {
          const start = Buffer.concat([
            ...(await head()).map((p) =>
              Buffer.concat([partHead(p), Buffer.from(`${(p as { value: string }).value}\r\n`)]),
            ),
            partHead({ name: 'document_1', filename: 'huge.pdf', data: new Uint8Array() }),
          ]);
          return endlessBody(start, 100 * 1024 * 1024).stream;
        },
      },
      {
        label: 'a body cut off mid-file',
        body: async () => {
          const whole = multipartBody([...(await head()), ...file(1, 'cv.pdf', pdf({ size: 400_000 }))]);
          return cutBody(whole, 250_000, 'error');
        },
      },
      {
        label: 'the CSRF token not first (a file before it)',
        body: async () =>
          multipartBody([...file(1, 'cv.pdf', pdf()), { name: '_csrf', value: await token() }]),
      },
    ];
    // A body that stores no file is refused whatever page it gets (a form shown again is a 200);
    // it must store no document and give no 5xx.
    for (const b of bodies) {
      const rowsBefore = (await documentRows()).length;
      const body = await b.body();
      const res = await c.request('POST', url, body as BodyInit, {
        'content-type': b.type ?? MULTIPART_TYPE,
      });
      const stored = (await documentRows()).length - rowsBefore;
      cases++;
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status >= 500) serverErrors.push(`body: ${b.label}: ${res.status}`);
      if (stored !== 0 || res.status === 303) wrong.push(`body: ${b.label}: ${res.status}, ${stored} stored`);
    }
    expect(await documentRows()).toHaveLength(1); // the real PDF sent as text/html

    // 4. Every valid file is accepted (each on a job of its own).
    for (const v of validSet()) {
      const job = `/mypage/jobs/${await newJob()}/apply`;
      const form = await c.get(job);
      const res = await post(c, job, multipartBody(formParts(form, file(1, v.name, v.bytes()))));
      seen(`valid: ${v.label}`, res, 'accepted');
    }

    // 5. A slow drip on the real server, signed in, to the same route.
    const drip = await slowDripRequest({
      port: server.port,
      path: url,
      headers: { cookie: c.cookieHeader() },
      everyMs: 1000,
      giveUpMs: REQUEST_TIMEOUT_MS + 10_000,
    });
    cases++;
    if (!drip.cut) wrong.push(`slow drip: still open after ${drip.cutAfterMs} ms`);
    if (drip.status && !/^HTTP\/1\.1 408/.test(drip.status)) wrong.push(`slow drip: ${drip.status}`);
    const used = memory.stop();
    const seconds = Math.round((performance.now() - started) / 1000);

    expect(wrong).toEqual([]);
    expect(serverErrors).toEqual([]);
    expect(drip.cutAfterMs).toBeLessThan(REQUEST_TIMEOUT_MS + 1500);
    expect(await readdir(spoolDir)).toEqual([]);
    expect(used.rssDelta).toBeLessThan(RSS_BOUND);
    report(
      'E1',
      `upload corpus through POST /mypage/jobs/:number/apply: ${attacks.length} hostile files, ${lying.length} lying Content-Types, ${bodies.length} hostile bodies (10,000 parts, 100 MB, cut, nested …), ${validSet().length} valid files, 1 slow drip (1 B/s, REQUEST_TIMEOUT_MS=${REQUEST_TIMEOUT_MS})`,
      {
        cases,
        hostileFiles: attacks.length,
        acceptedWrongly: wrong.length,
        serverErrors: serverErrors.length,
        validAccepted: validSet().length,
        slowDripCutMs: drip.cutAfterMs,
        slowDripAnswer: drip.status ?? 'connection closed',
        slowDripBytesSent: drip.sent,
        peakRssDeltaMB: MB(used.rssDelta),
        peakHeapDeltaMB: MB(used.heapDelta),
        rssBeforeMB: MB(memory.before.rss),
        spoolFilesLeft: 0,
        seconds,
        statuses: [...statuses]
          .sort(([a], [b]) => a - b)
          .map(([s, n]) => `${s}×${n}`)
          .join(' '),
      },
      `0 accepted wrongly, 0 × 5xx, slow drip cut within ${REQUEST_TIMEOUT_MS} ms + 1.5 s, peak RSS delta < ${MB(RSS_BOUND)} MB`,
    );
  });
});
