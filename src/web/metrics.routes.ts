/**
 * Metrics over HTTP (ADR 0028): the latency of every request by its route pattern, and GET /metrics
 * in the Prometheus text format, behind METRICS_TOKEN (Bearer) when one is set.
 */
import { timingSafeEqual } from 'node:crypto';
import { Hono, type MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Deps } from '../deps.ts';
import { routeLabel } from '../modules/operations/operations.rules.ts';
import type { AppEnv } from './env.ts';

/** Records each request once its response is ready, labelled by the pattern Hono matched. */
export function requestMetrics(deps: Pick<Deps, 'metrics'>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    // After next(), the route index is the last handler that ran: the route's own handler, or a
    // guard or middleware that answered first (its pattern, e.g. /mypage/*).
    const route = routeLabel(routePath(c));
    deps.metrics.observeRequest(route, c.req.method, c.res.status, (performance.now() - started) / 1000);
  };
}

const sameToken = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** GET /metrics; 401 with a Bearer challenge when a token is configured and not sent. */
export function metricsRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/metrics', async (c) => {
    const { metrics, config } = c.var.deps;
    c.header('Cache-Control', 'no-store');
    const token = config.metrics.token;
    if (token) {
      const sent = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
      if (!sent || !sameToken(sent, token)) {
        c.header('WWW-Authenticate', 'Bearer realm="metrics"');
        return c.text('unauthorized\n', 401);
      }
    }
    const { body, contentType } = await metrics.render();
    return c.body(body, 200, { 'Content-Type': contentType });
  });
}
