/**
 * /metrics, /healthz and /readyz through HTTP (issue 17 "Metrics and health", ADR 0028): series and
 * labels after real requests, route patterns rather than raw paths, the token and the port rules,
 * readiness with worker heartbeats, 503 when the database is gone, migrations are behind or the
 * process is shutting down.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../bench/http.ts';
import { createApp, createOpsApp } from '../../src/app.ts';
import { type Database, queryRows } from '../../src/db/client.ts';
import * as schema from '../../src/db/schema/index.ts';
import { sendMailJob } from '../../src/modules/notifications/mail.job.ts';
import { queueCounts } from '../../src/modules/operations/operations.repository.ts';
import { countLiveWorkers } from '../../src/modules/operations/readiness.ts';
import { startWorkerHeartbeat } from '../../src/modules/operations/worker-heartbeat.ts';
import { createLifecycle } from '../../src/platform/lifecycle.ts';
import { createMemoryLogger } from '../../src/platform/logger.ts';
import { createMetrics } from '../../src/platform/metrics.ts';
import { createJob, createSeeker } from '../support/factories.ts';
import { signInAs } from '../support/sign-in.ts';
import { SseReader } from '../support/sse.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

const TOKEN = 'metrics-token-metrics-token-0123456789';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

/** One sample line's value, or undefined when the series is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.entries(labels).every(([k, v]) => got[k] === v)) return Number(m[3]);
  }
  return undefined;
}

async function scrape(app = ctx.app, headers: Record<string, string> = {}): Promise<string> {
  const res = await app.request('/metrics', { headers });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
}

describe('issue 17 /metrics', () => {
  it('issue 17 request latency is labelled by the matched route pattern and status, never by the raw path', async () => {
    const job = await createJob(ctx.deps);
    const c = ctx.client();
    expect((await c.get(`/jobs/${job.jobNumber}`)).status).toBe(200);
    expect((await c.get(`/jobs/${job.jobNumber}`)).status).toBe(200);
    expect((await c.get('/jobs/13999-99999999')).status).toBe(404);
    expect((await c.get('/no/such/page/4242')).status).toBe(404);
    const text = await scrape();
    const series = { route: '/jobs/:number', method: 'GET' };
    expect(sample(text, 'hellowork_http_request_duration_seconds_count', { ...series, status: '200' })).toBe(
      2,
    );
    expect(sample(text, 'hellowork_http_request_duration_seconds_count', { ...series, status: '404' })).toBe(
      1,
    );
    expect(
      sample(text, 'hellowork_http_request_duration_seconds_bucket', {
        ...series,
        status: '200',
        le: '+Inf',
      }),
    ).toBe(2);
    expect(
      sample(text, 'hellowork_http_request_duration_seconds_count', { route: 'unmatched', status: '404' }),
    ).toBe(1);
    // Nothing the visitor typed becomes a label.
    expect(text).not.toContain(job.jobNumber);
    expect(text).not.toContain('13999-99999999');
    expect(text).not.toContain('4242');
  });

  it('issue 17 queue depth by job name, cluster-wide from pg-boss, and runs and mails by outcome', async () => {
    const before = await scrape();
    const waiting = sample(before, 'hellowork_queue_jobs', { queue: 'mail.send', state: 'created' }) ?? 0;
    // A job for a delivery that does not exist: queued, then run (nothing to send) by drain().
    await ctx.deps.queue.enqueue(sendMailJob, { deliveryId: randomUUID() });
    const queued = await scrape();
    expect(sample(queued, 'hellowork_queue_jobs', { queue: 'mail.send', state: 'created' })).toBe(
      waiting + 1,
    );
    expect(sample(queued, 'hellowork_queue_jobs', { queue: 'mail.send', state: 'failed' })).toBe(0);
    expect(sample(queued, 'hellowork_queue_jobs', { queue: 'documents.scan', state: 'active' })).toBe(0);

    // A real mail: a password reset request sends its code through the mail job.
    const seeker = await createSeeker(ctx.deps);
    const c = ctx.client();
    await c.get('/password-reset');
    expect((await c.post('/password-reset', { email: seeker.email })).status).toBe(303);
    await ctx.drain();
    expect(ctx.mailbox.to(seeker.email)).toHaveLength(1);

    const after = await scrape();
    expect(sample(after, 'hellowork_queue_jobs', { queue: 'mail.send', state: 'created' })).toBe(0);
    expect(
      sample(after, 'hellowork_job_duration_seconds_count', { queue: 'mail.send', outcome: 'completed' }),
    ).toBeGreaterThanOrEqual(2);
    expect(sample(after, 'hellowork_mails_total', { outcome: 'sent' })).toBe(1);
    expect(sample(after, 'hellowork_mails_total', { outcome: 'failed' })).toBe(0);
  });

  it('issue 17 open event streams are a gauge; the database pool is reported for the engine in use', async () => {
    const seeker = await createSeeker(ctx.deps);
    const c = ctx.client('203.0.113.77');
    await signInAs(c, 'seeker', seeker.email, seeker.password);
    const events = new SseReader(await c.raw('/mypage/events'));
    try {
      await events.next('ready');
      const open = await scrape();
      expect(sample(open, 'hellowork_sse_connections')).toBe(1);
      expect(sample(open, 'hellowork_http_request_duration_seconds_count', { route: '/mypage/events' })).toBe(
        1,
      );
    } finally {
      await events.close();
    }
    await events.end();
    const text = await scrape();
    if (ctx.deps.dbHandle.kind === 'postgres') {
      expect(sample(text, 'hellowork_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'hellowork_db_pool_connections', { state: 'idle' })).toBeGreaterThanOrEqual(0);
      expect(sample(text, 'hellowork_db_pool_connections', { state: 'waiting' })).toBe(0);
      expect(sample(text, 'hellowork_db_pool_max')).toBe(ctx.deps.dbHandle.pool.options.max);
    } else {
      expect(sample(text, 'hellowork_db_pool_connections', { state: 'total' })).toBe(1);
      expect(sample(text, 'hellowork_db_pool_max')).toBe(1);
      // No replication on the embedded database: no standby series.
      expect(sample(text, 'hellowork_replication_lag_seconds')).toBeUndefined();
    }
    expect(text).toContain('# TYPE hellowork_replication_lag_seconds gauge');
    expect(text).toContain('# TYPE hellowork_standby_replay_lag_seconds gauge');
  });

  it('issue 17 with METRICS_TOKEN: 401 without the Bearer token or with a wrong one, 200 with it', async () => {
    const secured = await ctx.sibling();
    try {
      const config = { ...secured.deps.config, metrics: { ...secured.deps.config.metrics, token: TOKEN } };
      const app = createApp({ ...secured.deps, config });
      const none = await app.request('/metrics');
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
      expect(await none.text()).not.toContain('hellowork_');
      const wrong = await app.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}x` } });
      expect(wrong.status).toBe(401);
      expect((await app.request('/metrics', { headers: { authorization: TOKEN } })).status).toBe(401);
      expect(await scrape(app, { authorization: `Bearer ${TOKEN}` })).toContain('hellowork_sse_connections');
    } finally {
      await secured.close();
    }
  });

  it('issue 17 with METRICS_PORT and no token, the public port has no /metrics (404); the metrics listener has it', async () => {
    const other = await createTestContext({ env: { METRICS_PORT: String(await freePort()) } });
    try {
      expect(other.deps.config.metrics).toMatchObject({ onMainPort: false, enabled: true });
      expect((await other.app.request('/metrics')).status).toBe(404);
      const ops = createOpsApp(other.deps);
      expect(await scrape(ops)).toContain('hellowork_queue_jobs');
      expect((await ops.request('/healthz')).status).toBe(200);
      expect((await ops.request('/readyz')).status).toBe(200);
      expect((await ops.request('/mypage')).status).toBe(404);
    } finally {
      await other.close();
    }
  });
});

describe('issue 17 /readyz and worker heartbeats', () => {
  async function readyz(app = ctx.app) {
    const res = await app.request('/readyz');
    expect(res.headers.get('cache-control')).toBe('no-store');
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  it('issue 17 ready: the database answers and has every shipped migration; a worker heartbeat appears and goes', async () => {
    const empty = await readyz();
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({
      status: 'ready',
      reasons: [],
      database: 'ok',
      workers: [],
      workersAlive: 0,
    });
    const migrations = empty.body.migrations as { expected: string; expectedCount: number; applied: number };
    // The newest migration in drizzle's journal, whichever it is.
    const journal = JSON.parse(
      readFileSync(new URL('../../drizzle/meta/_journal.json', import.meta.url), 'utf8'),
    ) as {
      entries: { tag: string }[];
    };
    expect(migrations.expected).toBe(journal.entries.at(-1)?.tag);
    expect(migrations.expectedCount).toBe(journal.entries.length);
    expect(migrations.applied).toBe(migrations.expectedCount);

    const heartbeat = await startWorkerHeartbeat(ctx.deps);
    const beating = await readyz();
    expect(beating.body.workersAlive).toBe(1);
    expect(beating.body.workers).toEqual([
      {
        id: heartbeat.workerId,
        startedAt: expect.any(String),
        lastSeenSecondsAgo: expect.any(Number),
        alive: true,
      },
    ]);
    expect(sample(await scrape(), 'hellowork_workers_alive')).toBe(1);
    await heartbeat.stop();
    expect((await readyz()).body.workers).toEqual([]);
  });

  it('issue 17 a worker whose heartbeat is older than four intervals is listed as not alive; the web server stays ready', async () => {
    await ctx.db.execute(
      sql`insert into worker_heartbeats (worker_id, host, pid, started_at, last_seen_at)
          values ('gone:1:abc', 'gone', 1, now() - interval '2 hours', now() - interval '5 minutes')`,
    );
    try {
      const res = await readyz();
      expect(res.status).toBe(200);
      expect(res.body.workersAlive).toBe(0);
      expect(res.body.workers).toEqual([expect.objectContaining({ id: 'gone:1:abc', alive: false })]);
      expect(
        (res.body.workers as { lastSeenSecondsAgo: number }[])[0]!.lastSeenSecondsAgo,
      ).toBeGreaterThanOrEqual(299);
    } finally {
      await ctx.db.execute(sql`delete from worker_heartbeats where worker_id = 'gone:1:abc'`);
    }
  });

  it('issue 17 503 migrations-behind when the database lacks the newest shipped migration', async () => {
    const [latest] = await queryRows<{ id: number; hash: string; created_at: string }>(
      ctx.db,
      sql`select id, hash, created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
    );
    await ctx.db.execute(sql`delete from drizzle.__drizzle_migrations where id = ${latest!.id}`);
    try {
      const res = await readyz();
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ status: 'not-ready', reasons: ['migrations-behind'], database: 'ok' });
    } finally {
      await ctx.db.execute(
        sql`insert into drizzle.__drizzle_migrations (id, hash, created_at) values (${latest!.id}, ${latest!.hash}, ${latest!.created_at})`,
      );
    }
    expect((await readyz()).status).toBe(200);
  });

  it('issue 17 503 database-unreachable when the database is gone; /healthz and /metrics still answer', async () => {
    // A pool to a port nobody listens on: every query fails as when the server is down.
    const pool = new pg.Pool({ host: '127.0.0.1', port: await freePort(), connectionTimeoutMillis: 1000 });
    pool.on('error', () => {});
    try {
      const db = drizzle({ client: pool, schema, casing: 'snake_case' }) as unknown as Database;
      const deps = { ...ctx.deps, db };
      const app = createApp(deps);
      const res = await readyz(app);
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({
        reasons: ['database-unreachable'],
        database: 'unreachable',
        workers: [],
      });
      expect((await app.request('/healthz')).status).toBe(200);
      // The scrape answers; the series read from the dead database are absent, and the failure is counted.
      const metrics = createMetrics(createMemoryLogger(), { processMetrics: false });
      metrics.setSources({
        queue: () => queueCounts(db),
        workersAlive: () => countLiveWorkers({ db, config: ctx.deps.config }),
      });
      await metrics.render();
      // A failure is counted while that scrape is being written: it shows from the next one on.
      const dead = (await metrics.render()).body;
      expect(sample(dead, 'hellowork_metrics_collect_errors_total', { source: 'workers' })).toBe(1);
      expect(sample(dead, 'hellowork_metrics_collect_errors_total', { source: 'queue' })).toBe(1);
      expect(sample(dead, 'hellowork_queue_jobs', { queue: 'mail.send', state: 'created' })).toBeUndefined();
    } finally {
      await pool.end();
    }
  });

  it('issue 17 503 shutting-down once the process is draining', async () => {
    const app = createApp({ ...ctx.deps, lifecycle: createLifecycle() });
    expect((await readyz(app)).status).toBe(200);
    const lifecycle = createLifecycle();
    lifecycle.drain();
    const draining = await readyz(createApp({ ...ctx.deps, lifecycle }));
    expect(draining.status).toBe(503);
    expect(draining.body.reasons).toEqual(['shutting-down']);
  });
});
