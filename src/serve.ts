/**
 * Serving and stopping (ADR 0028). `startHttp` listens on PORT; `startMetricsHttp` on METRICS_PORT
 * when set. `onShutdown` turns SIGTERM/SIGINT into one orderly stop: the process reports not ready,
 * stops accepting, ends event streams with a retry hint, lets in-flight requests and the running
 * job finish within SHUTDOWN_GRACE_MS, then closes the database and exits 0. A second signal (not
 * the copy npm forwards of the same Ctrl-C) exits at once with 1.
 */
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp, createOpsApp } from './app.ts';
import type { Booted } from './boot.ts';
import type { Deps } from './deps.ts';
import { startWorkerHeartbeat, type WorkerHeartbeat } from './modules/operations/worker-heartbeat.ts';

export interface HttpServer {
  port: number;
  /** Stops accepting, waits for in-flight requests up to the grace period, then cuts what is left. */
  close(): Promise<void>;
}

/** Starts the HTTP server on the configured port; resolves once it listens. */
export function startHttp(booted: Booted): Promise<HttpServer> {
  const { deps } = booted;
  return listen(deps, createApp(deps).fetch, deps.config.port, 'listening');
}

/** The metrics listener (METRICS_PORT), or null when none is configured. */
export async function startMetricsHttp(booted: Booted): Promise<HttpServer | null> {
  const { deps } = booted;
  if (deps.config.metrics.port === undefined) return null;
  return listen(deps, createOpsApp(deps).fetch, deps.config.metrics.port, 'metrics listening');
}

function listen(
  deps: Deps,
  fetch: (request: Request) => Response | Promise<Response>,
  port: number,
  message: string,
): Promise<HttpServer> {
  return new Promise((resolve, reject) => {
    const server = serve(
      {
        fetch,
        port,
        serverOptions: requestTimeouts(deps.config.requestTimeoutMs),
        ...(deps.config.host ? { hostname: deps.config.host } : {}),
      },
      (info) => {
        deps.logger.info(message, {
          url: deps.config.baseUrl,
          port: info.port,
          database: deps.dbHandle.kind,
        });
        resolve({ port: info.port, close: () => drain(deps, server as Server) });
      },
    );
    server.once('error', reject);
  });
}

/**
 * Node's limits on receiving a request (REQUEST_TIMEOUT_MS): the whole request within `ms`, its
 * headers within 60 s of it, checked often enough that a slow-drip body is cut close to the limit
 * (Node checks every 30 s by default), with a 408 and the connection closed.
 */
export function requestTimeouts(ms: number) {
  return {
    requestTimeout: ms,
    headersTimeout: Math.min(60_000, ms),
    connectionsCheckingInterval: Math.min(1000, Math.max(100, Math.floor(ms / 10))),
  };
}

/** How often connections that finished their response are closed while draining. */
const IDLE_SWEEP_MS = 100;

async function drain(deps: Deps, server: Server): Promise<void> {
  const closed = new Promise<void>((done) => server.close(() => done()));
  // Event streams never finish by themselves: end them now (each gets a retry hint and its
  // browser reconnects, to another server, resuming from its Last-Event-ID).
  await deps.liveFeed.close();
  // A keep-alive connection is closed as soon as its response is done; busy ones are left to finish.
  server.closeIdleConnections();
  const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
  const cut = setTimeout(() => {
    deps.logger.warn('shutdown: grace period over, closing the connections still open', {
      graceMs: deps.config.shutdownGraceMs,
    });
    server.closeAllConnections();
  }, deps.config.shutdownGraceMs);
  try {
    await closed;
  } finally {
    clearInterval(sweep);
    clearTimeout(cut);
  }
  // The handlers of connections cut above are still unwinding (an upload removes its spool file):
  // the database and the process stay until they are done.
  if (!(await deps.lifecycle.settled(SETTLE_MS))) {
    deps.logger.warn('shutdown: requests still running after their connections closed', {
      inFlight: deps.lifecycle.inFlight,
    });
  }
}

/** How long handlers of cut connections get to clean up after the grace period. */
const SETTLE_MS = 2000;

/** One line at start when production runs without metrics (neither METRICS_TOKEN nor METRICS_PORT). */
export function reportMetrics(deps: Deps, o: { mainHttp: boolean }): void {
  const { metrics } = deps.config;
  if (!metrics.enabled) {
    deps.logger.warn('metrics are off: set METRICS_TOKEN or METRICS_PORT to serve /metrics (ADR 0028)');
  } else if (metrics.port === undefined && !(o.mainHttp && metrics.onMainPort)) {
    deps.logger.info('no /metrics in this process: set METRICS_PORT to serve them (ADR 0028)');
  }
}

/** Starts processing jobs and this worker's heartbeat (the worker role). */
export async function startWorking(deps: Deps): Promise<WorkerHeartbeat> {
  await deps.queue.work();
  return startWorkerHeartbeat(deps);
}

/** Lets the running job finish within the grace period (or releases it for a retry), then says goodbye. */
export async function stopWorking(deps: Deps, heartbeat: WorkerHeartbeat): Promise<void> {
  await deps.queue.stop({ timeoutMs: deps.config.shutdownGraceMs });
  await heartbeat.stop();
}

/**
 * npm forwards the Ctrl-C the terminal already sent to the whole process group, so the same
 * request arrives twice within milliseconds: only a signal this long after the first one forces.
 */
export const REPEAT_WINDOW_MS = 1000;

export function forcesExit(firstAtMs: number, nowMs: number): boolean {
  return nowMs - firstAtMs >= REPEAT_WINDOW_MS;
}

/** Time left for closing the database and the rest after the grace period, before the exit is forced. */
const CLOSE_MARGIN_MS = 5000;

/** Stops cleanly on SIGINT/SIGTERM (see the module comment); `stop` does the entry's own steps. */
export function onShutdown(deps: Pick<Deps, 'config' | 'lifecycle'>, stop: () => Promise<void>): void {
  let firstAt: number | null = null;
  const handler = (signal: string) => {
    const now = performance.now();
    if (firstAt !== null) {
      if (!forcesExit(firstAt, now)) return;
      process.stderr.write(`${signal} again: exiting now\n`);
      process.exit(1);
    }
    firstAt = now;
    deps.lifecycle.drain();
    const graceMs = deps.config.shutdownGraceMs;
    process.stderr.write(`${signal}: shutting down (up to ${graceMs} ms for requests and jobs)\n`);
    const force = setTimeout(() => {
      process.stderr.write('shutdown did not finish in time: exiting\n');
      process.exit(1);
    }, graceMs + CLOSE_MARGIN_MS);
    force.unref();
    stop().then(
      () => {
        process.stderr.write('stopped\n');
        process.exit(0);
      },
      (error: unknown) => {
        process.stderr.write(`shutdown failed: ${(error as Error)?.stack ?? String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => handler('SIGINT'));
  process.on('SIGTERM', () => handler('SIGTERM'));
}
