/**
 * The queue's job lease and polling (issue 15 F3, src/platform/queue.ts). Regression: a worker
 * killed with SIGKILL left its job active until pg-boss's 15-minute expiry, and an idle worker
 * polled every 2 s; now every queue carries a 10 s heartbeat (also a queue created before it) and
 * an idle worker picks a new job up within a second.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type DbHandle, queryRows } from '../../src/db/client.ts';
import { createMemoryLogger } from '../../src/platform/logger.ts';
import { createQueue, defineJob, JOB_HEARTBEAT_SECONDS, type JobSpec } from '../../src/platform/queue.ts';
import { openTestDatabase } from '../support/database.ts';

const spec: JobSpec<{ n: number }> = {
  name: 'test.lease',
  version: 1,
  schema: z.object({ n: z.number().int() }),
  retryLimit: 1,
};

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle?.close());

const heartbeatOf = async (name: string) =>
  (
    await queryRows<{ s: number | null }>(
      handle.db,
      sql`select heartbeat_seconds as s from pgboss.queue where name = ${name}`,
    )
  )[0]?.s;

describe('issue 15 F3 job lease and polling', () => {
  it('F3 every queue has a 10 s heartbeat, also one created before the heartbeat existed; an idle worker takes a new job within a second', async () => {
    const done: number[] = [];
    const definition = defineJob(spec, async ({ n }) => {
      done.push(n);
    });
    const logger = createMemoryLogger();
    const first = await createQueue(handle, [definition], logger);
    expect(JOB_HEARTBEAT_SECONDS).toBe(10);
    expect(await heartbeatOf(spec.name)).toBe(10);
    await first.stop();

    // A queue as an older version left it: no heartbeat.
    await handle.db.execute(sql`update pgboss.queue set heartbeat_seconds = null where name = ${spec.name}`);
    const queue = await createQueue(handle, [definition], logger);
    try {
      expect(await heartbeatOf(spec.name)).toBe(10);
      await queue.work();
      await new Promise((r) => setTimeout(r, 1500)); // idle: several empty polls
      const latencies: number[] = [];
      for (let n = 0; n < 3; n++) {
        const started = performance.now();
        await queue.enqueue(spec, { n });
        while (!done.includes(n)) {
          if (performance.now() - started > 5000) throw new Error(`job ${n} not taken within 5 s`);
          await new Promise((r) => setTimeout(r, 20));
        }
        latencies.push(performance.now() - started);
      }
      // 0.5 s polling (plus the fetch and the handler); 2 s polling would show up to 2,000 ms.
      expect(Math.max(...latencies)).toBeLessThan(1200);
      const [row] = await queryRows<{ s: number | null }>(
        handle.db,
        sql`select heartbeat_seconds as s from pgboss.job where name = ${spec.name} limit 1`,
      );
      expect(row?.s).toBe(10);
    } finally {
      await queue.stop();
    }
  });

  it('F3 a job of a fetched batch that fails is retried alone; the others of the batch complete', async () => {
    const failing: JobSpec<{ n: number }> = { ...spec, name: 'test.lease-batch', retryLimit: 2 };
    const done: number[] = [];
    const definition = defineJob(failing, async ({ n }) => {
      if (n === 2) throw new Error('job 2 fails');
      done.push(n);
    });
    const queue = await createQueue(handle, [definition], createMemoryLogger());
    try {
      await queue.enqueueMany(
        failing,
        [0, 1, 2, 3, 4].map((n) => ({ n })),
      );
      await queue.work();
      const started = performance.now();
      while (done.length < 4 && performance.now() - started < 5000)
        await new Promise((r) => setTimeout(r, 20));
      expect([...done].sort()).toEqual([0, 1, 3, 4]);
      const states = async () =>
        Object.fromEntries(
          (
            await queryRows<{ state: string; n: number }>(
              handle.db,
              sql`select state::text as state, count(*)::int as n from pgboss.job where name = ${failing.name} group by 1`,
            )
          ).map((r) => [r.state, r.n]),
        );
      // The batch is settled when its handler returns: four completed, the failing one waits for its retry.
      await expect.poll(states, { timeout: 5000 }).toEqual({ completed: 4, retry: 1 });
    } finally {
      await queue.stop();
    }
  });
});
