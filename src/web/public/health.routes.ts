/**
 * /healthz: the process is alive (no database query: a database outage must not get every web
 * server restarted). /readyz: it may get traffic (database, migrations, not shutting down), with
 * the workers' heartbeats; 503 with the reasons when not. Neither shows personal data. ADR 0028.
 */
import { Hono } from 'hono';
import { checkReadiness } from '../../modules/operations/readiness.ts';
import type { AppEnv } from '../env.ts';

export const healthRoutes = new Hono<AppEnv>()
  .get('/healthz', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'ok' });
  })
  .get('/readyz', async (c) => {
    c.header('Cache-Control', 'no-store');
    const { deps } = c.var;
    const readiness = await checkReadiness(deps, { draining: deps.lifecycle.draining });
    if (!readiness.ready) c.var.log.warn('not ready', { reasons: readiness.reasons });
    // The standby (ADR 0031) is reported but never makes a web server unready: reads fall back to the primary.
    const readReplica = deps.readReplica ? deps.readReplica.status() : undefined;
    return c.json(
      {
        status: readiness.ready ? 'ready' : 'not-ready',
        engine: deps.dbHandle.kind,
        ...readiness,
        ...(readReplica ? { readReplica } : {}),
      },
      readiness.ready ? 200 : 503,
    );
  });
