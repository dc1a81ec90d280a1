/**
 * Prometheus metrics (ADR 0028) on prom-client, one registry per composition (tests build many).
 * Instruments this process feeds as it works (request latency, job runs, mail attempts) live here;
 * gauges read at scrape time (open event streams, the database pool, cluster-wide queue counts,
 * replication lag, live workers) get their values from `sources` the composition root hands in.
 * A source that fails (the database is down) leaves its series out of that scrape and is logged;
 * the scrape itself still answers.
 *
 * Every name is listed in METRIC_NAMES; docs/grafana-dashboard.json queries only these (a unit
 * test checks it).
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Logger } from './logger.ts';

export const METRIC_NAMES = {
  httpDuration: 'hellowork_http_request_duration_seconds',
  sseConnections: 'hellowork_sse_connections',
  jobDuration: 'hellowork_job_duration_seconds',
  queueJobs: 'hellowork_queue_jobs',
  mails: 'hellowork_mails_total',
  dbPool: 'hellowork_db_pool_connections',
  dbPoolMax: 'hellowork_db_pool_max',
  replicationLag: 'hellowork_replication_lag_seconds',
  standbyLag: 'hellowork_standby_replay_lag_seconds',
  workersAlive: 'hellowork_workers_alive',
  collectErrors: 'hellowork_metrics_collect_errors_total',
} as const;

/** Node's own metrics carry this prefix: hellowork_process_cpu_seconds_total, hellowork_nodejs_eventloop_lag_p99_seconds … */
export const PROCESS_PREFIX = 'hellowork_';

export interface PoolUse {
  total: number;
  idle?: number;
  waiting?: number;
  max: number;
}

/** What the gauges read at scrape time. Each may be left out (a process without that part). */
export interface MetricSources {
  sseConnections?: () => number;
  pool?: () => PoolUse;
  queue?: () => Promise<{ queue: string; state: string; jobs: number }[]>;
  replication?: () => Promise<{
    standbys: { name: string; lagSeconds: number }[];
    standbyLagSeconds: number | null;
  } | null>;
  workersAlive?: () => Promise<number>;
}

export interface Metrics {
  registry: Registry;
  /** One finished request: its route pattern (never the raw path), method and status. */
  observeRequest(route: string, method: string, status: number, seconds: number): void;
  /** One run of a job by this process. */
  observeJob(queue: string, outcome: 'completed' | 'failed', seconds: number): void;
  /** One mail send attempt by the mail job (a failed one is retried). */
  countMail(outcome: 'sent' | 'failed'): void;
  /** Wires the scrape-time gauges (called once by the composition root). */
  setSources(sources: MetricSources): void;
  /** The exposition text and its content type. */
  render(): Promise<{ body: string; contentType: string }>;
}

/** Seconds: fast pages answer in a few ms; uploads and national-scale searches take seconds. */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const JOB_BUCKETS = [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300];

export function createMetrics(logger: Logger, options: { processMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: PROCESS_PREFIX });
  let sources: MetricSources = {};

  const collectErrors = new Counter({
    name: METRIC_NAMES.collectErrors,
    help: 'Scrape-time reads that failed (the series they feed are absent from that scrape)',
    labelNames: ['source'],
    registers: [registry],
  });
  /** Runs one source; on failure its gauge stays empty for this scrape. */
  const guarded = async <T>(name: string, read: () => Promise<T> | T): Promise<T | undefined> => {
    try {
      return await read();
    } catch (error) {
      collectErrors.inc({ source: name });
      logger.warn('metrics: a source failed', { source: name, error: (error as Error).message });
      return undefined;
    }
  };

  const httpDuration = new Histogram({
    name: METRIC_NAMES.httpDuration,
    help: 'Time to the response headers, by route pattern, method and status (event streams: until the stream opened)',
    labelNames: ['route', 'method', 'status'],
    buckets: HTTP_BUCKETS,
    registers: [registry],
  });
  const jobDuration = new Histogram({
    name: METRIC_NAMES.jobDuration,
    help: 'Background job runs by this process, by queue and outcome (failed runs are retried by pg-boss)',
    labelNames: ['queue', 'outcome'],
    buckets: JOB_BUCKETS,
    registers: [registry],
  });
  const mails = new Counter({
    name: METRIC_NAMES.mails,
    help: 'Mail send attempts by the mail job of this process, by outcome (a failed attempt is retried)',
    labelNames: ['outcome'],
    registers: [registry],
  });
  for (const outcome of ['sent', 'failed']) mails.inc({ outcome }, 0);

  new Gauge({
    name: METRIC_NAMES.sseConnections,
    help: 'Open server-sent event streams in this process (live updates)',
    registers: [registry],
    collect() {
      if (sources.sseConnections) this.set(sources.sseConnections());
    },
  });
  new Gauge({
    name: METRIC_NAMES.dbPool,
    help: 'Database connections of this process by state (total, idle, waiting: queries queued for a connection)',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      this.reset();
      const use = sources.pool?.();
      if (!use) return;
      this.set({ state: 'total' }, use.total);
      if (use.idle !== undefined) this.set({ state: 'idle' }, use.idle);
      if (use.waiting !== undefined) this.set({ state: 'waiting' }, use.waiting);
    },
  });
  new Gauge({
    name: METRIC_NAMES.dbPoolMax,
    help: 'Largest number of database connections this process opens (DATABASE_POOL_MAX; 1 for PGlite)',
    registers: [registry],
    collect() {
      const use = sources.pool?.();
      if (use) this.set(use.max);
    },
  });
  new Gauge({
    name: METRIC_NAMES.queueJobs,
    help: 'Jobs in pg-boss by queue and state, cluster-wide (created and retry: waiting; failed: kept by pg-boss)',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      const read = sources.queue;
      const rows = read ? await guarded('queue', read) : undefined;
      for (const r of rows ?? []) this.set({ queue: r.queue, state: r.state }, r.jobs);
    },
  });
  const replication = {
    read: null as Promise<Awaited<ReturnType<NonNullable<MetricSources['replication']>>> | undefined> | null,
    /** Both gauges share one read per scrape. */
    once() {
      const read = sources.replication;
      if (!read) return Promise.resolve(undefined);
      this.read ??= guarded('replication', read).finally(() => {
        setImmediate(() => {
          this.read = null;
        });
      });
      return this.read;
    },
  };
  new Gauge({
    name: METRIC_NAMES.replicationLag,
    help: 'On the primary: replay lag of each streaming standby (pg_stat_replication.replay_lag; 0 when caught up)',
    labelNames: ['standby'],
    registers: [registry],
    async collect() {
      this.reset();
      const lag = await replication.once();
      for (const s of lag?.standbys ?? []) this.set({ standby: s.name }, s.lagSeconds);
    },
  });
  new Gauge({
    name: METRIC_NAMES.standbyLag,
    help: 'When this process reads from a standby: now() - pg_last_xact_replay_timestamp() (0 when all received WAL is replayed)',
    registers: [registry],
    async collect() {
      this.reset();
      const lag = await replication.once();
      if (lag && lag.standbyLagSeconds !== null) this.set(lag.standbyLagSeconds);
    },
  });
  new Gauge({
    name: METRIC_NAMES.workersAlive,
    help: 'Workers whose heartbeat is fresh (worker_heartbeats), cluster-wide',
    registers: [registry],
    async collect() {
      this.reset();
      const read = sources.workersAlive;
      const alive = read ? await guarded('workers', read) : undefined;
      if (alive !== undefined) this.set(alive);
    },
  });

  return {
    registry,
    observeRequest(route, method, status, seconds) {
      httpDuration.observe({ route, method, status: String(status) }, seconds);
    },
    observeJob(queue, outcome, seconds) {
      jobDuration.observe({ queue, outcome }, seconds);
    },
    countMail(outcome) {
      mails.inc({ outcome });
    },
    setSources(next) {
      sources = next;
    },
    async render() {
      return { body: await registry.metrics(), contentType: registry.contentType };
    },
  };
}
