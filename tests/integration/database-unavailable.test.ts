/**
 * When the database cannot be reached (ADR 0030) a request gets a calm 503 page with Retry-After in
 * the visitor's language, not a 500; when it is back the same server answers again without a
 * restart. On PostgreSQL a multi-host DATABASE_URL connects to the host that takes writes.
 */
import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { type DbHandle, openPostgres, queryRows } from '../../src/db/client.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

const onPostgres = Boolean(process.env.DATABASE_URL);

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

/** A port nothing listens on (bound, read, closed). */
async function deadPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** A TCP forwarder to the test's PostgreSQL that can be cut and brought back on the same port. */
function forwarder(target: { host: string; port: number }) {
  let server: Server | null = null;
  const sockets = new Set<Socket>();
  let port = 0;
  return {
    get port() {
      return port;
    },
    async start() {
      server = createServer((inbound) => {
        const outbound = tcpConnect(target.port, target.host);
        for (const s of [inbound, outbound]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => {});
        }
        inbound.pipe(outbound).pipe(inbound);
      });
      await new Promise<void>((r) => server!.listen(port, '127.0.0.1', r));
      port = (server.address() as { port: number }).port;
    },
    async stop() {
      const s = server;
      server = null;
      for (const socket of sockets) socket.destroy();
      if (s) await new Promise((r) => s.close(r));
    },
  };
}

describe('a database that cannot be reached', () => {
  it('answers a calm 503 in Japanese with Retry-After, and in English for an English visitor', async () => {
    const dead = await openPostgres(`postgres://postgres@127.0.0.1:${await deadPort()}/none`).catch(
      (e: Error) => e,
    );
    expect(dead).toBeInstanceOf(Error);
    // The app with a pool whose server is gone (opened lazily: pg pools connect on first use).
    const pg = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const pool = new pg.default.Pool({
      connectionString: `postgres://postgres@127.0.0.1:${await deadPort()}/none`,
    });
    pool.on('error', () => {});
    const app = createApp({ ...ctx.deps, db: drizzle({ client: pool }) as unknown as DbHandle['db'] });
    try {
      const ja = await app.request('/jobs?q=介護');
      expect(ja.status).toBe(503);
      expect(ja.headers.get('retry-after')).toBe('5');
      const html = await ja.text();
      expect(html).toContain('<h1>ただいまご利用いただけません</h1>');
      expect(html).toContain('少し時間をおいてから同じ操作をもう一度お試しください');
      const en = await app.request('/jobs', { headers: { cookie: 'hw_lang=en' } });
      expect(en.status).toBe(503);
      expect(await en.text()).toContain('The service is temporarily unavailable');
      expect(ctx.logs.some((l) => JSON.stringify(l).includes('database unavailable'))).toBe(true);
      expect(ctx.logs.some((l) => JSON.stringify(l).includes('unhandled error'))).toBe(false);
    } finally {
      await pool.end();
    }
  });

  it.skipIf(!onPostgres)('recovers by itself when the database is back (PostgreSQL)', async () => {
    const real = new URL(ctx.deps.dbHandle.kind === 'postgres' ? ctx.deps.dbHandle.url : '');
    const hop = forwarder({ host: real.hostname, port: Number(real.port || 5432) });
    await hop.start();
    const url = new URL(real);
    url.port = String(hop.port);
    const handle = await openPostgres(url.toString(), 2);
    const app = createApp({ ...ctx.deps, dbHandle: handle, db: handle.db });
    try {
      const pool = handle.kind === 'postgres' ? handle.pool : null;
      expect((await app.request('/jobs')).status).toBe(200);
      await hop.stop();
      // At once, before the pool noticed its idle connection is gone, and again after.
      expect((await app.request('/jobs')).status).toBe(503);
      expect((await app.request('/jobs')).status).toBe(503);
      // No connection is kept by a request that failed.
      expect(pool?.totalCount).toBe(0);
      await hop.start();
      // The pool dropped its dead connections; the next request opens a new one.
      expect((await app.request('/jobs')).status).toBe(200);
    } finally {
      await handle.close();
      await hop.stop();
    }
  });

  it.skipIf(!onPostgres)(
    'a multi-host URL skips a host that is down and connects to the one that takes writes',
    async () => {
      const real = new URL(ctx.deps.dbHandle.kind === 'postgres' ? ctx.deps.dbHandle.url : '');
      const auth = real.username ? `${real.username}${real.password ? `:${real.password}` : ''}@` : '';
      const multi = `postgres://${auth}127.0.0.1:${await deadPort()},${real.hostname}:${real.port || 5432}${real.pathname}?target_session_attrs=read-write`;
      const handle = await openPostgres(multi, 2);
      try {
        const rows = await queryRows<{ db: string }>(handle.db, sql`select current_database() as db`);
        expect(rows[0]!.db).toBe(real.pathname.slice(1));
        const app = createApp({ ...ctx.deps, dbHandle: handle, db: handle.db });
        expect((await app.request('/jobs')).status).toBe(200);
      } finally {
        await handle.close();
      }
    },
  );

  it.skipIf(!onPostgres)(
    'a multi-host URL: when the host it used is gone, the next checkout finds the other one at once',
    async () => {
      const real = new URL(ctx.deps.dbHandle.kind === 'postgres' ? ctx.deps.dbHandle.url : '');
      const target = { host: real.hostname, port: Number(real.port || 5432) };
      const [a, b] = [forwarder(target), forwarder(target)];
      await a.start();
      await b.start();
      const auth = real.username ? `${real.username}${real.password ? `:${real.password}` : ''}@` : '';
      const url = `postgres://${auth}127.0.0.1:${a.port},127.0.0.1:${b.port}${real.pathname}?target_session_attrs=read-write`;
      try {
        // The process learns that A takes writes, then holds no connection (a quiet server).
        const first = await openPostgres(url, 1);
        await first.close();
        await a.stop();
        // Its next pool goes to A first, is refused, and the retry probes and reaches B.
        const second = await openPostgres(url, 1);
        try {
          const app = createApp({ ...ctx.deps, dbHandle: second, db: second.db });
          expect((await app.request('/jobs')).status).toBe(200);
        } finally {
          await second.close();
        }
      } finally {
        await a.stop();
        await b.stop();
      }
    },
  );

  it.skipIf(!onPostgres)(
    'a multi-host URL whose only server is a read-only one is unavailable, not an error',
    async () => {
      const real = new URL(ctx.deps.dbHandle.kind === 'postgres' ? ctx.deps.dbHandle.url : '');
      // default_transaction_read_only stands in for a standby: transaction_read_only is on.
      real.searchParams.set('options', '-c default_transaction_read_only=on');
      real.searchParams.set('target_session_attrs', 'read-write');
      const error = await openPostgres(real.toString(), 1).catch((e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(
        /no read-write PostgreSQL server answers \(.*:\d+ read-only\)/,
      );
    },
  );
});
