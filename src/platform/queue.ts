/**
 * Background jobs on pg-boss, on either engine. A job is a definition (stable name, versioned
 * payload schema, idempotent handler). `enqueue` takes an optional transaction so that a change
 * and the job it causes commit together or not at all.
 */
import { sql } from 'drizzle-orm';
import { type DrizzleTransactionLike, fromDrizzle, fromPglite, type JobResult, PgBoss } from 'pg-boss';
import type { z } from 'zod';
import type { DbHandle, Executor } from '../db/client.ts';
import { connectionOptions } from '../db/multi-host.ts';
import type { Logger } from './logger.ts';

export interface JobContext {
  logger: Logger;
  /** The queue running the job, for handlers that cause further jobs (e.g. mail through notify). */
  queue: Queue;
}

/** What a producer needs to enqueue a job: importable by use cases without the handler's dependencies. */
export interface JobSpec<P = unknown> {
  /** Stable id, e.g. 'mail.send'. Never rename: queued jobs carry it. */
  name: string;
  /** Bumped when the payload shape changes incompatibly; old payloads are refused, not misread. */
  version: number;
  schema: z.ZodType<P>;
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** Completed jobs are deleted after this long (mail payloads hold codes; keep them briefly). */
  deleteAfterSeconds?: number;
  /** A cron expression in Asia/Tokyo for recurring jobs (their payload is {}). */
  cron?: string;
}

/** A spec with its handler, built by the composition root with the handler's dependencies. */
export interface JobDefinition<P = unknown> {
  spec: JobSpec<P>;
  handler: (payload: P, ctx: JobContext) => Promise<void>;
}

export function defineJob<P>(
  spec: JobSpec<P>,
  handler: (payload: P, ctx: JobContext) => Promise<void>,
): JobDefinition {
  return { spec, handler } as JobDefinition;
}

export interface EnqueueOptions {
  tx?: Executor;
  /** Jobs with the same key are not queued twice while one is waiting. */
  singletonKey?: string;
  startAfter?: Date;
}

export interface Queue {
  enqueue<P>(spec: JobSpec<P>, payload: P, options?: EnqueueOptions): Promise<void>;
  /** Many jobs of one kind in one statement (e.g. the mails of an office-wide notice), in `tx` when given. */
  enqueueMany<P>(
    spec: JobSpec<P>,
    payloads: readonly P[],
    options?: Pick<EnqueueOptions, 'tx'>,
  ): Promise<void>;
  /** Start processing jobs (the worker role). */
  work(): Promise<void>;
  /**
   * Run every due job now, one after another, until none is left; returns how many ran. A job that
   * fails is released for its retry and the rest still run; then the first error is thrown. For
   * tests and the CLI.
   */
  drain(): Promise<number>;
  /**
   * Stops fetching; waits up to `timeoutMs` (default 5 s) for running jobs to finish, then fails
   * the rest so pg-boss retries them (on this or another worker).
   */
  stop(options?: { timeoutMs?: number }): Promise<void>;
}

type Envelope = { v: number; p: unknown };

/**
 * A running job's lease (issue 15 F3): its worker refreshes the job's heartbeat every 5 s; a job
 * whose heartbeat is 10 s old (the worker was killed, its host lost) is failed by the supervising
 * worker's next monitor pass and retried, instead of staying active until its 15-minute expiry.
 * 10 is pg-boss's minimum. A job that runs longer is fine as long as its worker lives.
 */
export const JOB_HEARTBEAT_SECONDS = 10;

/**
 * How a worker fetches (issue 15 F3): up to 5 jobs at a time, run one after another, polling every
 * 0.5 s (pg-boss's default is 2 s); while each fetch comes back full (a backlog) the next one follows
 * at once, without the pause. Each job of a batch is settled on its own (perJobResults), so one
 * failing job is retried alone; the heartbeat keeps the whole batch's lease.
 */
const WORK_OPTIONS = {
  batchSize: 5,
  pollingIntervalSeconds: 0.5,
  burstWhenBatchFull: true,
  perJobResults: true,
} as const;

export async function createQueue(
  handle: DbHandle,
  definitions: readonly JobDefinition[],
  logger: Logger,
  options: {
    schedule?: boolean;
    /** Told about every run of a handler (metrics: hellowork_job_duration_seconds). */
    onRun?: (name: string, outcome: 'completed' | 'failed', seconds: number) => void;
  } = {},
): Promise<Queue> {
  const boss =
    handle.kind === 'pglite'
      ? new PgBoss({
          db: fromPglite(handle.pglite),
          backend: 'pglite',
          schedule: options.schedule ?? false,
          supervise: options.schedule ?? false,
        })
      : new PgBoss({
          // A multi-host URL (ADR 0030): pg-boss's own pool picks the writable host too.
          ...(connectionOptions(handle.url) as { connectionString: string }),
          max: 3,
          schedule: options.schedule ?? false,
          supervise: options.schedule ?? false,
        });
  boss.on('error', (error) => logger.error('queue error', { error }));
  await boss.start();

  for (const { spec } of definitions) {
    await boss.createQueue(spec.name, {
      retryLimit: spec.retryLimit ?? 5,
      retryDelay: spec.retryDelaySeconds ?? 30,
      retryBackoff: true,
      heartbeatSeconds: JOB_HEARTBEAT_SECONDS,
      ...(spec.deleteAfterSeconds ? { deleteAfterSeconds: spec.deleteAfterSeconds } : {}),
    });
    // createQueue leaves an existing queue as it was: a queue made before the heartbeat gets it now.
    const existing = await boss.getQueue(spec.name);
    if (existing && existing.heartbeatSeconds !== JOB_HEARTBEAT_SECONDS) {
      await boss.updateQueue(spec.name, { heartbeatSeconds: JOB_HEARTBEAT_SECONDS });
    }
  }

  let self: Queue;
  let stopping = false;
  const run = async ({ spec, handler }: JobDefinition, data: unknown, id: string) => {
    const log = logger.child({ job: spec.name, jobId: id });
    const envelope = data as Envelope | null;
    if (envelope?.v !== spec.version) {
      // A payload of another version cannot be interpreted safely; fail it for an operator to look at.
      throw new Error(`payload version ${String(envelope?.v)} does not match ${spec.name}@${spec.version}`);
    }
    const started = performance.now();
    try {
      const payload = spec.schema.parse(envelope.p);
      await handler(payload, { logger: log, queue: self });
    } catch (error) {
      options.onRun?.(spec.name, 'failed', (performance.now() - started) / 1000);
      throw error;
    }
    options.onRun?.(spec.name, 'completed', (performance.now() - started) / 1000);
    log.info('job done', { ms: Math.round(performance.now() - started) });
  };

  self = {
    async enqueue(spec, payload, opts = {}) {
      const data: Envelope = { v: spec.version, p: spec.schema.parse(payload) };
      await boss.send(spec.name, data, {
        ...(opts.tx ? { db: fromDrizzle(opts.tx as unknown as DrizzleTransactionLike, sql) } : {}),
        ...(opts.singletonKey ? { singletonKey: opts.singletonKey } : {}),
        ...(opts.startAfter ? { startAfter: opts.startAfter } : {}),
      });
    },
    async enqueueMany(spec, payloads, opts = {}) {
      if (payloads.length === 0) return;
      const jobs = payloads.map((p) => ({
        data: { v: spec.version, p: spec.schema.parse(p) } satisfies Envelope,
      }));
      await boss.insert(
        spec.name,
        jobs,
        opts.tx ? { db: fromDrizzle(opts.tx as unknown as DrizzleTransactionLike, sql) } : {},
      );
    },
    async work() {
      for (const def of definitions) {
        const { spec } = def;
        await boss.work(spec.name, WORK_OPTIONS, async (jobs) => {
          const results: JobResult[] = [];
          for (const job of jobs) {
            // Stopping: the jobs of the batch not started yet go back to the queue for a retry.
            if (stopping) {
              results.push({ id: job.id, status: 'failed', output: { message: 'worker stopping' } });
              continue;
            }
            try {
              await run(def, job.data, job.id);
              results.push({ id: job.id, status: 'completed' });
            } catch (error) {
              logger.error('job failed', { job: spec.name, jobId: job.id, error });
              results.push({ id: job.id, status: 'failed', output: { message: String(error) } });
            }
          }
          return results;
        });
        if (spec.cron) {
          await boss.schedule(spec.name, spec.cron, { v: spec.version, p: {} }, { tz: 'Asia/Tokyo' });
        }
      }
    },
    async drain() {
      // A failing job does not stop the others: every due job runs (a failed one is released for
      // its retry, due again after its retry delay), then the first error is thrown.
      let ran = 0;
      let firstError: unknown;
      for (let more = true; more; ) {
        more = false;
        for (const def of definitions) {
          const jobs = await boss.fetch(def.spec.name, { batchSize: 10 });
          for (const job of jobs) {
            more = true;
            ran++;
            try {
              await run(def, job.data, job.id);
              await boss.complete(def.spec.name, job.id);
            } catch (error) {
              await boss.fail(def.spec.name, job.id, { message: String(error) });
              if (firstError === undefined) firstError = error;
            }
          }
        }
      }
      if (firstError !== undefined) throw firstError;
      return ran;
    },
    async stop(opts = {}) {
      stopping = true;
      await boss.stop({ graceful: true, timeout: opts.timeoutMs ?? 5000 });
    },
  };
  return self;
}
