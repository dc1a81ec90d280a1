/**
 * Row F2 (issue 15): applies survive a PostgreSQL killed again and again. The test starts a
 * PostgreSQL 15 of its own (initdb in a temporary folder, its own port — whatever DATABASE_URL says,
 * so a PGlite run of the suite runs this row on PostgreSQL too, and says so in its figures), the web
 * server as a real process (src/server.ts, production mode) on it, and 20 seekers applying with two
 * documents each to HW_F2_APPLIES jobs in all (default 1,000) over HTTP, while the database is
 * killed with `pg_ctl stop -m immediate` every 8–12 s (seeded) and started again. Clients retry
 * with the form's idempotency key (its draft key: support/faults-apply.ts).
 *
 * Pass: every apply ends with an application; 0 lost (every application a client was given, and
 * every upload step answered 303, has its row, its two document rows and their bytes on storage
 * with the recorded SHA-256), 0 duplicated (one application per seeker and job, per key; two
 * documents each), 0 orphan files (files on storage no row names), 0 partial files, no unexpected
 * answer (anything but 2xx/3xx, 503 or a cut connection), and the server process never died.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../../bench/apply-client.ts';
import { startWebServer, type WebServer } from '../../bench/http.ts';
import { buildDeps } from '../../src/compose.ts';
import { loadConfig } from '../../src/config.ts';
import { FixedClock } from '../../src/platform/clock.ts';
import { createMemoryLogger } from '../../src/platform/logger.ts';
import { createEmployer, createJob, createSeeker } from '../support/factories.ts';
import { pdf } from '../support/upload-corpus.ts';
import { canary, saveLogs } from './support/context.ts';
import {
  type ApplyDocument,
  type ApplyOutcome,
  applyThroughOutages,
  newCounters,
} from './support/faults-apply.ts';
import {
  type OwnPostgres,
  ownPostgresUnavailableReason,
  startOwnPostgres,
} from './support/faults-postgres.ts';
import { engineName, report } from './support/report.ts';

const APPLIES = Number(process.env.HW_F2_APPLIES ?? 1000);
const CONCURRENCY = 20;
const KILL_EVERY_MS = [8_000, 12_000] as const;
const SEED = Number(process.env.HW_F2_SEED ?? 0x5eed_f2);
const ROOT = path.resolve(import.meta.dirname, '../..');

const unavailable = ownPostgresUnavailableReason();
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** xorshift32: the kill intervals, from SEED. */
function intervals(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const [lo, hi] = KILL_EVERY_MS;
    return lo + Math.floor(((x >>> 0) / 2 ** 32) * (hi - lo));
  };
}

let root: string;
let server: OwnPostgres | undefined;
let web: WebServer | undefined;
const webLines: unknown[] = [];

afterAll(async () => {
  await web?.stop();
  saveLogs(`${engineName()}-${process.pid}-f2-web`, webLines);
  await server?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe.skipIf(unavailable !== null)('F2 PostgreSQL killed during applies', () => {
  let env: Record<string, string>;
  let storageDir: string;
  const seekers: { email: string; password: string; id: string }[] = [];
  const jobs: { number: string; id: number }[] = [];

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'hw-f2-'));
    server = await startOwnPostgres();
    storageDir = path.join(root, 'files');
    env = {
      NODE_ENV: 'production',
      DATABASE_URL: server.url,
      DATABASE_POOL_MAX: '10',
      DATA_DIR: path.join(root, 'data'),
      STORAGE_DIR: storageDir,
      UPLOAD_SPOOL_DIR: path.join(root, 'spool'),
      LEDGER_DIR: path.join(root, 'ledger'),
      BASE_URL: 'http://127.0.0.1',
      SESSION_SECRET: 'f2-secret-f2-secret-f2-secret-f2-secret-0123',
      SMTP_URL: 'smtp://127.0.0.1:2525',
      CLAMD_HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
    };
    // Accounts and jobs through the app's repositories (migrating the new database first).
    const built = await buildDeps(loadConfig(env), {
      clock: new FixedClock(new Date().toISOString()),
      logger: createMemoryLogger(),
    });
    try {
      const { employer } = await createEmployer(built.deps);
      const perSeeker = Math.ceil(APPLIES / CONCURRENCY);
      for (let j = 0; j < perSeeker; j++) {
        const job = await createJob(
          built.deps,
          { documentMethods: ['mypage'], acceptsOnlineApplication: true },
          employer,
        );
        jobs.push({ number: job.jobNumber, id: job.id });
      }
      for (let s = 0; s < CONCURRENCY; s++) {
        const password = canary('password');
        const { seeker, email } = await createSeeker(built.deps, { password });
        seekers.push({ email, password, id: seeker.id });
      }
    } finally {
      await built.close();
    }
    web = await startWebServer(server.url, ROOT, {
      dataDir: env.DATA_DIR,
      env,
      onOutput: (chunk) => {
        for (const line of chunk.split('\n')) {
          if (!line.trim()) continue;
          try {
            webLines.push(JSON.parse(line));
          } catch {
            webLines.push({ raw: line });
          }
        }
      },
    });
  });

  it(`${APPLIES} applies at concurrency ${CONCURRENCY} while PostgreSQL is killed every ~10 s`, async () => {
    const started = performance.now();
    const secretText = canary('document-text');
    const browsers = seekers.map(() => new Browser(web!.baseUrl));
    await Promise.all(seekers.map((s, i) => browsers[i]!.signIn(s.email, s.password)));
    for (const b of browsers) {
      for (const part of b.cookieHeader().split('; ')) {
        const value = part.slice(part.indexOf('=') + 1);
        if (value.length >= 16) canary('session-id', value);
      }
    }

    // The plan: seeker s applies to jobs s·k … in turn (every seeker to every job once).
    const plan: { seeker: number; job: number; index: number }[] = [];
    for (let index = 0; index < APPLIES; index++) {
      plan.push({ seeker: index % CONCURRENCY, job: Math.floor(index / CONCURRENCY), index });
    }
    const documentsOf = (index: number): ApplyDocument[] =>
      [
        { kind: 'resume', name: '履歴書.pdf' },
        { kind: 'work_history', name: '職務経歴書.pdf' },
      ].map((d, n) => {
        const data = pdf({ size: 12 * 1024, text: `${secretText} F2 ${index} ${n}` });
        return { ...d, data, sha256: sha256(data) };
      });

    const counters = newCounters();
    const outcomes = new Map<number, ApplyOutcome & { seekerId: string; jobId: number; docs: string[] }>();
    const failures: string[] = [];
    let running = true;

    // The killer: every 8–12 s, pg_ctl stop -m immediate, then start again at once.
    const next = intervals(SEED);
    let kills = 0;
    const downMs: number[] = [];
    let wake: () => void = () => {};
    const killer = (async () => {
      while (running) {
        await new Promise<void>((r) => {
          const t = setTimeout(r, next());
          wake = () => {
            clearTimeout(t);
            r();
          };
        });
        if (!running) break;
        const t0 = performance.now();
        await server!.kill();
        kills++;
        await server!.start();
        downMs.push(performance.now() - t0);
      }
    })();

    const deadline = Date.now() + 15 * 60_000;
    await Promise.all(
      seekers.map(async (s, lane) => {
        for (const step of plan.filter((p) => p.seeker === lane)) {
          const docs = documentsOf(step.index);
          try {
            const outcome = await applyThroughOutages(
              browsers[lane]!,
              jobs[step.job]!.number,
              docs,
              counters,
              {
                retryMs: 250,
                deadline,
              },
            );
            outcomes.set(step.index, {
              ...outcome,
              seekerId: s.id,
              jobId: jobs[step.job]!.id,
              docs: docs.map((d) => d.sha256),
            });
          } catch (error) {
            failures.push(`apply ${step.index}: ${(error as Error).message}`);
          }
        }
      }),
    );
    running = false;
    wake();
    await killer;
    if (!server!.running()) await server!.start();
    const applySeconds = (performance.now() - started) / 1000;

    // What the database and the storage hold now. A draft whose COMMIT was cut off (outcome
    // unknown) has its files settled by the server once the database answers again: the storage is
    // read until no file lacks a row, for at most 30 s.
    type Doc = {
      application_id: string | null;
      storage_key: string | null;
      sha256: string;
      draft_key: string | null;
    };
    const snapshot = async () => {
      const client = new pg.Client({ connectionString: server!.url });
      await client.connect();
      try {
        const ids = seekers.map((s) => s.id);
        const rows = (
          await client.query<{ id: string; seeker_id: string; job_id: number; submit_key: string }>(
            'select id, seeker_id, job_id, submit_key from applications where seeker_id = any($1::uuid[])',
            [ids],
          )
        ).rows;
        const docs = (
          await client.query<Doc>(
            'select application_id, storage_key, sha256, draft_key from application_documents where seeker_id = any($1::uuid[])',
            [ids],
          )
        ).rows;
        const drafts = Number(
          (
            await client.query<{ n: string }>(
              'select count(*) as n from application_drafts where seeker_id = any($1::uuid[])',
              [ids],
            )
          ).rows[0]!.n,
        );
        const files = (await readdir(storageDir, { recursive: true, withFileTypes: true }))
          .filter((e) => e.isFile())
          .map((e) => ({ name: e.name, full: path.join(e.parentPath, e.name) }));
        const named = new Set(docs.map((d) => d.storage_key).filter(Boolean));
        const unnamed = files.filter((f) => !named.has(f.name)).length;
        return { rows, docs, drafts, files, named, unnamed };
      } finally {
        await client.end();
      }
    };
    const settleBy = Date.now() + 30_000;
    let seen = await snapshot();
    while (seen.unnamed > 0 && Date.now() < settleBy) {
      await new Promise((r) => setTimeout(r, 250));
      seen = await snapshot();
    }
    const { rows, docs, drafts, files, named } = seen;
    const unknownCommits = webLines.filter((l) =>
      JSON.stringify(l).includes('files of a draft whose commit was unknown settled'),
    ).length;

    // Lost: an application a client was given without its row, its two documents or their bytes.
    const byId = new Map(rows.map((r) => [r.id, r]));
    const docsOf = new Map<string, typeof docs>();
    for (const d of docs)
      if (d.application_id) docsOf.set(d.application_id, [...(docsOf.get(d.application_id) ?? []), d]);
    const onStorage = new Map(files.map((f) => [f.name, f.full]));
    const lost: string[] = [];
    for (const [index, o] of outcomes) {
      const row = byId.get(o.applicationId);
      if (!row || row.seeker_id !== o.seekerId || row.job_id !== o.jobId || row.submit_key !== o.draftKey) {
        lost.push(`apply ${index}: application ${o.applicationId} has no matching row`);
        continue;
      }
      const attached = docsOf.get(o.applicationId) ?? [];
      const want = [...o.docs].sort().join();
      const have = attached
        .map((d) => d.sha256)
        .sort()
        .join();
      if (have !== want) lost.push(`apply ${index}: documents ${have} ≠ ${want}`);
      for (const d of attached) {
        const full = d.storage_key ? onStorage.get(d.storage_key) : undefined;
        if (!full) lost.push(`apply ${index}: no file for document ${d.storage_key}`);
        else if (sha256(await readFile(full)) !== d.sha256)
          lost.push(`apply ${index}: file ${d.storage_key} differs`);
      }
    }
    // Duplicated: two applications for one seeker and job (or one key), or more documents than sent.
    const pairs = new Map<string, number>();
    for (const r of rows)
      pairs.set(`${r.seeker_id}/${r.job_id}`, (pairs.get(`${r.seeker_id}/${r.job_id}`) ?? 0) + 1);
    const duplicated =
      [...pairs.values()].filter((n) => n > 1).length +
      [...docsOf.values()].filter((d) => d.length > 2).length;
    // Orphans: files no row names; partial: temporary files left by a write.
    const partial = files.filter((f) => f.name.startsWith('.tmp-'));
    const orphans = files.filter((f) => !f.name.startsWith('.tmp-') && !named.has(f.name));

    const webAlive = await fetch(`${web!.baseUrl}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    const figures = {
      database: `${server!.version} started by the test (runs on this own server on every engine)`,
      applies: APPLIES,
      completed: outcomes.size,
      concurrency: CONCURRENCY,
      kills,
      meanRestartMs: Math.round(downMs.reduce((a, b) => a + b, 0) / Math.max(1, downMs.length)),
      requests: counters.requests,
      retries: counters.retries,
      answers503: counters.status503,
      cutConnections: counters.networkErrors,
      ok2xx3xx: counters.ok,
      uploadsFoundCommitted: counters.foundCommitted,
      unknownCommitsSettled: unknownCommits,
      unexpected: counters.unexpected.length,
      applications: rows.length,
      lost: lost.length,
      duplicated,
      orphanFiles: orphans.length,
      partialFiles: partial.length,
      draftsLeft: drafts,
      seed: `0x${SEED.toString(16)}`,
      totalSeconds: Math.round(applySeconds),
    };
    console.log(JSON.stringify(figures));
    expect(failures, failures.slice(0, 10).join('\n')).toEqual([]);
    expect(counters.unexpected).toEqual([]);
    expect(kills).toBeGreaterThanOrEqual(Math.min(3, Math.floor(applySeconds / 12)));
    expect(outcomes.size).toBe(APPLIES);
    expect(rows.length).toBe(APPLIES);
    expect(lost, lost.slice(0, 10).join('\n')).toEqual([]);
    expect(duplicated).toBe(0);
    expect(orphans.map((f) => f.name)).toEqual([]);
    expect(partial.map((f) => f.name)).toEqual([]);
    expect(drafts).toBe(0);
    expect(webAlive).toBe(true);
    report(
      'F2',
      `${APPLIES} applies with 2 documents, concurrency ${CONCURRENCY}, over HTTP to the web server process; its own PostgreSQL 15 killed (pg_ctl stop -m immediate) every 8–12 s and restarted; clients resend with the form's draft key`,
      figures,
      '0 lost (every 2xx has its row and files), 0 duplicated, 0 orphan files, 0 unexpected answers',
    );
  });
});
