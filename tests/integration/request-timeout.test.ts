/**
 * REQUEST_TIMEOUT_MS (src/config.ts, applied in src/serve.ts): a request whose body arrives a byte
 * at a time is cut — 408 or the connection closed — close to the limit, on a real server. Found by
 * E1 (issue 15): with Node's defaults the server checked its limits only every 30 s and gave a
 * request 300 s, so slow-drip bodies held connections for minutes. A bad value stops start-up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Booted } from '../../src/boot.ts';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { type HttpServer, requestTimeouts, startHttp } from '../../src/serve.ts';
import { freePort } from '../support/clamd.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { slowDripRequest } from '../support/upload-corpus.ts';

const TIMEOUT_MS = 1500;

describe('REQUEST_TIMEOUT_MS', () => {
  it('is 120 s by default, read when set, and a bad value stops start-up naming the variable', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).requestTimeoutMs).toBe(120_000);
    expect(loadConfig({ NODE_ENV: 'test', REQUEST_TIMEOUT_MS: '5000' }).requestTimeoutMs).toBe(5000);
    for (const bad of ['0', '-1', 'abc', '1.5', '999', '3600001']) {
      expect(() => loadConfig({ NODE_ENV: 'test', REQUEST_TIMEOUT_MS: bad }), bad).toThrow(ConfigError);
      expect(() => loadConfig({ NODE_ENV: 'test', REQUEST_TIMEOUT_MS: bad }), bad).toThrow(
        /REQUEST_TIMEOUT_MS/,
      );
    }
    expect(requestTimeouts(120_000)).toEqual({
      requestTimeout: 120_000,
      headersTimeout: 60_000,
      connectionsCheckingInterval: 1000,
    });
    expect(requestTimeouts(1000)).toEqual({
      requestTimeout: 1000,
      headersTimeout: 1000,
      connectionsCheckingInterval: 100,
    });
  });

  describe('on a real server', () => {
    let ctx: TestContext;
    let server: HttpServer;
    beforeAll(async () => {
      const port = await freePort();
      ctx = await createTestContext({
        env: { REQUEST_TIMEOUT_MS: String(TIMEOUT_MS), PORT: String(port), SHUTDOWN_GRACE_MS: '1000' },
      });
      server = await startHttp({ deps: ctx.deps } as Booted);
    });
    afterAll(async () => {
      await server?.close();
      await ctx?.close();
    });

    it('cuts a body dripped a byte every 200 ms with 408 (or a closed connection) within the limit, and keeps serving', async () => {
      for (const path of ['/login', '/mypage/jobs/13010-00000001/apply']) {
        const drip = await slowDripRequest({
          port: server.port,
          path,
          contentType: path === '/login' ? 'application/x-www-form-urlencoded' : undefined,
          everyMs: 200,
          giveUpMs: TIMEOUT_MS + 5000,
        });
        expect(drip.cut, path).toBe(true);
        expect(drip.cutAfterMs, path).toBeLessThan(TIMEOUT_MS + 1500);
        expect(drip.cutAfterMs, path).toBeGreaterThanOrEqual(TIMEOUT_MS - 100);
        if (drip.status) expect(drip.status, path).toMatch(/^HTTP\/1\.1 408/);
      }
      const res = await fetch(`http://127.0.0.1:${server.port}/healthz`);
      expect(res.status).toBe(200);
    }, 20_000);
  });
});
