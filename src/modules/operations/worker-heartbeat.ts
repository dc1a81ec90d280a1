/**
 * A worker's heartbeat (ADR 0028): its row in worker_heartbeats is written when it starts, every
 * WORKER_HEARTBEAT_MS after, and removed when it stops cleanly, so /readyz and the
 * hellowork_workers_alive gauge can tell a live worker from one that died.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Ports } from '../../deps.ts';
import { recordHeartbeat, removeHeartbeat } from './operations.repository.ts';

export interface WorkerHeartbeat {
  workerId: string;
  /** Stops the timer and removes the row. */
  stop(): Promise<void>;
}

export async function startWorkerHeartbeat(
  deps: Ports<'db' | 'config' | 'logger'>,
): Promise<WorkerHeartbeat> {
  const worker = {
    workerId: `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
    host: hostname(),
    pid: process.pid,
  };
  await recordHeartbeat(deps.db, worker);
  let beating: Promise<void> | null = null;
  const timer = setInterval(() => {
    beating ??= recordHeartbeat(deps.db, worker)
      .catch((error: unknown) =>
        deps.logger.warn('worker heartbeat failed', { error: (error as Error).message }),
      )
      .finally(() => {
        beating = null;
      });
  }, deps.config.workerHeartbeatMs);
  timer.unref();
  return {
    workerId: worker.workerId,
    async stop() {
      clearInterval(timer);
      if (beating) await beating;
      await removeHeartbeat(deps.db, worker.workerId).catch(() => {});
    },
  };
}
