/**
 * Reads from the standby (issue 17, ADR 0031) on a real primary and a real hot standby made by
 * pg_basebackup -R (tests/support/pg-standby.ts). Replay is paused to prove where a read ran: a job
 * written on the primary is not on the paused standby, so an anonymous visitor does not see it yet
 * while its signed-in employer does. Runs on PGlite and PostgreSQL runs alike (it brings its own
 * servers); skipped only when the PostgreSQL 15 binaries are missing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { buildDeps, type Composition } from '../../src/compose.ts';
import { loadConfig } from '../../src/config.ts';
import { createReadReplica, type ReadReplica } from '../../src/db/read-replica.ts';
import { FixedClock } from '../../src/platform/clock.ts';
import { createMemoryLogger } from '../../src/platform/logger.ts';
import type { AppEnv } from '../../src/web/env.ts';
import { createEmployer, createJob } from '../support/factories.ts';
import { TestClient } from '../support/http.ts';
import { type PgPair, standbyUnavailableReason, startPrimaryAndStandby } from '../support/pg-standby.ts';
import { signInAs } from '../support/sign-in.ts';
import { DEFAULT_NOW } from '../support/test-app.ts';

const unavailable = standbyUnavailableReason();
if (unavailable) console.warn(`read-replica tests skipped: ${unavailable}`);

let pair: PgPair;
let built: Composition;
let app: Hono<AppEnv>;
let storageDir: string;
const logger = createMemoryLogger();

beforeAll(async () => {
  if (unavailable) return;
  pair = await startPrimaryAndStandby();
  storageDir = await mkdtemp(path.join(tmpdir(), 'hw-replica-files-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    BASE_URL: 'http://localhost',
    SESSION_SECRET: 'test-secret-test-secret-test-secret-0123',
    LOG_LEVEL: 'debug',
    STORAGE_DIR: storageDir,
    DATABASE_URL: pair.primaryUrl,
    DATABASE_POOL_MAX: '4',
    DATABASE_READ_URL: pair.standbyUrl,
    // Generous here: the paused standby stays "healthy", so reads provably go to it.
    REPLICA_MAX_LAG_MS: '60000',
  });
  // The test checks the standby itself (check()) before each step: no timer.
  built = await buildDeps(config, { clock: new FixedClock(DEFAULT_NOW), logger, replicaChecks: false });
  app = createApp(built.deps);
}, 60_000);

afterAll(async () => {
  await built?.close();
  await pair?.close();
  if (storageDir) await rm(storageDir, { recursive: true, force: true });
});

const replica = () => built.deps.readReplica!;

async function scrape(on = app): Promise<string> {
  const res = await on.request('/metrics');
  expect(res.status).toBe(200);
  return res.text();
}

function sample(text: string, name: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  return line ? Number(line.split(' ').pop()) : undefined;
}

async function readyz(on = app) {
  const res = await on.request('/readyz');
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown> & {
      readReplica?: { state: string; lagMs: number | null };
    },
  };
}

describe.skipIf(unavailable !== null)('issue 17 reads from the standby', () => {
  let employer: Awaited<ReturnType<typeof createEmployer>>;
  let seen: Awaited<ReturnType<typeof createJob>>;
  let pending: Awaited<ReturnType<typeof createJob>>;

  it('issue 17 a job written before is read anonymously from the standby (search, detail, /api/v1)', async () => {
    employer = await createEmployer(built.deps);
    seen = await createJob(built.deps, {}, employer.employer);
    await pair.waitForReplay();
    expect(await replica().check()).toMatchObject({ state: 'healthy', useReplica: true, lagMs: 0 });

    const visitor = new TestClient(app, '203.0.113.30');
    const detail = await visitor.get(`/jobs/${seen.jobNumber}`);
    expect(detail.status).toBe(200);
    expect(detail.headers.get('x-read-source')).toBe('standby');
    const search = await visitor.get(`/jobs?no=${seen.jobNumber}`);
    expect(search.status).toBe(200);
    expect(search.headers.get('x-read-source')).toBe('standby');
    expect(search.text()).toContain(seen.posting.title);
    const api = await app.request(`/api/v1/jobs/${seen.jobNumber}`);
    expect(api.status).toBe(200);
    expect(api.headers.get('x-read-source')).toBe('standby');
  });

  it('issue 17 replay paused: a new job is absent anonymously (standby) but its signed-in employer sees it (primary)', async () => {
    await pair.pauseReplay();
    pending = await createJob(built.deps, {}, employer.employer);
    // The standby has received the new WAL and not replayed it: lagging behind, within the 60 s limit.
    await waitFor(async () => (await replica().check()).lagMs! > 0);
    expect(replica().status()).toMatchObject({ state: 'healthy', useReplica: true });

    const visitor = new TestClient(app, '203.0.113.30');
    const absent = await visitor.get(`/jobs/${pending.jobNumber}`);
    expect(absent.status).toBe(404);
    expect(absent.headers.get('x-read-source')).toBe('standby');
    const search = await visitor.get(`/jobs?no=${pending.jobNumber}`);
    expect(search.headers.get('x-read-source')).toBe('standby');
    expect(search.text()).not.toContain(pending.posting.title);
    expect((await app.request(`/api/v1/jobs/${pending.jobNumber}`)).status).toBe(404);

    const owner = new TestClient(app, '203.0.113.31');
    await signInAs(owner, 'employer', employer.email, employer.password);
    const own = await owner.get(`/jobs/${pending.jobNumber}`);
    expect(own.status).toBe(200);
    expect(own.headers.get('x-read-source')).toBe('primary');
    expect(own.text()).toContain(pending.posting.title);
    const ownSearch = await owner.get(`/jobs?no=${pending.jobNumber}`);
    expect(ownSearch.headers.get('x-read-source')).toBe('primary');
    expect(ownSearch.text()).toContain(pending.posting.title);
  });

  it('issue 17 metrics and /readyz show the standby’s lag while it is behind', async () => {
    const status = await replica().check();
    expect(status.lagMs).toBeGreaterThan(0);
    const text = await scrape();
    const gauge = sample(text, 'hellowork_standby_replay_lag_seconds');
    expect(gauge).toBeGreaterThan(0);
    // The primary lists its streaming standby too.
    expect(text).toMatch(/^hellowork_replication_lag_seconds\{standby="[^"]+"\} /m);
    const ready = await readyz();
    expect(ready.status).toBe(200);
    expect(ready.body.readReplica).toMatchObject({ state: 'healthy', useReplica: true });
    expect(ready.body.readReplica!.lagMs).toBeGreaterThan(0);
  });

  it('issue 17 a standby over REPLICA_MAX_LAG_MS is skipped: anonymous reads go to the primary without an error', async () => {
    const strict: ReadReplica = createReadReplica({
      url: pair.standbyUrl,
      maxLagMs: 1,
      checkIntervalMs: 2000,
      poolMax: 2,
      logger,
      schedule: false,
    });
    try {
      expect(await strict.check()).toMatchObject({ state: 'lagging', useReplica: false });
      const strictApp = createApp({ ...built.deps, readReplica: strict });
      const visitor = new TestClient(strictApp, '203.0.113.32');
      const page = await visitor.get(`/jobs/${pending.jobNumber}`);
      expect(page.status).toBe(200);
      expect(page.headers.get('x-read-source')).toBe('primary');
      expect(
        (await strictApp.request(`/api/v1/jobs/${pending.jobNumber}`)).headers.get('x-read-source'),
      ).toBe('primary');
      const ready = await readyz(strictApp);
      expect(ready.status).toBe(200);
      expect(ready.body.readReplica).toMatchObject({ state: 'lagging', useReplica: false });
    } finally {
      await strict.close();
    }
  });

  it('issue 17 replay resumed: the standby catches up (lag 0) and serves the new job', async () => {
    await pair.resumeReplay();
    await pair.waitForReplay();
    await waitFor(async () => (await replica().check()).lagMs === 0);
    const page = await new TestClient(app, '203.0.113.30').get(`/jobs/${pending.jobNumber}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('x-read-source')).toBe('standby');
    expect(sample(await scrape(), 'hellowork_standby_replay_lag_seconds')).toBe(0);
  });

  it('issue 17 standby stopped: the read that fails on it is served by the primary, and the standby is skipped', async () => {
    await pair.stopStandby();
    // The last check said healthy: this read tries the standby, fails, and is answered from the primary.
    expect(replica().status().useReplica).toBe(true);
    const page = await new TestClient(app, '203.0.113.30').get(`/jobs?no=${seen.jobNumber}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('x-read-source')).toBe('primary');
    expect(page.text()).toContain(seen.posting.title);
    expect(replica().status()).toMatchObject({ state: 'unreachable', useReplica: false });

    expect(await replica().check()).toMatchObject({ state: 'unreachable', useReplica: false });
    const api = await app.request(`/api/v1/jobs/${seen.jobNumber}`);
    expect(api.status).toBe(200);
    expect(api.headers.get('x-read-source')).toBe('primary');
    const ready = await readyz();
    expect(ready.status).toBe(200);
    expect(ready.body.readReplica).toMatchObject({ state: 'unreachable', lagMs: null });
    // The primary's per-standby series goes when its walsender does (alert on its absence).
    await waitFor(async () => !/^hellowork_replication_lag_seconds\{/m.test(await scrape()));
    expect(logger.lines.some((l) => l.msg === 'read replica skipped: reading the primary')).toBe(true);
  });

  it('issue 17 a promoted standby (not in recovery) is not read: not-a-standby, reads on the primary', async () => {
    await pair.startStandby();
    await waitFor(async () => (await replica().check()).state === 'healthy');
    await pair.promoteStandby();
    expect(await replica().check()).toMatchObject({ state: 'not-a-standby', useReplica: false });
    const page = await new TestClient(app, '203.0.113.33').get(`/jobs/${seen.jobNumber}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('x-read-source')).toBe('primary');
    expect((await readyz()).body.readReplica).toMatchObject({ state: 'not-a-standby' });
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
