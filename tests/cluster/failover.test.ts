/**
 * Failover without a lost application (issue 17, ADR 0030). `npm run test:failover`, not part of
 * `npm test`: it brings the local cluster up (scripts/cluster/cluster.ts: pg_auto_failover monitor,
 * two PostgreSQL nodes with synchronous replication, two web servers, two workers, the proxy),
 * lets several seekers apply with a document each through the proxy as browsers would (sign-in,
 * CSRF, multipart), kills the primary's PostgreSQL and its pg_autoctl with `pg_autoctl stop
 * --immediate` in the middle of the stream, and lets them carry on: every step is retried on
 * failure, 「応募」 with the same draft key (the application's idempotency key). Afterwards every
 * application that was acknowledged exists exactly once with its file, nothing else was created,
 * and the web servers and both workers work on the promoted node. It prints the seconds without
 * service.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, inputValue } from '../../bench/apply-client.ts';
import {
  CLUSTER_DATABASE_URL,
  CLUSTER_DIR,
  NODE_PORTS,
  nodeDataDir,
  nodeUrl,
  PG_DIR,
  PROXY_PORT,
} from '../../scripts/cluster/cluster.ts';
import { createDiskStorage } from '../../src/adapters/storage/disk-storage.ts';
import { buildDeps } from '../../src/compose.ts';
import { loadConfig } from '../../src/config.ts';
import { openPostgres, queryRows } from '../../src/db/client.ts';
import { applicationDocuments, applications } from '../../src/db/schema/index.ts';
import { createEmployer, createJob, createSeeker } from '../support/factories.ts';
import { MULTIPART_TYPE, multipartBody, pdf } from '../support/upload-corpus.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLIENTS = 4;
const JOBS = 6;
/** The primary is killed once this many applications were acknowledged. */
const KILL_AFTER = 6;
const FILES_DIR = path.join(CLUSTER_DIR, 'files');
const SITE = `http://127.0.0.1:${PROXY_PORT}`;

const cluster = (command: string, env: NodeJS.ProcessEnv = {}) =>
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/cluster/cluster.ts', command], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

interface Seeded {
  seekers: { id: string; email: string; password: string }[];
  jobs: string[];
}

let seeded: Seeded;

beforeAll(async () => {
  cluster('down');
  // Heartbeats every second, so the test sees the workers at work after the failover.
  cluster('up', { CLUSTER_SEED_JOBS: '20', WORKER_HEARTBEAT_MS: '1000', LOG_LEVEL: 'warn' });
  const { deps, close } = await buildDeps(
    loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: CLUSTER_DATABASE_URL,
      STORAGE_DIR: FILES_DIR,
      LOG_LEVEL: 'silent',
    }),
    { migrate: false },
  );
  try {
    const employer = await createEmployer(deps);
    const jobs = [];
    for (let j = 0; j < JOBS; j++) {
      jobs.push(
        (
          await createJob(
            deps,
            { documentMethods: ['mypage'], acceptsOnlineApplication: true },
            employer.employer,
          )
        ).jobNumber,
      );
    }
    const seekers = [];
    for (let i = 0; i < CLIENTS; i++) {
      const s = await createSeeker(deps);
      seekers.push({ id: s.seeker.id, email: s.email, password: s.password });
    }
    seeded = { seekers, jobs };
  } finally {
    await close();
  }
}, 240_000);

afterAll(() => {
  if (process.env.FAILOVER_KEEP !== '1') cluster('down');
}, 60_000);

/** What the clients saw, for the report: every request's outcome with its time. */
const events: { at: number; ok: boolean; status: number | 'network'; write: boolean }[] = [];

async function attempt(
  b: Browser,
  method: 'GET' | 'POST',
  p: string,
  body?: Uint8Array | string,
  type?: string,
) {
  try {
    const res = await b.request(method, p, body, type);
    events.push({
      at: performance.now(),
      ok: res.status < 500,
      status: res.status,
      write: method === 'POST',
    });
    return res;
  } catch {
    events.push({ at: performance.now(), ok: false, status: 'network', write: method === 'POST' });
    return null;
  }
}

const RETRY_MS = 200;
const GIVE_UP_MS = 90_000;

interface Acknowledged {
  seekerId: string;
  job: string;
  applicationId: string;
  sha256: string;
}

/** One application with retries: a failed upload starts a fresh draft; 「応募」 is retried with the same key. */
async function apply(b: Browser, seekerId: string, job: string, n: number): Promise<Acknowledged> {
  const base = `/mypage/jobs/${job}/apply`;
  const document = pdf({ size: 40_000, text: `failover ${seekerId} ${job}`, binary: true });
  const deadline = performance.now() + GIVE_UP_MS;
  while (performance.now() < deadline) {
    const form = await attempt(b, 'GET', base);
    const csrf = form?.status === 200 ? inputValue(form.html, '_csrf') : undefined;
    const draft = form?.status === 200 ? inputValue(form.html, 'draft') : undefined;
    if (!csrf || !draft) {
      await wait(RETRY_MS);
      continue;
    }
    const upload = await attempt(
      b,
      'POST',
      base,
      multipartBody([
        { name: '_csrf', value: csrf },
        { name: 'draft', value: draft },
        { name: 'motivation', value: `フェイルオーバー試験 ${n}` },
        { name: 'remarks', value: '' },
        { name: 'consent', value: 'yes' },
        { name: 'document_1_kind', value: 'resume' },
        { name: 'document_1', filename: '履歴書.pdf', data: document, type: 'application/pdf' },
        { name: 'action', value: 'next' },
      ]),
      MULTIPART_TYPE,
    );
    if (upload?.status !== 303) {
      await wait(RETRY_MS);
      continue;
    }
    const confirm = await attempt(b, 'GET', `${base}/confirm?draft=${draft}`);
    const files = (confirm?.html.match(/\.pdf（/g) ?? []).length;
    const submitCsrf = confirm ? inputValue(confirm.html, '_csrf') : undefined;
    if (confirm?.status !== 200 || files !== 1 || !submitCsrf) {
      await wait(RETRY_MS);
      continue;
    }
    // 「応募」 again and again with the same draft key until it is answered.
    while (performance.now() < deadline) {
      const submit = await attempt(
        b,
        'POST',
        `${base}/submit`,
        new URLSearchParams({ _csrf: submitCsrf, draft }).toString(),
        'application/x-www-form-urlencoded',
      );
      const id = /^\/mypage\/applications\/([0-9a-f-]{36})/.exec(submit?.location ?? '')?.[1];
      if (submit?.status === 303 && id) return { seekerId, job, applicationId: id, sha256: sha256(document) };
      if (submit?.status === 303) break; // the draft is gone and nothing was submitted: start again
      await wait(RETRY_MS);
    }
  }
  throw new Error(`seeker ${seekerId} could not apply to ${job} within ${GIVE_UP_MS / 1000} s`);
}

async function openWithRetry(url: string) {
  for (let k = 0; ; k++) {
    try {
      return await openPostgres(url, 2);
    } catch (error) {
      if (k >= 20) throw error;
      await wait(250);
    }
  }
}

/** The node that takes writes now (index into NODE_PORTS). */
async function primaryIndex(): Promise<number> {
  for (const [i, port] of NODE_PORTS.entries()) {
    try {
      const handle = await openPostgres(nodeUrl(port), 1);
      try {
        const [r] = await queryRows<{ r: boolean }>(handle.db, sql`select pg_is_in_recovery() as r`);
        if (r?.r === false) return i;
      } finally {
        await handle.close();
      }
    } catch {}
  }
  throw new Error('no primary');
}

function killNode(i: number): void {
  const env = Object.entries({
    HOME: PG_DIR,
    XDG_CONFIG_HOME: path.join(PG_DIR, 'xdg', 'config'),
    XDG_DATA_HOME: path.join(PG_DIR, 'xdg', 'data'),
    XDG_RUNTIME_DIR: path.join(PG_DIR, 'xdg', 'run'),
    PATH: `/usr/lib/postgresql/15/bin:/usr/bin:/bin`,
  }).map(([k, v]) => `${k}=${v}`);
  const args = ['pg_autoctl', 'stop', '--pgdata', nodeDataDir(i), '--immediate'];
  const asRoot = process.getuid?.() === 0;
  execFileSync(
    asRoot ? 'runuser' : 'env',
    asRoot ? ['-u', 'postgres', '--', 'env', ...env, ...args] : [...env, ...args],
    {
      stdio: 'ignore',
    },
  );
}

describe('failover of the primary during a stream of applications', () => {
  it('loses no acknowledged application, makes none twice, and the cluster carries on on the promoted node', async () => {
    const before = await primaryIndex();
    const acknowledged: Acknowledged[] = [];
    let killedAt: number | null = null;
    const killing = (async () => {
      while (acknowledged.length < KILL_AFTER) await wait(20);
      killedAt = performance.now();
      killNode(before);
    })();
    const started = performance.now();
    await Promise.all(
      seeded.seekers.map(async (s, i) => {
        const b = new Browser(SITE);
        // Sign-in retried like the rest (a failing request of the stream must not end the client).
        for (let k = 0; ; k++) {
          try {
            await b.signIn(s.email, s.password);
            break;
          } catch (error) {
            if (k > 50) throw error;
            await wait(RETRY_MS);
          }
        }
        for (const [j, job] of seeded.jobs.entries()) {
          acknowledged.push(await apply(b, s.id, job, i * JOBS + j));
        }
      }),
    );
    await killing;
    const seconds = (performance.now() - started) / 1000;
    let lost = -1;
    let duplicated = -1;
    expect(killedAt).not.toBeNull();
    const after = await primaryIndex();
    expect(after).not.toBe(before);

    // What the database holds now, read on the promoted node through the multi-host URL (retried:
    // the promotion may still be finishing its last step).
    const handle = await openWithRetry(CLUSTER_DATABASE_URL);
    try {
      const seekerIds = seeded.seekers.map((s) => s.id);
      const rows = await handle.db
        .select({ id: applications.id, seekerId: applications.seekerId })
        .from(applications)
        .where(inArray(applications.seekerId, seekerIds));
      const ackIds = acknowledged.map((a) => a.applicationId).sort();
      const stored = new Set(rows.map((r) => r.id));
      lost = ackIds.filter((id) => !stored.has(id)).length;
      duplicated = rows.length - new Set(rows.map((r) => r.id)).size + (ackIds.length - new Set(ackIds).size);
      // Every acknowledged application is there; nothing else was created; none twice.
      expect(rows.map((r) => r.id).sort()).toEqual(ackIds);
      expect(new Set(ackIds).size).toBe(CLIENTS * JOBS);
      const docs = await handle.db
        .select({
          applicationId: applicationDocuments.applicationId,
          sha256: applicationDocuments.sha256,
          storageKey: applicationDocuments.storageKey,
        })
        .from(applicationDocuments)
        .where(inArray(applicationDocuments.applicationId, ackIds));
      expect(docs).toHaveLength(ackIds.length);
      const storage = createDiskStorage(FILES_DIR);
      for (const a of acknowledged) {
        const doc = docs.find((d) => d.applicationId === a.applicationId);
        expect(doc?.sha256).toBe(a.sha256);
        // The bytes are there and are the ones uploaded (get checks the SHA-256).
        expect(sha256(await storage.get(doc!.storageKey!, doc!.sha256))).toBe(a.sha256);
      }
      // Both workers record their heartbeat on the promoted node (they reconnected by themselves).
      await expect
        .poll(
          async () =>
            (
              await queryRows<{ n: number }>(
                handle.db,
                sql`select count(*) as n from worker_heartbeats where last_seen_at > now() - interval '3 seconds'`,
              )
            )[0]?.n,
          { timeout: 20_000, interval: 250 },
        )
        .toBeGreaterThanOrEqual(2);
    } finally {
      await handle.close();
    }

    const kill = killedAt as unknown as number;
    const failed = events.filter((e) => !e.ok);
    const firstFailure = failed[0]?.at ?? kill;
    const lastFailure = failed.at(-1)?.at ?? kill;
    // Service is back when a write answered after the last failed request.
    const firstWrite = events.find((e) => e.at > lastFailure && e.write && e.ok);
    const report = {
      applications: acknowledged.length,
      lost,
      duplicated,
      requests: events.length,
      failedRequests: failed.length,
      failedByStatus: Object.fromEntries(
        [...new Set(failed.map((e) => String(e.status)))].map((s) => [
          s,
          failed.filter((e) => String(e.status) === s).length,
        ]),
      ),
      secondsKillToFirstFailure: Number(((firstFailure - kill) / 1000).toFixed(1)),
      secondsKillToLastFailure: Number(((lastFailure - kill) / 1000).toFixed(1)),
      secondsUnavailable: Number(((lastFailure - firstFailure) / 1000).toFixed(1)),
      secondsKillToWriteAccepted: firstWrite ? Number(((firstWrite.at - kill) / 1000).toFixed(1)) : null,
      streamSeconds: Number(seconds.toFixed(1)),
      primaryBefore: `node${before + 1}`,
      primaryAfter: `node${after + 1}`,
    };
    process.stdout.write(`failover report ${JSON.stringify(report)}\n`);
    expect(firstWrite).toBeDefined();
    // While no node took writes, every failed request was the calm 503 page: no 500, no cut connection.
    expect(failed.filter((e) => e.status !== 503)).toEqual([]);
  }, 240_000);
});
