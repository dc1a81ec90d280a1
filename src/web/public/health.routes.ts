import { Hono } from 'hono';
import { pingDatabase } from '../../db/client.ts';
import type { AppEnv } from '../env.ts';

/** Liveness and readiness: 200 when the database answers, 503 otherwise. */
export const healthRoutes = new Hono<AppEnv>().get('/healthz', async (c) => {
  c.header('Cache-Control', 'no-store');
  try {
    await pingDatabase(c.var.deps.db);
    return c.json({ status: 'ok', database: c.var.deps.dbHandle.kind });
  } catch (error) {
    c.var.log.error('health check failed', { error });
    return c.json({ status: 'error', database: 'unreachable' }, 503);
  }
});
