import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import type { Booted } from './boot.ts';

/** Starts the HTTP server on the configured port; resolves once it listens. */
export function startHttp(booted: Booted): Promise<{ close(): Promise<void>; port: number }> {
  const { deps } = booted;
  const app = createApp(deps);
  return new Promise((resolve, reject) => {
    const server = serve(
      {
        fetch: app.fetch,
        port: deps.config.port,
        ...(deps.config.host ? { hostname: deps.config.host } : {}),
      },
      (info) => {
        deps.logger.info('listening', {
          url: deps.config.baseUrl,
          port: info.port,
          database: deps.dbHandle.kind,
        });
        resolve({
          port: info.port,
          close: async () => {
            // Stop accepting, then end the open event streams (they would hold server.close() open
            // until the forced exit); their browsers reconnect to another server and resume.
            const closed = new Promise<void>((done) => server.close(() => done()));
            await deps.liveFeed.close();
            if ('closeIdleConnections' in server) server.closeIdleConnections();
            await closed;
          },
        });
      },
    );
    server.once('error', reject);
  });
}

/** Stops cleanly on SIGINT/SIGTERM: no new requests, running jobs finish, the database closes. */
export function onShutdown(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`${signal}: shutting down\n`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => handler('SIGINT'));
  process.on('SIGTERM', () => handler('SIGTERM'));
}
