import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import {
  migrationsCurrent,
  notReadyReasons,
  routeLabel,
  STALE_AFTER_INTERVALS,
  workerAlive,
} from '../../src/modules/operations/operations.rules.ts';
import { createLifecycle } from '../../src/platform/lifecycle.ts';
import { forcesExit, REPEAT_WINDOW_MS } from '../../src/serve.ts';
import { shutdownRetryMs } from '../../src/web/seeker/live.routes.tsx';

describe('issue 17 readiness rules', () => {
  it('issue 17 migrations are current when the newest applied is at least the journal’s last (a database ahead is fine)', () => {
    expect(migrationsCurrent(2000, 2000)).toBe(true);
    expect(migrationsCurrent(2000, 3000)).toBe(true);
    expect(migrationsCurrent(2000, 1999)).toBe(false);
    expect(migrationsCurrent(2000, null)).toBe(false);
  });

  it('issue 17 a worker is alive up to four heartbeat intervals after its last one', () => {
    expect(STALE_AFTER_INTERVALS).toBe(4);
    expect(workerAlive(60_000, 15_000)).toBe(true);
    expect(workerAlive(60_001, 15_000)).toBe(false);
    expect(workerAlive(0, 15_000)).toBe(true);
  });

  it('issue 17 not ready: shutting down, database unreachable, or migrations behind; workers never count', () => {
    const ok = { draining: false, databaseReachable: true, migrationsCurrent: true };
    expect(notReadyReasons(ok)).toEqual([]);
    expect(notReadyReasons({ ...ok, draining: true })).toEqual(['shutting-down']);
    expect(notReadyReasons({ ...ok, migrationsCurrent: false })).toEqual(['migrations-behind']);
    // Unknown migrations when the database cannot be asked: only the database is reported.
    expect(notReadyReasons({ ...ok, databaseReachable: false, migrationsCurrent: null })).toEqual([
      'database-unreachable',
    ]);
    expect(notReadyReasons({ draining: true, databaseReachable: false, migrationsCurrent: null })).toEqual([
      'shutting-down',
      'database-unreachable',
    ]);
  });

  it('issue 17 route labels are patterns; requests that matched no route share one label', () => {
    expect(routeLabel('/jobs/:number')).toBe('/jobs/:number');
    expect(routeLabel('/mypage/*')).toBe('/mypage/*');
    expect(routeLabel('/*')).toBe('unmatched');
    expect(routeLabel('*')).toBe('unmatched');
    expect(routeLabel('')).toBe('unmatched');
    expect(routeLabel(undefined)).toBe('unmatched');
  });
});

describe('issue 17 shutdown rules', () => {
  it('issue 17 the copy of a Ctrl-C that npm forwards does not force; a signal a second later does', () => {
    expect(REPEAT_WINDOW_MS).toBe(1000);
    expect(forcesExit(5000, 5007)).toBe(false);
    expect(forcesExit(5000, 5999)).toBe(false);
    expect(forcesExit(5000, 6000)).toBe(true);
  });

  it('issue 17 streams are told to come back after 1–5 s, spread', () => {
    expect(shutdownRetryMs(() => 0)).toBe(1000);
    expect(shutdownRetryMs(() => 0.5)).toBe(3000);
    expect(shutdownRetryMs(() => 0.99999)).toBe(4999);
  });

  it('issue 17 the lifecycle counts running handlers and says when they are done, or gives up after its timeout', async () => {
    const life = createLifecycle();
    expect(await life.settled(10)).toBe(true);
    const one = life.begin();
    const two = life.begin();
    expect(life.inFlight).toBe(2);
    expect(await life.settled(10)).toBe(false);
    const waiting = life.settled(5000);
    one();
    one(); // twice is once
    expect(life.inFlight).toBe(1);
    two();
    expect(await waiting).toBe(true);
    expect(life.draining).toBe(false);
    life.drain();
    expect(life.draining).toBe(true);
  });
});

describe('issue 17 configuration of shutdown and metrics', () => {
  const production = {
    NODE_ENV: 'production',
    SESSION_SECRET: 'x'.repeat(32),
    BASE_URL: 'https://mypage.example.jp',
    SMTP_URL: 'smtp://mail.example.jp:587',
    CLAMD_HOST: '127.0.0.1',
  };
  const token = 't'.repeat(32);

  it('issue 17 defaults: 10 s grace, 15 s heartbeat; metrics open on the main port outside production', () => {
    const c = loadConfig({});
    expect(c.shutdownGraceMs).toBe(10_000);
    expect(c.workerHeartbeatMs).toBe(15_000);
    expect(c.metrics).toEqual({ enabled: true, token: undefined, port: undefined, onMainPort: true });
  });

  it('issue 17 production without METRICS_TOKEN or METRICS_PORT: metrics off; with a token on the main port; with a port alone only there', () => {
    expect(loadConfig(production).metrics).toMatchObject({ enabled: false, onMainPort: false });
    expect(loadConfig({ ...production, METRICS_TOKEN: token }).metrics).toMatchObject({
      enabled: true,
      onMainPort: true,
      token,
    });
    expect(loadConfig({ ...production, METRICS_PORT: '9464' }).metrics).toEqual({
      enabled: true,
      onMainPort: false,
      token: undefined,
      port: 9464,
    });
  });

  it('issue 17 bad values stop start-up naming the variable; a short token is not echoed', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short-secret' })).toThrow(
      'Configuration error: METRICS_TOKEN must be at least 32 characters',
    );
    expect(() => loadConfig({ METRICS_TOKEN: 'short-secret' })).not.toThrow(/short-secret/);
    expect(() => loadConfig({ METRICS_PORT: '3000' })).toThrow(
      'METRICS_PORT must differ from PORT (both 3000)',
    );
    expect(() => loadConfig({ METRICS_PORT: 'x' })).toThrow('METRICS_PORT must be a number');
    expect(() => loadConfig({ SHUTDOWN_GRACE_MS: '0' })).toThrow('SHUTDOWN_GRACE_MS');
    expect(() => loadConfig({ WORKER_HEARTBEAT_MS: '10' })).toThrow(
      'WORKER_HEARTBEAT_MS must be at least 1000',
    );
  });
});
